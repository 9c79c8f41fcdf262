// The document queue: pasted texts and imported files become documents listed with their status
// and counts, Alt+↓/↑ moves between them, « Terminé » (button or Ctrl+Entrée) changes the status,
// a large file is annotated in the worker with a progress bar that can be cancelled, and an
// edit in one document never touches another.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, pasteText } from './harness.mjs';
import { entities, entity, claims, queue, state, ready, shownAnnotated, clickEntity, importFiles, importPasted, clean } from './helpers.mjs';

const TEXTS = [
  '« Nous resterons », a déclaré Ashraf Ghani le 15 juillet 2016 à Kaboul.',
  'Selon l’AFP, 3 500 soldats ont été déployés à Ankara lundi.',
  'Le ministre de l’Intérieur a précisé que 41 000 euros avaient été saisis à Marseille, a rapporté Le Monde ce matin.',
];

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

/** Waits until every document of the queue has its annotation. */
async function allAnnotated(page) {
  await page.waitForFunction(
    () => [...document.querySelectorAll('#doc-list .doc-counts')].every((c) => c.textContent !== 'non annoté') && document.querySelector('#progress').hidden,
    null,
    { timeout: 60_000 },
  );
}

/** Waits until the page shows the document whose text is `text`. */
async function showing(page, text) {
  await page.waitForFunction((t) => document.querySelector('#input').value === t && document.querySelector('#output').textContent === t, text);
}

/** The counts an item should show for the shown document, from what the text and panel show. */
async function expectedCounts(page) {
  const e = await entities(page);
  const c = await claims(page);
  const suggestions = e.filter((x) => x.provenance === 'model').length + c.filter((x) => x.provenance === 'model').length;
  return `${e.length} ent. · ${c.length} aff.${suggestions ? ` · ${suggestions} à revoir` : ''}`;
}

describe('documents in the queue', () => {
  test('pasted texts become documents; Alt+↓/↑ moves between them; Terminé and Ctrl+Entrée change the status', async () => {
    await withPage(async (page) => {
      await importPasted(page, `${TEXTS[0]}\n---\n\n${TEXTS[1]}\n  ---  \n${TEXTS[2]}\n`);
      await allAnnotated(page);
      let list = await queue(page);
      // The blank document the page started with is replaced by the pasted ones.
      assert.deepEqual(
        list.map((d) => [d.title, d.status, d.statusText]),
        [
          [`${TEXTS[0].slice(0, 57)}…`, 'todo', 'à faire'],
          [TEXTS[1], 'todo', 'à faire'],
          [`${TEXTS[2].slice(0, 57)}…`, 'todo', 'à faire'],
        ],
      );
      assert.deepEqual(list.map((d) => d.current), [true, false, false]);
      assert.equal(await page.textContent('#queue-counts'), '3 · 0 terminé · 0 en cours · 3 à faire');
      await showing(page, TEXTS[0]);
      assert.equal(list[0].counts, await expectedCounts(page));
      assert.equal((await entity(page, 'Ashraf Ghani'))?.label, 'PER');

      // Next and previous with the keyboard.
      await page.keyboard.press('Alt+ArrowDown');
      await showing(page, TEXTS[1]);
      assert.equal((await entity(page, 'Ankara'))?.label, 'LOC');
      assert.equal((await queue(page))[1].counts, await expectedCounts(page));
      await page.keyboard.press('Alt+ArrowDown');
      await showing(page, TEXTS[2]);
      assert.equal((await entity(page, 'Marseille'))?.label, 'LOC');
      assert.equal((await queue(page))[2].counts, await expectedCounts(page));
      await page.keyboard.press('Alt+ArrowDown');
      await page.waitForFunction(() => /dernier document/.test(document.querySelector('#notice').textContent));
      await showing(page, TEXTS[2]);
      await page.keyboard.press('Alt+ArrowUp');
      await showing(page, TEXTS[1]);
      assert.deepEqual((await queue(page)).map((d) => d.current), [false, true, false]);

      // Marking done: the button, then Ctrl+Entrée reopens, and again.
      await page.click('#mark-done');
      list = await queue(page);
      assert.deepEqual([list[1].status, list[1].statusText], ['done', 'terminé']);
      assert.equal(await page.getAttribute('#mark-done', 'aria-pressed'), 'true');
      assert.equal(await page.textContent('#queue-counts'), '3 · 1 terminé · 0 en cours · 2 à faire');
      await page.keyboard.press('Control+Enter');
      assert.deepEqual((await queue(page))[1].status, 'in_progress');
      assert.equal(await page.textContent('#queue-counts'), '3 · 0 terminé · 1 en cours · 2 à faire');
      await page.keyboard.press('Control+Enter');
      assert.equal((await queue(page))[1].status, 'done');

      // An edit moves a document from « à faire » to « en cours », and its counts follow.
      await page.keyboard.press('Alt+ArrowUp');
      await showing(page, TEXTS[0]);
      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('Delete');
      list = await queue(page);
      assert.deepEqual(list.map((d) => d.status), ['in_progress', 'done', 'todo']);
      assert.equal(list[0].counts, await expectedCounts(page));
      assert.equal(await page.textContent('#queue-counts'), '3 · 1 terminé · 1 en cours · 1 à faire');

      // A click on an item opens it; ↓ in the list opens the next one.
      await page.click('#doc-list li.doc:nth-child(3)');
      await showing(page, TEXTS[2]);
      await page.focus('#doc-list li.doc[aria-current="true"]');
      await page.keyboard.press('ArrowUp');
      await showing(page, TEXTS[1]);
      clean(page);
    });
  });

  test('a .txt file and a .jsonl file of many documents through the file chooser', async () => {
    await withPage(async (page) => {
      const article = 'La préfecture du Rhône a annoncé que 3 500 policiers seraient mobilisés à Lyon.\n';
      const lines = [];
      for (let i = 1; i <= 40; i++) {
        const doc = { id: `dépêche-${i}`, text: `Dépêche ${i} : Ashraf Ghani est arrivé à Kaboul le ${(i % 28) + 1} juillet 2016.` };
        if (i === 7) doc.status = 'done';
        lines.push(JSON.stringify(doc));
      }
      await importFiles(page, [
        { name: 'article.txt', buffer: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(article)]) },
        { name: 'depeches.jsonl', buffer: Buffer.from(`${lines.join('\n')}\n`) },
      ]);
      assert.match(await page.textContent('#notice'), /41 documents ajoutés depuis article\.txt, depeches\.jsonl/);
      await allAnnotated(page);
      const list = await queue(page);
      assert.deepEqual(
        list.map((d) => d.title),
        ['article.txt', ...Array.from({ length: 40 }, (_, i) => `dépêche-${i + 1}`)],
      );
      assert.deepEqual(list.filter((d) => d.status === 'done').map((d) => d.title), ['dépêche-7'], 'a status in the file is kept');
      assert.equal(await page.textContent('#queue-counts'), '41 · 1 terminé · 0 en cours · 40 à faire');
      // The .txt is one document, its byte order mark dropped.
      await showing(page, article);
      assert.equal((await entity(page, 'Lyon'))?.label, 'LOC');
      // Any document of the file opens with its own annotation.
      await page.click('#doc-list li.doc:nth-child(31)');
      const text30 = JSON.parse(lines[29]).text;
      await showing(page, text30);
      await shownAnnotated(page);
      const e = await entities(page);
      assert.deepEqual(
        e.filter((x) => x.label === 'PER' || x.label === 'LOC').map((x) => [x.text, x.label]),
        [
          ['Ashraf Ghani', 'PER'],
          ['Kaboul', 'LOC'],
        ],
      );
      assert.equal((await queue(page))[30].counts, await expectedCounts(page));
      clean(page);
    });
  });

  test('a large .jsonl is annotated with a progress bar; cancelled, the rest stays « non annoté » until opened', async () => {
    await withPage(async (page) => {
      const n = 300;
      const lines = [];
      for (let i = 1; i <= n; i++) {
        const text =
          `Article ${i}. « Nous resterons », a déclaré Ashraf Ghani le 15 juillet 2016 à Kaboul, devant ${i} journalistes. ` +
          'Selon l’AFP, 3 500 soldats ont été déployés à Ankara lundi, et le ministre de l’Intérieur a précisé que 41 000 euros avaient été saisis à Marseille. '.repeat(4);
        lines.push(JSON.stringify({ id: `a${i}`, text }));
      }
      // Watch the progress line as a user would, and press « Annuler » once 5 documents are done.
      await page.evaluate(() => {
        window.__progress = [];
        const text = document.querySelector('#progress-text');
        new MutationObserver(() => {
          const bar = document.querySelector('#progress-bar');
          window.__progress.push({ text: text.textContent, visible: !document.querySelector('#progress').hidden, value: bar.value, max: bar.max });
          if (bar.value >= 5) document.querySelector('#progress-cancel').click();
        }).observe(text, { childList: true, characterData: true, subtree: true });
      });
      await importFiles(page, [{ name: 'gros.jsonl', buffer: Buffer.from(lines.join('\n')) }]);
      await page.waitForFunction(() => /Annotation arrêtée/.test(document.querySelector('#notice').textContent), null, { timeout: 60_000 });
      assert.equal(await page.isHidden('#progress'), true, 'the progress bar goes away');
      const seen = await page.evaluate(() => window.__progress);
      assert.ok(seen.length >= 2, JSON.stringify(seen));
      assert.ok(seen.every((p) => p.max === n), JSON.stringify(seen));
      // Shown all along (the last record may come after the bar was hidden at the end).
      assert.ok(seen.slice(0, -1).every((p) => p.visible), JSON.stringify(seen));
      assert.deepEqual(
        seen.map((p) => p.text),
        seen.map((p) => `Annotation ${p.value} / ${n}`),
      );
      const done = Number(/Annotation arrêtée : (\d+) document/.exec(await page.textContent('#notice'))[1]);
      assert.ok(done >= 5 && done < n, `${done} documents annotated`);

      let list = await queue(page);
      assert.equal(list.length, n, 'every document stays in the queue');
      const annotated = list.filter((d) => d.counts !== 'non annoté');
      assert.equal(annotated.length, done, 'the documents annotated before the cancel have their counts');
      assert.deepEqual(annotated.map((d) => d.title), list.slice(0, done).map((d) => d.title), 'in queue order');
      const st = await state(page);
      assert.equal(st.docs.filter((d) => d.annotated).length, done);

      // A document not annotated yet is annotated when opened.
      await page.click('#doc-list li.doc:nth-child(250)');
      await showing(page, JSON.parse(lines[249]).text);
      await shownAnnotated(page);
      assert.equal((await entity(page, 'Ashraf Ghani'))?.label, 'PER');
      list = await queue(page);
      assert.equal(list[249].counts, await expectedCounts(page));
      assert.equal(list.filter((d) => d.counts !== 'non annoté').length, done + 1, 'only the opened one more');
      clean(page);
    });
  });

  test('an edit in one document does not touch another, even with the same text', async () => {
    await withPage(async (page) => {
      await importPasted(page, `${TEXTS[0]}\n---\n${TEXTS[0]}`);
      await allAnnotated(page);
      const before = await state(page);
      assert.equal(before.docs.length, 2);
      const [first, second] = before.order;
      assert.equal(before.current, first);
      await clickEntity(page, 'Ashraf Ghani');
      await page.keyboard.press('2');
      await clickEntity(page, 'Kaboul');
      await page.keyboard.press('Delete');
      await page.click('#mark-done');
      // A typed edit too.
      await page.focus('#input');
      await page.keyboard.press('End');
      await page.keyboard.type(' Fin.');
      await page.waitForFunction((t) => window.__balise.docs.get(window.__balise.current()).text === t, `${TEXTS[0]} Fin.`);
      await shownAnnotated(page);

      const after = await state(page);
      assert.deepEqual(after.docs[1], before.docs[1], 'the other document is exactly as it was');
      assert.equal(after.docs[0].key, first);
      assert.equal(after.docs[0].status, 'done');

      await page.keyboard.press('Alt+ArrowDown');
      await showing(page, TEXTS[0]);
      assert.equal((await state(page)).current, second);
      const e = await entity(page, 'Ashraf Ghani');
      assert.deepEqual([e.label, e.provenance], ['PER', 'model']);
      assert.equal((await entity(page, 'Kaboul'))?.label, 'LOC');
      assert.equal(await page.isDisabled('#undo'), true, 'nothing to undo here');
      assert.equal(await page.getAttribute('#mark-done', 'aria-pressed'), 'false');
      await page.keyboard.press('Alt+ArrowUp');
      await showing(page, `${TEXTS[0]} Fin.`);
      assert.deepEqual((({ label, provenance }) => [label, provenance])(await entity(page, 'Ashraf Ghani')), ['ORG', 'edited']);
      assert.equal(await entity(page, 'Kaboul'), null);
      clean(page);
    });
  });
});

describe('a text too long for one document', () => {
  test('is kept but not annotated; « Découper » makes documents that join back to it, then annotates them', async () => {
    await withPage(async (page) => {
      const unit = '« Nous resterons 🙂 », a déclaré Ashraf Ghani à Kaboul le 15 juillet 2016.\n\nSelon l’AFP, 3 500 soldats sont partis.\n\n';
      const text = unit.repeat(Math.ceil(2_100_000 / unit.length));
      const limits = await page.evaluate(async () => {
        const m = await import('/doc-model.js');
        return { max: m.MAX_DOC_CHARS, part: m.SPLIT_PART_CHARS };
      });
      assert.ok(text.length > limits.max);
      await pasteText(page, text);
      await page.waitForSelector('#split-doc', { timeout: 60_000 });
      assert.equal(await page.getAttribute('#status', 'data-state'), 'error');
      assert.match(await page.textContent('#status'), /trop long/);
      assert.equal(await page.isVisible('#output'), false, 'no annotated view of the raw text');
      assert.equal(await page.isVisible('#too-long'), true);
      // Kept as it is, and stored: nothing is lost while it waits to be split.
      await page.waitForSelector('#save-state[data-state="saved"]', { timeout: 60_000 });
      let st = await state(page);
      assert.equal(st.docs.length, 1);
      assert.equal(st.docs[0].text.length, text.length);
      assert.equal(st.docs[0].annotated, false);

      await page.click('#split-doc');
      await page.waitForFunction(() => window.__balise.order().length > 1);
      await allAnnotated(page);
      st = await state(page);
      assert.ok(st.docs.length >= Math.ceil(text.length / limits.part), `${st.docs.length} parts`);
      assert.equal(st.docs.map((d) => d.text).join(''), text, 'the parts join back to the text');
      for (const d of st.docs) {
        assert.ok(d.text.length <= limits.part);
        assert.ok(d.annotated, 'every part is annotated');
        assert.ok(d.entities.length > 0 && d.claims.length > 0);
      }
      assert.ok(st.docs.slice(0, -1).every((d) => /\n\n$/.test(d.text)), 'cut at paragraph ends');
      assert.equal(st.current, st.order[0], 'the first part is open');
      assert.equal(await page.isVisible('#output'), true);
      assert.equal((await queue(page)).length, st.docs.length);
      clean(page);
    });
  });
});

