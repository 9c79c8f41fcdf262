// The page in a real browser (Debian Chromium through playwright-core): offsets, nesting,
// text kept exactly, no HTML injection, no console errors or CSP violations, offline, a big
// paste, screenshots.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setUp, openPage, annotate, waitAnnotated, snapshot, cpSlice, ensureArtifacts, ROOT, pasteText } from './harness.mjs';

/** Emoji, a ZWJ family, a combining accent, NBSP and NNBSP before the entities. */
const NEWS =
  '🙂 Élysée 👨‍👩‍👧 café\u0301 🇫🇷\n' +
  'Kaboul, le 15 juillet 2016. Les talibans ont attaqué la ville avec 3 500 soldats.\n' +
  '« Nous resterons jusqu’au bout », a déclaré Ashraf Ghani.\u00A0Il\u202Fpleut.';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

async function withPage(fn, options) {
  const { context, page } = await openPage(env.browser, env.url, options);
  try {
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

/** No console error, no uncaught error, no CSP violation, no request to another origin. */
async function assertClean(page) {
  assert.deepEqual(page.problems.console, [], 'console errors');
  assert.deepEqual(page.problems.pageErrors, [], 'uncaught errors');
  assert.deepEqual(await page.cspViolations(), [], 'CSP violations');
  assert.deepEqual(page.problems.foreign, [], 'requests to other origins');
  assert.deepEqual(page.problems.dialogs, [], 'dialogs');
}

/**
 * The invariants every rendering must satisfy: the text is the input; each highlight's text is
 * the code-point slice of the input at its data-start/data-end and lies inside its parent;
 * every element of the output is a highlight; claim parts join back into contiguous spans; the
 * claim list (grouped by source) has one item per claim, with the same data-claim numbers.
 */
function checkInvariants(s) {
  assert.equal(s.output, s.input, 'the rendered text is exactly the input');
  assert.equal(s.elementCount, s.highlights.length, 'no element besides highlights');
  for (const h of s.highlights) {
    assert.ok(Number.isInteger(h.start) && Number.isInteger(h.end) && h.start < h.end, JSON.stringify(h));
    assert.equal(h.text, cpSlice(s.input, h.start, h.end), `offsets of ${JSON.stringify(h)}`);
    if (h.parent) assert.ok(h.parent.start <= h.start && h.end <= h.parent.end, 'nested inside parent');
    assert.ok((h.label === null) !== (h.claim === null), 'an entity or a claim part, not both');
  }
  const joined = new Map();
  for (const p of s.parts) {
    assert.ok(['content', 'cue', 'source'].includes(p.role), p.role);
    const key = `${p.claim}/${p.role}`;
    const prev = joined.get(key);
    if (prev) assert.equal(prev.end, p.start, `${key} pieces are contiguous`);
    joined.set(key, { start: prev ? prev.start : p.start, end: p.end });
  }
  const claims = new Set(s.parts.map((p) => p.claim));
  const listed = s.list.map((c) => c.claim);
  assert.equal(new Set(listed).size, listed.length, 'each claim listed once');
  for (const c of claims) assert.ok(listed.includes(c), `claim ${c} is in the list`);
  for (const [key, span] of joined) {
    const [claim, role] = key.split('/');
    if (role === 'content') {
      const item = s.list.find((c) => c.claim === Number(claim));
      assert.equal(item.content, cpSlice(s.input, span.start, span.end));
    }
  }
  return joined;
}

/** What the wasm module itself says about `text`, with offsets converted by the test. */
async function wasmAnnotation(page, text) {
  return page.evaluate(async (t) => {
    const mod = await import('/pkg/balise.js');
    await mod.default();
    const ann = mod.annotate(t);
    const cp = (u) => Array.from(t.slice(0, u)).length;
    return {
      entities: ann.entities.map((e) => ({ label: e.label, start: cp(e.start), end: cp(e.end) })),
      claims: ann.claims.map((c) => ({ kind: c.kind, content: { start: cp(c.content.start), end: cp(c.content.end) } })),
      raw: ann,
    };
  }, text);
}

describe('annotating a news text', () => {
  test('every entity is one element whose code-point offsets slice the input', async () => {
    await withPage(async (page) => {
      await annotate(page, NEWS);
      const s = await snapshot(page);
      checkInvariants(s);
      const wasm = await wasmAnnotation(page, NEWS);
      assert.ok(wasm.entities.length > 0, 'the core finds at least the numbers');
      assert.equal(s.entities.length, wasm.entities.length, 'one element per entity');
      for (const e of wasm.entities) {
        const els = s.entities.filter((x) => x.start === e.start && x.end === e.end && x.label === e.label);
        assert.equal(els.length, 1, `entity ${JSON.stringify(e)} shown once, whole`);
      }
      // The wasm offsets are UTF-16: after « 🙂 … 🇫🇷 » they differ from code points.
      const first = wasm.raw.entities[0];
      assert.ok(first.start > wasm.entities[0].start, 'UTF-16 offsets converted to code points');
      assert.match(s.status, /entit/);
      await assertClean(page);
    });
  });

  test('DATE « 15 juillet 2016 » and NUM « 3 500 » are found', async () => {
    await withPage(async (page) => {
      await annotate(page, NEWS);
      const s = await snapshot(page);
      const found = s.entities.map((e) => `${e.label}:${e.text}`);
      assert.ok(found.includes('DATE:15 juillet 2016'), `DATE missing in ${found}`);
      assert.ok(found.includes('NUM:3 500'), `NUM missing in ${found}`);
    });
  });


  test('the quote is a direct claim: content, cue, source and a list item', async () => {
    await withPage(async (page) => {
      await annotate(page, NEWS);
      const s = await snapshot(page);
      const joined = checkInvariants(s);
      const item = s.list.find((c) => c.content === 'Nous resterons jusqu’au bout');
      assert.ok(item, `no claim for the quote in ${JSON.stringify(s.list)}`);
      assert.equal(item.kind, 'direct');
      assert.equal(item.source, 'Ashraf Ghani');
      const text = (role) => {
        const span = joined.get(`${item.claim}/${role}`);
        return span && cpSlice(s.input, span.start, span.end);
      };
      assert.equal(text('content'), 'Nous resterons jusqu’au bout');
      assert.equal(text('cue'), 'a déclaré');
      assert.equal(text('source'), 'Ashraf Ghani');
    });
  });

  test('crossing and nested claim parts render as a nested tree (synthetic annotation)', async () => {
    await withPage(async (page) => {
      const text = '🙂 « Nous resterons », a-t-il déclaré. Selon Jean Valjean, 3 500 soldats.';
      const result = await page.evaluate(async (t) => {
        const { TextView } = await import('/text-view.js');
        const { renderClaimPanel } = await import('/claims-panel.js');
        const { newDocument } = await import('/doc-model.js');
        const at = (needle, from = 0) => {
          const i = t.indexOf(needle, from);
          return { start: i, end: i + needle.length };
        };
        const cue = at('a-t-il déclaré');
        const doc = newDocument({ key: 'synthetic', text: t });
        doc.entities = [
          { id: 10, ...at('Jean Valjean'), label: 'PER', provenance: 'model' },
          { id: 11, ...at('3 500'), label: 'NUM', provenance: 'manual' },
        ];
        doc.claims = [
          { id: 0, kind: 'direct', content: at('Nous resterons'), cue, source: { start: cue.start + 4, end: cue.start + 6 }, source_ref: null, hedged: false, provenance: 'model' },
          // A content that starts inside the name: the entity must stay whole.
          { id: 1, kind: 'according_to', content: { start: at('Valjean').start, end: at('soldats').end }, cue: at('Selon'), source: at('Jean Valjean'), source_ref: null, hedged: true, provenance: 'accepted' },
        ];
        const out = document.querySelector('#output');
        new TextView(out).show(doc);
        const claims = renderClaimPanel(document.querySelector('#claims'), doc, null);
        const counts = { entities: out.querySelectorAll('[data-label]').length, claims, dropped: 0 };
        document.querySelector('#input').value = t;
        return {
          counts,
          cueChildren: [...out.querySelector('[data-role="cue"]').children].map((c) => `${c.dataset.role}:${c.textContent}`),
          perParts: [...out.querySelector('[data-label="PER"]').querySelectorAll('[data-claim]')].map((c) => `${c.dataset.claim}/${c.dataset.role}:${c.textContent}`),
        };
      }, text);
      assert.deepEqual(result.counts, { entities: 2, claims: 2, dropped: 0 });
      assert.deepEqual(result.cueChildren, ['source:il']);
      // Claim 1's source covers exactly the name: the source box wraps the entity. Its content
      // starts inside the name, so its first piece lies inside the (whole) entity.
      assert.deepEqual(result.perParts, ['1/content:Valjean']);
      const s = await snapshot(page);
      const joined = checkInvariants(s);
      assert.equal(s.entities.length, 2);
      const slice = (k) => cpSlice(text, joined.get(k).start, joined.get(k).end);
      assert.equal(slice('0/cue'), 'a-t-il déclaré');
      assert.equal(slice('0/source'), 'il');
      assert.equal(slice('1/content'), 'Valjean, 3 500 soldats');
      assert.equal(slice('1/source'), 'Jean Valjean');
      assert.equal(s.parts.filter((p) => p.claim === 1 && p.role === 'content').length, 2);
      assert.deepEqual(s.list.map((c) => [c.kind, c.source, c.content]), [
        ['direct', 'il', 'Nous resterons'],
        ['according_to', 'Jean Valjean', 'Valjean, 3 500 soldats'],
      ]);
      await assertClean(page);
    });
  });
});

describe('the wasm module', () => {
  test('tokenize gives UTF-16 spans of the original text; version is the crate version', async () => {
    await withPage(async (page) => {
      const text = '🙂 l’État\u00A0a dit : « 3\u202F500 » 👨‍👩‍👧 café\u0301.';
      const r = await page.evaluate(async (t) => {
        const mod = await import('/pkg/balise.js');
        await mod.default();
        const tokens = mod.tokenize(t);
        return {
          version: mod.version(),
          tokens: tokens.map((k) => ({ ...k, text: t.slice(k.start, k.end) })),
          empty: mod.annotate(''),
        };
      }, text);
      const cargo = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
      assert.equal(r.version, cargo.match(/^version = "([^"]+)"/m)[1]);
      assert.ok(r.tokens.length >= 8, JSON.stringify(r.tokens));
      let prevEnd = 0;
      for (const t of r.tokens) {
        assert.ok(t.start >= prevEnd && t.start < t.end && t.end <= text.length, JSON.stringify(t));
        assert.equal(t.text.trim(), t.text, 'tokens hold no surrounding whitespace');
        assert.equal(typeof t.kind, 'string');
        prevEnd = t.end;
      }
      // Everything between tokens is whitespace: the tokens are the text, at the right offsets.
      const gaps = text.split('').filter((_, i) => !r.tokens.some((t) => t.start <= i && i < t.end)).join('');
      assert.match(gaps, /^\s*$/u);
      assert.ok(r.tokens.some((t) => t.text === 'État' || t.text === 'l’État'), 'a word after the emoji');
      assert.deepEqual(r.empty, { entities: [], claims: [] });
      await assertClean(page);
    });
  });
});

describe('the text is shown exactly as typed', () => {
  test('CRLF, NBSP, NNBSP, tabs and blank lines are kept (fill)', async () => {
    await withPage(async (page) => {
      const text = 'Ligne 1\r\nLigne\u00A02 : 3\u202F500\t€\r\n\r\n\r\n  fin  ';
      await annotate(page, text);
      const s = await snapshot(page);
      // Chromium keeps CRLF in a filled textarea's value (a paste normalises it, see below):
      // either way the output shows exactly what the textarea holds.
      assert.ok([text, text.replace(/\r\n/g, '\n')].includes(s.input), JSON.stringify(s.input));
      checkInvariants(s);
      assert.ok(s.output.includes('Ligne\u00A02 : 3\u202F500\t€'));
      assert.ok(s.output.endsWith('\n  fin  '));
      await assertClean(page);
    });
  });

  test('CRLF pasted from the clipboard shows what the textarea holds', async () => {
    await withPage(
      async (page) => {
        const text = 'Le 14 juillet\r\n« Oui », a dit Léa.\r\n\u00A0fin';
        await page.evaluate((t) => navigator.clipboard.writeText(t), text);
        await page.focus('#input');
        await page.keyboard.press('Control+V');
        await waitAnnotated(page);
        const s = await snapshot(page);
        assert.equal(s.input, text.replace(/\r\n/g, '\n'));
        checkInvariants(s);
        await assertClean(page);
      },
      { contextOptions: { permissions: ['clipboard-read', 'clipboard-write'] } },
    );
  });

  test('HTML in the input appears as text and creates no element', async () => {
    await withPage(async (page) => {
      const text = '<img src=x onerror=alert(1)> <b>x</b> <script>alert(2)</script> &amp; 12 <i>';
      await annotate(page, text);
      const s = await snapshot(page);
      checkInvariants(s);
      const tags = await page.evaluate(() => document.querySelectorAll('#output img, #output b, #output script, #output i, #claims img').length);
      assert.equal(tags, 0);
      assert.deepEqual(page.problems.dialogs, []);
      await assertClean(page);
    });
  });

  test('typing fast: stale results are dropped, the last text wins', async () => {
    await withPage(async (page) => {
      await page.focus('#input');
      await page.keyboard.type('Le 15 juillet 2016, 3 500 soldats 🙂 sont arrivés.', { delay: 5 });
      await waitAnnotated(page);
      const s = await snapshot(page);
      assert.equal(s.input, 'Le 15 juillet 2016, 3 500 soldats 🙂 sont arrivés.');
      checkInvariants(s);
      await assertClean(page);
    });
  });
});

describe('robustness', () => {
  test('works offline: no request leaves the origin, annotation still works', async () => {
    await withPage(async (page, context) => {
      await context.setOffline(true);
      await annotate(page, NEWS);
      checkInvariants(await snapshot(page));
      await page.click('#sample');
      await waitAnnotated(page);
      checkInvariants(await snapshot(page));
      await assertClean(page);
    });
  });

  test('a 200,000-character paste annotates while the page stays responsive', async () => {
    await withPage(async (page) => {
      const unit = 'Le 15 juillet 2016, l’Élysée 🙂 a compté 3 500 soldats à Kaboul\u00A0; « nous resterons », a déclaré Ashraf Ghani.\n';
      const text = unit.repeat(Math.ceil(200_000 / unit.length)).slice(0, 200_000);
      await page.fill('#input', text);
      // While the worker runs, the main thread still paints frames and takes keystrokes.
      const frames = await page.evaluate(
        () => new Promise((resolve) => {
          let n = 0;
          const tick = () => (++n === 3 ? resolve(n) : requestAnimationFrame(tick));
          requestAnimationFrame(tick);
        }),
      );
      assert.equal(frames, 3);
      await page.focus('#input');
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' fin');
      await waitAnnotated(page, 60_000);
      const result = await page.evaluate(() => {
        const input = document.querySelector('#input').value;
        const cps = Array.from(input);
        let bad = 0;
        const els = document.querySelectorAll('#output [data-start]');
        for (const el of els) {
          const text = cps.slice(Number(el.dataset.start), Number(el.dataset.end)).join('');
          if (text !== el.textContent) bad++;
        }
        return { length: input.length, ends: input.endsWith(' fin'), highlights: els.length, bad, same: document.querySelector('#output').textContent === input };
      });
      assert.equal(result.length, 200_004);
      assert.ok(result.ends && result.same);
      assert.ok(result.highlights > 1000, `only ${result.highlights} highlights`);
      assert.equal(result.bad, 0, 'every highlight slices the input');
      await assertClean(page);
    });
  });

  test('a 1,000,000-character paste: every claim listed, the last one opens from the panel, all saved', async () => {
    await withPage(async (page) => {
      const unit = '« Nous resterons 🙂 », a déclaré le préfet Claire Vasseur à Lyon le 15 juillet 2016. Selon l’AFP, 3 500 policiers sont mobilisés.\n\n';
      const text = unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000);
      await pasteText(page, text);
      // (Not waitAnnotated: comparing a million characters of textContent every 50 ms is itself slow.)
      await page.waitForSelector('#status[data-state="done"]', { timeout: 120_000 });
      const counts = await page.evaluate(() => ({
        items: document.querySelectorAll('#claims li.claim').length,
        parts: new Set([...document.querySelectorAll('#output [data-claim]')].map((el) => el.dataset.claim)).size,
        entities: document.querySelectorAll('#output [data-label]').length,
        same: document.querySelector('#output').textContent.length === document.querySelector('#input').value.length,
      }));
      assert.ok(counts.same, 'the whole text is shown');
      assert.ok(counts.items > 10_000, `${counts.items} claims listed`);
      assert.equal(counts.items, counts.parts, 'each listed claim is in the text');
      assert.ok(counts.entities > 20_000, `${counts.entities} entities`);
      const last = page.locator('#claims li.claim').last();
      await last.click();
      await page.waitForFunction(() => {
        const items = document.querySelectorAll('#claims li.claim');
        return items[items.length - 1].getAttribute('aria-selected') === 'true';
      });
      const opened = await page.evaluate(() => {
        const li = document.querySelector('#claims li.claim[aria-selected="true"]');
        const parts = document.querySelectorAll(`#output [data-claim="${li.dataset.claim}"].active-claim`);
        return { id: li.dataset.claim, parts: parts.length, end: Math.max(...[...parts].map((p) => Number(p.dataset.end))) };
      });
      assert.ok(opened.parts >= 2, 'the opened claim is marked in the text');
      assert.ok(opened.end > 990_000, `the last claim is at the end of the text (${opened.end})`);
      await page.waitForSelector('#save-state[data-state="saved"]', { timeout: 120_000 });
      await assertClean(page);
    });
  });

  // docs/screenshot.png (the README's) is only rewritten when missing or when asked with
  // UPDATE_SCREENSHOT=1, so that test runs leave the work tree clean (the status line shows a
  // timing, so two screenshots are never byte-identical).
  test('screenshots: tests/browser/artifacts/page.png (and docs/screenshot.png)', async () => {
    await withPage(async (page) => {
      await page.click('#sample');
      await waitAnnotated(page);
      checkInvariants(await snapshot(page));
      // the editor at work: two suggestions accepted from the keyboard, a claim opened
      await page.focus('#output');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Enter');
      await page.click('#claims li.claim');
      const provenances = await page.$$eval('#output mark.ent', (els) => els.map((e) => e.dataset.provenance));
      assert.equal(provenances.filter((p) => p === 'accepted').length, 2, 'two entities accepted by Enter');
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = join(ensureArtifacts(), 'page.png');
      await page.screenshot({ path: file });
      const readme = join(ROOT, 'docs', 'screenshot.png');
      if (process.env.UPDATE_SCREENSHOT === '1' || !existsSync(readme)) {
        mkdirSync(join(ROOT, 'docs'), { recursive: true });
        copyFileSync(file, readme);
      }
      await assertClean(page);
    });
  });
});
