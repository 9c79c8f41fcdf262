// The editor in a real browser: every editing action by keyboard and by mouse, undo/redo,
// claims, provenance, the help overlay, a 100,000-character document.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, annotate, waitAnnotated, snapshot, cpSlice } from './harness.mjs';

const TEXT =
  '🙂 Kaboul, 15 juillet 2016. – « Nous resterons », a déclaré Ashraf Ghani devant la presse.\n' +
  'Jean Valjean a estimé que la ville comptait 3 500 soldats. Selon l’AFP, le calme est revenu.';

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
    return await fn(page, context);
  } finally {
    await context.close();
  }
}

function clean(page) {
  assert.deepEqual(page.problems.console, [], 'console errors');
  assert.deepEqual(page.problems.pageErrors, [], 'uncaught errors');
}

/** The entities shown: text, label, provenance, code-point offsets (checked against the text). */
async function entities(page) {
  const s = await snapshot(page);
  const marks = await page.$$eval('#output mark[data-label]', (ms) => ms.map((m) => ({ provenance: m.dataset.provenance, id: m.dataset.id })));
  return s.entities.map((e, i) => {
    assert.equal(e.text, cpSlice(s.input, e.start, e.end), 'data-start/data-end slice the text');
    return { text: e.text, label: e.label, provenance: marks[i].provenance, start: e.start, end: e.end };
  });
}

async function entity(page, text) {
  return (await entities(page)).find((e) => e.text === text) ?? null;
}

/** Waits for the token list of the current document (keyboard moves need it). */
async function tokensReady(page) {
  await page.waitForFunction(() => {
    const o = document.querySelector('#output');
    o.focus();
    return true;
  });
  await page.waitForTimeout(50);
}

/** Viewport points at the start and the end of the `n`-th occurrence of `needle` in the text. */
async function points(page, needle, { n = 0, inset = 2 } = {}) {
  return page.evaluate(
    ({ needle, n, inset }) => {
      const out = document.querySelector('#output');
      const text = out.textContent;
      let at = -1;
      for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`${needle} not in the text`);
      // Walk text nodes to the UTF-16 offsets.
      const locate = (x) => {
        const walker = document.createTreeWalker(out, NodeFilter.SHOW_TEXT);
        let rest = x;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (rest <= node.data.length) return [node, rest];
          rest -= node.data.length;
        }
        throw new Error('offset out of the text');
      };
      const rangeRect = (x, y) => {
        const r = document.createRange();
        const [a, ao] = locate(x);
        const [b, bo] = locate(y);
        r.setStart(a, ao);
        r.setEnd(b, bo);
        const rects = r.getClientRects();
        return rects[0];
      };
      locate(at)[0].parentElement.scrollIntoView({ block: 'center' });
      const first = rangeRect(at, at + 1);
      const last = rangeRect(at + needle.length - 1, at + needle.length);
      const second = rangeRect(at + Math.min(1, needle.length - 1), at + Math.min(2, needle.length));
      return {
        // The middle of the second character (a click there hits the span, even if it wraps).
        inside: { x: second.left + second.width / 2, y: second.top + second.height / 2 },
        start: { x: first.left + inset, y: first.top + first.height / 2 },
        end: { x: last.right - inset, y: last.top + last.height / 2 },
      };
    },
    { needle, n, inset },
  );
}

async function dragSelect(page, needle, { alt = false, n = 0, inset } = {}) {
  const p = await points(page, needle, { n, inset });
  if (alt) await page.keyboard.down('Alt');
  await page.mouse.move(p.start.x, p.start.y);
  await page.mouse.down();
  await page.mouse.move((p.start.x + p.end.x) / 2, p.end.y, { steps: 3 });
  await page.mouse.move(p.end.x, p.end.y, { steps: 3 });
  await page.mouse.up();
  if (alt) await page.keyboard.up('Alt');
}

async function clickText(page, needle, n = 0) {
  const p = await points(page, needle, { n });
  await page.mouse.click(p.inside.x, p.inside.y);
}

/** Waits until the notice line shows a message matching `pattern`; returns it. */
async function notice(page, pattern) {
  await page
    .waitForFunction((src) => {
      const n = document.querySelector('#notice');
      return !n.hidden && new RegExp(src).test(n.textContent);
    }, pattern.source, { timeout: 5000 })
    .catch(() => {});
  return page.textContent('#notice');
}

/** The claims listed in the panel, with the texts of their parts. */
async function claims(page) {
  return (await snapshot(page)).list;
}

describe('entities', () => {
  test('keyboard only: Tab to the text, arrows to a word, Maj+→ to extend, a digit to label', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      await page.focus('#input');
      // Tab from the text box until the annotated text has the focus.
      for (let i = 0; i < 12; i++) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement?.id === 'output')) break;
      }
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'output', 'the text is reachable with Tab');
      // The focus is visible.
      const outline = await page.$eval('#output', (el) => getComputedStyle(el).outlineStyle);
      assert.notEqual(outline, 'none');
      // From the start, walk to « devant » then extend over « la presse ».
      let info = '';
      for (let i = 0; i < 40 && !/« devant »/.test(info); i++) {
        await page.keyboard.press('ArrowRight');
        info = await page.textContent('#selection-info');
      }
      assert.match(info, /« devant »/);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      assert.match(await page.textContent('#selection-info'), /« devant la presse »/);
      await page.keyboard.press('Shift+ArrowLeft');
      assert.match(await page.textContent('#selection-info'), /« devant la »/);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('4');
      const e = await entity(page, 'devant la presse');
      assert.deepEqual({ label: e.label, provenance: e.provenance }, { label: 'MISC', provenance: 'manual' });
      // The letter keys label too: o = ORG relabels the selected (new) entity.
      await page.keyboard.press('o');
      assert.equal((await entity(page, 'devant la presse')).label, 'ORG');
      clean(page);
    });
  });

  test('a mouse selection snaps to whole tokens; with Alt it is kept as it is', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      // From inside « devant » to inside « presse »: snapped to « devant la presse ».
      await dragSelect(page, 'vant la pres', { inset: 3 });
      assert.match(await page.textContent('#selection-info'), /« devant la presse »/);
      await page.keyboard.press('3');
      assert.equal((await entity(page, 'devant la presse'))?.label, 'LOC');
      // Alt: exactly the characters selected.
      await dragSelect(page, 'alm', { alt: true, inset: 1 });
      await page.keyboard.press('2');
      const all = await entities(page);
      assert.equal(all.find((e) => e.label === 'ORG' && e.provenance === 'manual')?.text, 'alm', JSON.stringify(all));
      // Without Alt the same selection snaps to the word.
      await page.keyboard.press('Control+z');
      await dragSelect(page, 'alm', { inset: 1 });
      await page.keyboard.press('2');
      assert.equal((await entity(page, 'calme'))?.provenance, 'manual');
      clean(page);
    });
  });

  test('click to select, relabel, delete; suggestions are accepted (Entrée) or rejected (Suppr)', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      const ghani = await entity(page, 'Ashraf Ghani');
      assert.deepEqual([ghani.label, ghani.provenance], ['PER', 'model'], 'the model suggests PER');
      await clickText(page, 'Ashraf Ghani');
      assert.equal(await page.$eval('#output mark.selected', (m) => m.textContent), 'Ashraf Ghani');
      assert.match(await page.textContent('#selection-info'), /PER « Ashraf Ghani » — suggestion du modèle/);
      // Enter accepts and moves to the next suggestion.
      await page.keyboard.press('Enter');
      assert.equal((await entity(page, 'Ashraf Ghani')).provenance, 'accepted');
      const next = await page.$eval('#output mark.selected', (m) => m.textContent);
      assert.notEqual(next, 'Ashraf Ghani');
      // Delete rejects that suggestion.
      await page.keyboard.press('Delete');
      assert.equal(await entity(page, next), null, `${next} was rejected`);
      // Relabelling an accepted entity makes it edited; the info bar buttons work too.
      await clickText(page, 'Ashraf Ghani');
      await page.click('#selection-info button[data-label="ORG"]');
      assert.deepEqual(
        (({ label, provenance }) => ({ label, provenance }))(await entity(page, 'Ashraf Ghani')),
        { label: 'ORG', provenance: 'edited' },
      );
      await page.keyboard.press('Backspace');
      assert.equal(await entity(page, 'Ashraf Ghani'), null);
      // Shift+A accepts every remaining suggestion.
      await page.keyboard.press('Shift+A');
      const left = (await entities(page)).filter((e) => e.provenance === 'model');
      assert.deepEqual(left, []);
      clean(page);
    });
  });

  test('resize with Maj+arrows, Ctrl+Maj+arrows and the drag handles', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      await clickText(page, 'Jean Valjean');
      assert.equal((await entity(page, 'Jean Valjean'))?.label, 'PER');
      await page.keyboard.press('Shift+ArrowRight');
      assert.ok(await entity(page, 'Jean Valjean a'), 'end moved one token right');
      await page.keyboard.press('Shift+ArrowLeft');
      await page.keyboard.press('Control+Shift+ArrowRight');
      const v = await entity(page, 'Valjean');
      assert.deepEqual([v.label, v.provenance], ['PER', 'edited'], 'start moved one token right');
      await page.keyboard.press('Control+Shift+ArrowLeft');
      assert.ok(await entity(page, 'Jean Valjean'));
      // Drag the end handle onto « estimé »: snapped to the end of that token.
      const handle = await page.$('#output mark.selected [data-handle="end"]');
      assert.ok(handle, 'the selected entity shows its handles');
      const box = await handle.boundingBox();
      const target = await points(page, 'estimé', { inset: 4 });
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(target.end.x - 6, target.end.y, { steps: 5 });
      await page.mouse.up();
      assert.ok(await entity(page, 'Jean Valjean a estimé'), JSON.stringify(await entities(page)));
      clean(page);
    });
  });

  test('overlapping or nested entities are refused with a visible reason', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      const before = await entities(page);
      await dragSelect(page, 'Ghani devant');
      await page.keyboard.press('1');
      assert.match(await notice(page, /chevauche/), /chevauche l’entité « Ashraf Ghani » \(PER\)/);
      // (A drag that starts inside the current selection would move it: clear it first.)
      await page.keyboard.press('Escape');
      await dragSelect(page, 'Ghani', { alt: true });
      await page.keyboard.press('1');
      assert.match(await notice(page, /intérieur/), /est à l’intérieur de l’entité « Ashraf Ghani »/);
      assert.deepEqual(await entities(page), before, 'nothing changed');
      // Resizing into the next entity is refused too.
      await clickText(page, '3 500');
      const num = await entity(page, '3 500');
      assert.equal(num?.label, 'NUM');
      clean(page);
    });
  });
});

describe('undo and redo', () => {
  test('a chain of actions undoes and redoes exactly, with keys and buttons', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      const s0 = await entities(page);
      await dragSelect(page, 'devant la presse');
      await page.keyboard.press('4'); // 1: add MISC
      await page.keyboard.press('2'); // 2: relabel ORG
      await clickText(page, 'Ashraf Ghani');
      await page.keyboard.press('Delete'); // 3: reject PER
      const s3 = await entities(page);
      assert.equal(s3.find((e) => e.text === 'devant la presse').label, 'ORG');
      assert.equal(s3.find((e) => e.text === 'Ashraf Ghani'), undefined);
      await page.keyboard.press('Control+z');
      assert.equal((await entity(page, 'Ashraf Ghani'))?.provenance, 'model', 'the rejected suggestion is back');
      await page.keyboard.press('Control+z');
      assert.equal((await entity(page, 'devant la presse')).label, 'MISC');
      await page.click('#undo');
      assert.deepEqual(await entities(page), s0, 'back to the model output');
      assert.equal(await page.isDisabled('#undo'), true);
      await page.keyboard.press('Control+Shift+Z');
      assert.equal((await entity(page, 'devant la presse')).label, 'MISC');
      await page.keyboard.press('Control+y');
      assert.equal((await entity(page, 'devant la presse')).label, 'ORG');
      await page.click('#redo');
      assert.deepEqual(await entities(page), s3);
      assert.equal(await page.isDisabled('#redo'), true);
      // A new action after an undo clears the redo list.
      await page.keyboard.press('Control+z');
      await clickText(page, 'Jean Valjean');
      await page.keyboard.press('2');
      assert.equal(await page.isDisabled('#redo'), true);
      clean(page);
    });
  });
});

describe('claims', () => {
  test('create from a selection, set cue and source (selection and entity click), kind, hedged, delete', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      const before = (await claims(page)).length;
      await dragSelect(page, 'le calme est revenu');
      await page.keyboard.press('Delete'); // nothing selected as an entity: no-op on entities
      await dragSelect(page, 'la ville comptait 3 500 soldats');
      // The model already has a claim over this content: make another one on a new span.
      await dragSelect(page, 'devant la presse');
      await page.keyboard.press('c');
      let list = await claims(page);
      assert.equal(list.length, before + 1);
      let mine = list.find((c) => c.content === 'devant la presse');
      assert.equal(mine.kind, 'unattributed');
      assert.equal(mine.provenance, 'manual');
      // The cue by selection + v: the claim becomes indirect.
      await dragSelect(page, 'a déclaré');
      await page.keyboard.press('v');
      mine = (await claims(page)).find((c) => c.content === 'devant la presse');
      assert.equal(mine.kind, 'indirect');
      assert.match(mine.text, /a déclaré/);
      // The source: s with nothing selected, then a click on an entity.
      await page.keyboard.press('Escape');
      await page.focus('#output');
      await page.keyboard.press('s');
      assert.match(await page.textContent('#selection-info'), /cliquez une entité/);
      await clickText(page, 'Jean Valjean');
      mine = (await claims(page)).find((c) => c.content === 'devant la presse');
      assert.equal(mine.source, 'Jean Valjean');
      assert.equal(mine.group, 'Jean Valjean', 'grouped under its source');
      // The parts in the text carry the claim's number.
      const id = mine.claim;
      const parts = await page.$$eval(`#output [data-claim="${id}"]`, (els) => els.map((e) => `${e.dataset.role}:${e.textContent}`));
      assert.deepEqual(parts.sort(), ['content:devant la presse', 'cue:a déclaré', 'source:Jean Valjean'].sort());
      // k cycles the kind, h toggles hedged, the select sets it.
      await page.focus('#output');
      await page.keyboard.press('k');
      assert.equal((await claims(page)).find((c) => c.claim === id).kind, 'according_to');
      await page.keyboard.press('h');
      assert.match((await claims(page)).find((c) => c.claim === id).text, /conditionnel/);
      await page.selectOption(`#claims li[data-claim="${id}"] select.kind-select`, 'direct');
      assert.equal((await claims(page)).find((c) => c.claim === id).kind, 'direct');
      // The panel's Delete button deletes the open claim; undo brings it back; Suppr in the text
      // (no entity selected) deletes it too; Échap with nothing else to cancel closes it.
      await page.click(`#claims li[data-claim="${id}"] button[data-action="delete"]`);
      assert.equal((await claims(page)).find((c) => c.claim === id), undefined);
      await page.keyboard.press('Control+z');
      assert.equal((await claims(page)).find((c) => c.claim === id)?.kind, 'direct');
      await page.click(`#claims li[data-claim="${id}"] .content`);
      await page.focus('#output');
      await page.keyboard.press('Delete');
      assert.equal((await claims(page)).find((c) => c.claim === id), undefined);
      await page.keyboard.press('Control+z');
      await page.click(`#claims li[data-claim="${id}"] .content`);
      await page.focus('#output');
      await page.keyboard.press('Escape');
      assert.equal(await page.$('#claims li[aria-selected="true"]'), null, 'Échap closes the claim');
      clean(page);
    });
  });

  test('clicking a claim in the panel opens it and marks its parts in the text', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      const list = await claims(page);
      const quote = list.find((c) => c.content === 'Nous resterons');
      assert.ok(quote, JSON.stringify(list));
      await page.click(`#claims li[data-claim="${quote.claim}"] .content`);
      const active = await page.$$eval('#output .active-claim', (els) => els.map((e) => `${e.dataset.role}:${e.textContent}`));
      assert.deepEqual(active.sort(), ['content:Nous resterons', 'cue:a déclaré', 'source:Ashraf Ghani'].sort());
      assert.equal(await page.getAttribute(`#claims li[data-claim="${quote.claim}"]`, 'aria-selected'), 'true');
      // Accept from the panel: provenance changes.
      await page.click(`#claims li[data-claim="${quote.claim}"] button[data-action="accept"]`);
      assert.equal((await claims(page)).find((c) => c.claim === quote.claim).provenance, 'accepted');
      // Clicking a claim part in the text opens that claim.
      await clickText(page, 'le calme est revenu');
      const open = await page.$eval('#claims li[aria-selected="true"] .content', (q) => q.textContent);
      assert.equal(open, 'le calme est revenu');
      clean(page);
    });
  });
});

describe('review state and help', () => {
  test('provenance is shown without colour; a document can be marked done', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      await clickText(page, 'Ashraf Ghani');
      await page.keyboard.press('Enter');
      const tag = await page.$eval('#output mark[data-provenance="accepted"]', (m) => getComputedStyle(m, '::after').content);
      assert.match(tag, /✓/);
      const suggestion = await page.$eval('#output mark[data-provenance="model"]', (m) => getComputedStyle(m, '::after').content);
      assert.match(suggestion, /\?/);
      // Label styles differ by outline, not only colour.
      const styles = await page.$$eval('#legend mark.ent[class*="ent-"]', (ms) =>
        ms.filter((m) => /ent-(PER|ORG|LOC|MISC|DATE|NUM)/.test(m.className)).map((m) => {
          const cs = getComputedStyle(m);
          return `${cs.borderBottomStyle}/${cs.borderTopStyle}/${cs.textDecorationStyle}`;
        }),
      );
      assert.equal(new Set(styles).size, 6, `six distinct outline styles: ${styles}`);
      await page.click('#mark-done');
      assert.equal(await page.getAttribute('#mark-done', 'aria-pressed'), 'true');
      assert.equal(await page.getAttribute('#doc-list li[aria-current="true"]', 'data-status'), 'done');
      await page.keyboard.press('Control+Enter');
      assert.equal(await page.getAttribute('#doc-list li[aria-current="true"]', 'data-status'), 'in_progress');
      clean(page);
    });
  });

  test('? opens the shortcut overlay, Échap closes it', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      await page.focus('#output');
      await page.keyboard.press('?');
      await page.waitForSelector('#help-dialog[open]');
      const rows = await page.$$eval('#help-body tr', (trs) => trs.map((tr) => tr.textContent));
      for (const key of ['Ctrl+Z', 'Maj+← →', '1–6', 'Entrée', 'Alt+↓']) {
        assert.ok(rows.some((r) => r.includes(key)), `${key} in the help`);
      }
      await page.keyboard.press('Escape');
      await page.waitForSelector('#help-dialog:not([open])', { state: 'attached' });
      clean(page);
    });
  });
});

describe('text edits', () => {
  test('typing in the text keeps hand corrections where they are', async () => {
    await withPage(async (page) => {
      await annotate(page, TEXT);
      await dragSelect(page, 'devant la presse');
      await page.keyboard.press('4');
      await page.focus('#input');
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('Dépêche 🗞 : ');
      await waitAnnotated(page);
      const e = await entity(page, 'devant la presse');
      assert.deepEqual([e.label, e.provenance], ['MISC', 'manual']);
      assert.equal((await snapshot(page)).input.startsWith('Dépêche 🗞 : 🙂'), true);
      // Undo still works on the moved span.
      await page.focus('#output');
      await page.keyboard.press('Control+z');
      assert.equal(await entity(page, 'devant la presse'), null);
      clean(page);
    });
  });
});

describe('a long document', () => {
  test('a 100,000-character article renders and edits: label, relabel, delete, undo', async () => {
    await withPage(async (page) => {
      const unit = 'Le 15 juillet 2016, 🙂 l’Élysée a compté 3 500 soldats à Kaboul\u00A0; « nous resterons », a déclaré Ashraf Ghani.\n';
      const text = unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
      await page.fill('#input', text);
      await waitAnnotated(page, 60_000);
      const count = await page.$$eval('#output mark[data-label]', (ms) => ms.length);
      assert.ok(count > 2000, `${count} entities`);
      // Edit near the end of the text.
      const n = Math.floor(100_000 / unit.length) - 2;
      await dragSelect(page, 'nous resterons', { n });
      await page.keyboard.press('4');
      await page.keyboard.press('2');
      const found = await page.$$eval('#output mark[data-provenance="manual"]', (ms) => ms.map((m) => [m.textContent, m.dataset.label, Number(m.dataset.start)]));
      assert.equal(found.length, 1);
      assert.deepEqual(found[0].slice(0, 2), ['nous resterons', 'ORG']);
      assert.equal(cpSlice(text, found[0][2], found[0][2] + 14), 'nous resterons');
      await page.keyboard.press('Delete');
      await page.keyboard.press('Control+z');
      assert.equal(await page.$$eval('#output mark[data-provenance="manual"]', (ms) => ms.length), 1);
      const s = await snapshot(page);
      assert.equal(s.output, s.input, 'the whole text is still shown exactly');
      assert.equal(await page.$$eval('#output mark[data-label]', (ms) => ms.length), count + 1);
      clean(page);
    });
  });
});
