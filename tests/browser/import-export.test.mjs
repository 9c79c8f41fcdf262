// Training data in and out of the page: Label Studio and doccano project exports show their
// annotations (entities, claims, suggestions), broken files are named by place and leave the
// queue as it was, and every export downloads a file that imports back to the same annotation.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, ROOT, cpSlice } from './harness.mjs';
import {
  entities,
  claims,
  queue,
  state,
  ready,
  shownAnnotated,
  clickEntity,
  addEntity,
  addClaim,
  importFiles,
  importPasted,
  exportFile,
  bannerText,
  clean,
} from './helpers.mjs';

const FORMATS = join(ROOT, 'tests/data/formats');
const fixture = (name) => ({ name, buffer: readFileSync(join(FORMATS, name)) });

/** Emoji (a ZWJ family: 5 code points, 8 UTF-16 units), CRLF and NBSP before the entities. */
const TRICKY =
  '👨‍👩‍👧 Dépêche 🙂\r\n' +
  'Kaboul,\u00A0le 15 juillet 2016.\r\n' +
  '« Nous resterons », a déclaré Ashraf Ghani\u00A0; selon l’AFP, 3 500 soldats sont arrivés à Ankara.';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

async function withPage(fn) {
  const { context, page } = await openPage(env.browser, env.url);
  try {
    await ready(page);
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

/** The code-point span of the `nth` occurrence of `needle` in `text`. */
function cp(text, needle, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
  assert.ok(at >= 0, `${needle} in the text`);
  const start = Array.from(text.slice(0, at)).length;
  return [start, start + Array.from(needle).length];
}

/** Entities as [text, label, provenance, start, end]. */
async function shownEntities(page) {
  return (await entities(page)).map((e) => [e.text, e.label, e.provenance, e.start, e.end]);
}

/** Claims as [kind, provenance, source, cue, content]. */
async function shownClaims(page) {
  return (await claims(page)).map((c) => [c.kind, c.provenance, c.source, c.cue, c.content]);
}

/** The claim parts in the text, joined per claim and role: {`${claim}/${role}`: [start, end, text]}. */
async function claimParts(page) {
  const { text, parts } = await page.evaluate(() => ({
    text: document.querySelector('#output').textContent,
    parts: [...document.querySelectorAll('#output [data-claim]')].map((el) => ({
      key: `${el.dataset.claim}/${el.dataset.role}`,
      start: Number(el.dataset.start),
      end: Number(el.dataset.end),
    })),
  }));
  const joined = {};
  for (const p of parts) {
    const prev = joined[p.key];
    if (prev) assert.equal(prev[1], p.start, `${p.key} pieces are contiguous`);
    joined[p.key] = [prev ? prev[0] : p.start, p.end];
  }
  const byRole = {};
  for (const [key, [start, end]] of Object.entries(joined)) byRole[key.split('/')[1]] = [start, end, cpSlice(text, start, end)];
  return byRole;
}

/** Opens the queue item titled `title` and waits for it to be shown. */
async function open(page, title) {
  await page.click(`#doc-list li.doc:has(.doc-title:text-is("${title}"))`);
  await page.waitForFunction((t) => document.querySelector('#doc-list li[aria-current="true"] .doc-title').textContent === t, title);
  await page.waitForFunction(() => {
    const b = window.__balise;
    return document.querySelector('#output').textContent === b.docs.get(b.current()).text;
  });
}

describe('importing annotation projects', () => {
  test('Label Studio: annotations with their review state, claims, predictions as suggestions, UTF-16 offsets converted', async () => {
    await withPage(async (page) => {
      await importFiles(page, [fixture('label-studio-project.json')]);
      const notice = await page.textContent('#notice');
      assert.match(notice, /3 documents ajoutés depuis label-studio-project\.json/);
      assert.match(notice, /document "43".*UTF-16/);
      assert.equal(await bannerText(page), null);
      const list = await queue(page);
      assert.deepEqual(list.map((d) => [d.title, d.status]), [
        ['41', 'todo'],
        ['42', 'todo'],
        ['43', 'todo'],
      ]);

      const t1 = '« Nous resterons », a déclaré Ashraf Ghani le 15 juillet 2016 à Kaboul.';
      assert.equal(await page.textContent('#output'), t1);
      assert.deepEqual(await shownEntities(page), [
        ['Ashraf Ghani', 'PER', 'manual', ...cp(t1, 'Ashraf Ghani')],
        ['15 juillet 2016', 'DATE', 'accepted', ...cp(t1, '15 juillet 2016')],
        ['Kaboul', 'LOC', 'edited', ...cp(t1, 'Kaboul')],
      ]);
      assert.deepEqual(await shownClaims(page), [['direct', 'manual', 'Ashraf Ghani', 'a déclaré', 'Nous resterons']]);
      assert.deepEqual(await claimParts(page), {
        content: [...cp(t1, 'Nous resterons'), 'Nous resterons'],
        cue: [...cp(t1, 'a déclaré'), 'a déclaré'],
        source: [...cp(t1, 'Ashraf Ghani'), 'Ashraf Ghani'],
      });
      assert.equal(list[0].counts, '3 ent. · 1 aff.');

      // Task 42 has only predictions: every span is a suggestion to review.
      await open(page, '42');
      const t2 = 'Selon l’AFP, 3 500 soldats ont été déployés à Ankara lundi.';
      assert.deepEqual(await shownEntities(page), [
        ['AFP', 'ORG', 'model', ...cp(t2, 'AFP')],
        ['3 500', 'NUM', 'model', ...cp(t2, '3 500')],
        ['Ankara', 'LOC', 'model', ...cp(t2, 'Ankara')],
        ['lundi', 'DATE', 'model', ...cp(t2, 'lundi')],
      ]);
      assert.deepEqual(await shownClaims(page), [['according_to', 'model', 'l’AFP', 'Selon', '3 500 soldats ont été déployés à Ankara lundi']]);
      assert.equal((await queue(page))[1].counts, '4 ent. · 1 aff. · 5 à revoir');
      assert.equal(await page.isDisabled('#accept-all'), false);

      // Task 43 counted UTF-16 units (a flag is 4 units, 2 code points): the page shows code points.
      await open(page, '43');
      const t3 = '🇫🇷 Le président Emmanuel Macron a annoncé que l’Élysée fermerait.';
      assert.equal(t3.indexOf('Emmanuel Macron'), 18, 'UTF-16 units in the file');
      assert.deepEqual(await shownEntities(page), [
        ['Emmanuel Macron', 'PER', 'manual', 16, 31],
        ['Élysée', 'ORG', 'manual', ...cp(t3, 'Élysée')],
      ]);
      assert.deepEqual(await shownClaims(page), [['indirect', 'manual', 'Le président Emmanuel Macron', 'a annoncé', 'l’Élysée fermerait']]);
      // The second label of a span is kept as an alternative.
      const st = await state(page);
      assert.deepEqual(st.docs[2].entities.find((e) => e.label === 'ORG').alt, ['LOC']);
      clean(page);
    });
  });

  test('doccano (entities and relations): entities, claims with cue and source, extra fields kept', async () => {
    await withPage(async (page) => {
      await importFiles(page, [fixture('doccano-project.jsonl')]);
      assert.deepEqual((await queue(page)).map((d) => d.title), ['1201', '1202']);
      const d1 = 'Le ministre de l’Intérieur a précisé que 41 000 euros avaient été saisis à Marseille.';
      assert.deepEqual(await shownEntities(page), [
        ['Intérieur', 'ORG', 'accepted', ...cp(d1, 'Intérieur')],
        ['41 000 euros', 'NUM', 'accepted', ...cp(d1, '41 000 euros')],
        ['Marseille', 'LOC', 'accepted', ...cp(d1, 'Marseille')],
      ]);
      assert.deepEqual(await shownClaims(page), [
        ['indirect', 'accepted', 'Le ministre de l’Intérieur', 'a précisé', '41 000 euros avaient été saisis à Marseille'],
      ]);
      const parts = await claimParts(page);
      assert.deepEqual(parts.source, [...cp(d1, 'Le ministre de l’Intérieur'), 'Le ministre de l’Intérieur']);

      await open(page, '1202');
      const d2 = 'D’après Reuters, la réunion aura lieu à Genève le 3 mars 😀.';
      assert.deepEqual(await shownEntities(page), [
        ['Reuters', 'ORG', 'accepted', ...cp(d2, 'Reuters')],
        ['Genève', 'LOC', 'accepted', ...cp(d2, 'Genève')],
        ['3 mars', 'DATE', 'accepted', ...cp(d2, '3 mars')],
      ]);
      assert.deepEqual(await shownClaims(page), [['according_to', 'accepted', 'Reuters', 'D’après', 'la réunion aura lieu à Genève le 3 mars']]);
      // doccano's own fields travel with the document: a Balise export gives them back.
      const { bytes } = await exportFile(page, 'balise');
      const out = JSON.parse(bytes.toString('utf8'));
      assert.deepEqual(out.Comments ?? out.extra?.Comments, ['relire la date'], JSON.stringify(out));
      clean(page);
    });
  });

  test('doccano with its own label names: the document and label are named, the queue is unchanged', async () => {
    await withPage(async (page) => {
      const before = await state(page);
      assert.equal(before.docs.length, 1, 'the page starts with one blank document');
      await importFiles(page, [fixture('doccano-project-label.jsonl')]);
      const banner = await bannerText(page);
      assert.match(banner, /doccano-project-label\.jsonl:1: document "1203"/);
      assert.match(banner, /unknown label "ORGANIZATION"/);
      assert.deepEqual(await state(page), before, 'the queue is unchanged');
      assert.equal((await queue(page)).length, 1);
      assert.notEqual(await page.getAttribute('#status', 'data-state'), 'busy', 'the page is not left « reading »');
      // The page still works: typing annotates the document.
      await page.fill('#input', 'Ashraf Ghani est à Kaboul.');
      await shownAnnotated(page);
      assert.deepEqual((await entities(page)).map((e) => [e.text, e.label]), [
        ['Ashraf Ghani', 'PER'],
        ['Kaboul', 'LOC'],
      ]);
      clean(page);
    });
  });

  test('doccano with its own label names and a label map: renamed labels come in at their code-point offsets', async () => {
    await withPage(async (page) => {
      await importFiles(page, [fixture('doccano-project-label.jsonl')], { labels: 'ORGANIZATION=ORG ; Comments=-' });
      await shownAnnotated(page);
      const docs = await queue(page);
      assert.equal(docs.length, 1, 'the blank document gave way to the imported one');
      const got = (await entities(page)).filter((e) => e.provenance !== 'model').map((e) => [e.text, e.label]);
      assert.deepEqual(got, [
        ['Intérieur', 'ORG'],
        ['Marseille', 'LOC'],
      ]);
      // A malformed map is refused with the expected form, and nothing is added.
      await importFiles(page, [fixture('doccano-project-label.jsonl')], { labels: 'ORGANIZATION' });
      assert.match(await bannerText(page), /FROM=TO/);
      assert.equal((await queue(page)).length, 1);
      clean(page);
    });
  });
});

describe('broken files', () => {
  test('bad JSON at line 2: the banner names the file and line; the other lines come in, the queue is kept', async () => {
    await withPage(async (page) => {
      await importPasted(page, 'Ashraf Ghani est à Kaboul.\n---\nLe 3 mars, à Genève.');
      await shownAnnotated(page);
      const before = await state(page);
      const broken = '{"id":"x","text":"Paris est grand."}\n{"id":"y","text":\n{"id":"z","text":"Lyon aussi."}\n';
      await importFiles(page, [{ name: 'cassé.jsonl', buffer: Buffer.from(broken) }]);
      const banner = await bannerText(page);
      assert.match(banner, /cassé\.jsonl:2: invalid JSON/);
      assert.match(banner, /1 élément\(s\) ignoré\(s\)/);
      const after = await state(page);
      assert.deepEqual(after.docs.slice(0, 2), before.docs, 'the documents already there are untouched');
      assert.deepEqual(after.docs.slice(2).map((d) => [d.id, d.text]), [
        ['x', 'Paris est grand.'],
        ['z', 'Lyon aussi.'],
      ]);
      clean(page);
    });
  });

  test('a wrong format, an unknown format and a text that is not UTF-8 add nothing and say why', async () => {
    await withPage(async (page) => {
      await importPasted(page, 'Ashraf Ghani est à Kaboul.');
      await shownAnnotated(page);
      const before = await state(page);
      const cases = [
        [[fixture('label-studio-project.json')], 'doccano', /label-studio-project\.json.*label-studio/],
        [[{ name: 'notes.md', buffer: Buffer.from('Bonjour à tous et à toutes\n') }], '', /notes\.md : the format of this file could not be recognised/],
        [[{ name: 'latin1.txt', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]) }], '', /latin1\.txt : ce fichier n’est pas du texte UTF-8 valide/],
      ];
      for (const [files, format, message] of cases) {
        if (await page.isVisible('#banner')) await page.click('#banner-close');
        await importFiles(page, files, { format });
        assert.match(await bannerText(page), message);
        assert.match(await bannerText(page), /Le reste de la file n’a pas changé/);
        assert.deepEqual(await state(page), before, `${files[0].name}: the queue is unchanged`);
        if (format) await page.evaluate(() => (document.querySelector('#import-format').value = ''));
      }
      clean(page);
    });
  });
});

/** The page's queue document as a comparable annotation (code points, texts, no ids). */
function annotation(doc) {
  const chars = Array.from(doc.text);
  const cps = (s) => (s ? [Array.from(doc.text.slice(0, s.start)).length, Array.from(doc.text.slice(0, s.end)).length] : null);
  const slice = (s) => (s ? chars.slice(...cps(s)).join('') : null);
  return {
    text: doc.text,
    entities: doc.entities.map((e) => ({ span: cps(e), text: slice(e), label: e.label, provenance: e.provenance })),
    claims: doc.claims.map((c) => ({
      kind: c.kind,
      content: [cps(c.content), slice(c.content)],
      cue: [cps(c.cue), slice(c.cue)],
      source: [cps(c.source), slice(c.source)],
      provenance: c.provenance,
    })),
  };
}

const withoutProvenance = (a) => ({
  ...a,
  entities: a.entities.map(({ provenance, ...e }) => e),
  claims: a.claims.map(({ provenance, ...c }) => c),
});

describe('export', () => {
  /** Imports TRICKY as a .txt (CRLF kept), lets the model annotate it and corrects it by hand. */
  async function trickyDocument(page) {
    await importFiles(page, [{ name: 'dépêche.txt', buffer: Buffer.from(TRICKY) }]);
    await shownAnnotated(page);
    assert.equal((await state(page)).docs[0].text, TRICKY, 'CRLF and NBSP are kept');
    await clickEntity(page, 'Ashraf Ghani');
    await page.keyboard.press('Enter'); // accepted
    await clickEntity(page, 'Ankara');
    await page.keyboard.press('2'); // edited: ORG
    await addClaim(page, 'soldats sont arrivés');
    await addEntity(page, 'soldats', '4'); // manual MISC
    const doc = (await state(page)).docs[0];
    const a = annotation(doc);
    const provenances = new Set(a.entities.map((e) => e.provenance));
    assert.deepEqual([...provenances].sort(), ['accepted', 'edited', 'manual', 'model'], JSON.stringify(a.entities));
    assert.ok(a.claims.length >= 2, 'a model claim and a hand-made one');
    return a;
  }

  /** Imports `file` into a fresh page; returns the imported document's annotation. */
  async function reimport(file) {
    return withPage(async (page) => {
      await importFiles(page, [file]);
      assert.equal(await bannerText(page), null, `${file.name} imports without a problem`);
      const st = await state(page);
      assert.equal(st.docs.length, 1, JSON.stringify(st.docs.map((d) => d.id)));
      return annotation(st.docs[0]);
    });
  }

  test('every format downloads a file that imports back to the same annotation (emoji, CRLF, NBSP)', async () => {
    await withPage(async (page) => {
      const original = await trickyDocument(page);
      for (const [format, ext] of [
        ['balise', 'jsonl'],
        ['spacy', 'jsonl'],
        ['doccano', 'jsonl'],
        ['label-studio', 'json'],
        ['brat', 'zip'],
        ['conll', 'conll'],
      ]) {
        const file = await exportFile(page, format);
        assert.equal(file.name, `dépêche.${ext}`, format);
        assert.match(file.note, new RegExp(`^1 document exporté en ${format}\\.`));
        const back = await reimport({ name: file.name, buffer: file.bytes });
        if (format === 'conll') {
          // Tokens only: the text is rebuilt, entities keep their words and labels, claims are gone.
          const squeeze = (a) => a.entities.map((e) => [e.text.replace(/\s+/g, ''), e.label]);
          assert.deepEqual(squeeze(back), squeeze(original), format);
          assert.deepEqual(back.claims, []);
          assert.match(file.note, /Attention : .*claim/);
          continue;
        }
        if (format === 'label-studio') {
          // Suggestions go to `predictions`, which Label Studio (and a re-import) ignores once the
          // task has an annotation: said in the warning; the reviewed spans come back exactly.
          assert.match(file.note, /Attention : label-studio: 1 × document with both reviewed and suggested spans/);
          const reviewed = {
            ...original,
            entities: original.entities.filter((e) => e.provenance !== 'model'),
            claims: original.claims.filter((c) => c.provenance !== 'model'),
          };
          assert.deepEqual(back, reviewed, format);
          continue;
        }
        assert.match(file.note, /^1 document exporté en [a-z-]+\.$/, `${format}: no warning`);
        // doccano has no review state: everything comes back as reviewed.
        if (format === 'doccano') assert.deepEqual(withoutProvenance(back), withoutProvenance(original), format);
        else assert.deepEqual(back, original, format);
      }
    });
  });

  test('the Balise file has code-point offsets and the exact text', async () => {
    await withPage(async (page) => {
      const original = await trickyDocument(page);
      const { bytes } = await exportFile(page, 'balise');
      const lines = bytes.toString('utf8').trim().split('\n');
      assert.equal(lines.length, 1);
      const doc = JSON.parse(lines[0]);
      assert.equal(doc.text, TRICKY);
      assert.equal(doc.id, 'dépêche.txt');
      for (const e of doc.entities) assert.equal(cpSlice(doc.text, e.start, e.end), e.text, JSON.stringify(e));
      const ghani = doc.entities.find((e) => e.text === 'Ashraf Ghani');
      assert.deepEqual([ghani.start, ghani.end, ghani.provenance], [...cp(TRICKY, 'Ashraf Ghani'), 'accepted']);
      assert.deepEqual(
        doc.entities.map((e) => [e.text, e.label, e.provenance]),
        original.entities.map((e) => [e.text, e.label, e.provenance]),
      );
      for (const c of doc.claims) assert.equal(cpSlice(doc.text, c.content.start, c.content.end), c.content.text);
    });
  });

  test('scope: the shown document, the whole queue, the documents marked done', async () => {
    await withPage(async (page) => {
      const texts = ['Ashraf Ghani est à Kaboul.', 'Le 3 mars, à Genève.', 'Selon l’AFP, 3 500 soldats sont arrivés.'];
      await importPasted(page, texts.join('\n---\n'));
      await page.waitForFunction(() => [...document.querySelectorAll('#doc-list .doc-counts')].every((c) => c.textContent !== 'non annoté'));
      await page.keyboard.press('Alt+ArrowDown');
      await page.waitForFunction((t) => document.querySelector('#input').value === t, texts[1]);
      await page.click('#mark-done');
      const read = (bytes) => bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));

      const all = await exportFile(page, 'balise', 'all');
      assert.equal(all.name, 'balise-export.jsonl');
      assert.deepEqual(read(all.bytes).map((d) => [d.text, d.status]), [
        [texts[0], 'todo'],
        [texts[1], 'done'],
        [texts[2], 'todo'],
      ]);
      assert.match(all.note, /^3 documents exportés en balise\./);
      const done = await exportFile(page, 'balise', 'done');
      assert.deepEqual(read(done.bytes).map((d) => d.text), [texts[1]]);
      const current = await exportFile(page, 'balise', 'current');
      assert.deepEqual(read(current.bytes).map((d) => d.text), [texts[1]]);
      // Nothing done: nothing to download, and the dialog says so.
      await page.click('#mark-done');
      await page.click('#export');
      await page.check('input[name="export-scope"][value="done"]');
      await page.click('#export-go');
      await page.waitForFunction(() => document.querySelector('#export-note').textContent === 'Aucun document à exporter.');
      await page.click('#export-cancel');
      clean(page);
    });
  });

  test('CoNLL keeps entities only and says that the claims were not written', async () => {
    await withPage(async (page) => {
      await importPasted(page, '« Nous resterons », a déclaré Ashraf Ghani à Kaboul.');
      await shownAnnotated(page);
      assert.equal((await claims(page)).length, 1);
      const { bytes, note } = await exportFile(page, 'conll');
      assert.match(note, /Attention : conll: 1 × claim not written/);
      assert.match(await page.textContent('#notice'), /Attention : conll: 1 × claim not written/);
      assert.equal(await page.getAttribute('#notice', 'data-kind'), 'error');
      const rows = bytes.toString('utf8').split('\n').filter((l) => l.trim());
      assert.ok(rows.includes('Ashraf B-PER') && rows.includes('Ghani I-PER') && rows.includes('Kaboul B-LOC'), rows.join('|'));
      clean(page);
    });
  });
});

describe('editing imported text', () => {
  test('a CRLF document keeps its corrections when its text is edited in the text box', async () => {
    await withPage(async (page) => {
      await importFiles(page, [{ name: 'crlf.txt', buffer: Buffer.from(TRICKY) }]);
      await shownAnnotated(page);
      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('2');
      await addEntity(page, 'soldats', '4');
      // Type at the end of the text box (whose value has LF line ends).
      await page.focus('#input');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' Fin.');
      await page.waitForFunction(() => {
        const b = window.__balise;
        return b.docs.get(b.current()).text.endsWith(' Fin.');
      });
      await shownAnnotated(page);
      const doc = (await state(page)).docs[0];
      assert.equal(doc.text, `${TRICKY} Fin.`, 'the line ends are kept');
      const e = await entities(page);
      assert.deepEqual(
        e.filter((x) => x.provenance !== 'model').map((x) => [x.text, x.label, x.provenance, x.start, x.end]),
        [
          ['Ashraf Ghani', 'ORG', 'edited', ...cp(doc.text, 'Ashraf Ghani')],
          ['soldats', 'MISC', 'manual', ...cp(doc.text, 'soldats')],
        ],
      );
      clean(page);
    });
  });
});
