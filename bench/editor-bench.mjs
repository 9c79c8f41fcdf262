// Main-thread cost of editing in the page, in headless Chromium (Debian's, via playwright-core):
//  * a 100,000-character article is pasted and annotated, then N edits are made from the keyboard
//    on the annotated text (next entity, relabel, undo, redo, delete, undo); each edit is timed
//    from its keydown to the end of the synchronous work it causes: event handler, re-rendering,
//    the IndexedDB write it queues, style and layout (forced);
//  * cold load: from navigation start to the first highlight of a ~3,000-character article pasted
//    as soon as the DOM is there (and, for comparison, from a paste one second after the load).
// Prints one JSON line per measure. The target (issue "Correct the tags"): one edit ≤ 16 ms.
//
//   scripts/build-wasm && node bench/editor-bench.mjs [--edits N] [--chars N]
import { setUp, openPage, pasteText as paste } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : dflt;
};
const EDITS = opt('--edits', 40);
const CHARS = opt('--chars', 100_000);

const PARAGRAPHS = [
  'Lyon, 15 juillet 2016. – La préfecture du Rhône a annoncé que 3 500 policiers seraient mobilisés, et la mairie attend plus de 200 000 spectateurs 🙂 sur les quais.',
  '« Nous resterons vigilants jusqu’au bout », a déclaré le préfet Claire Vasseur devant la presse. Selon l’AFP, le budget de la soirée atteint 1,2 million d’euros.',
  'Le maire, Paul Mercier, a estimé que « la fête doit rester populaire ». Trois personnes ont été légèrement blessées lundi soir place Bellecour.',
];
function article(chars) {
  let out = '';
  for (let i = 0; out.length < chars; i++) out += `${PARAGRAPHS[i % PARAGRAPHS.length]}\n\n`;
  return out.slice(0, chars);
}

function stats(values) {
  const v = [...values].sort((a, b) => a - b);
  const at = (q) => v[Math.min(v.length - 1, Math.floor(q * v.length))];
  return { n: v.length, median_ms: +at(0.5).toFixed(2), p95_ms: +at(0.95).toFixed(2), max_ms: +v[v.length - 1].toFixed(2) };
}


const env = await setUp();
try {
  // 1. Editing a long article.
  {
    const { context, page } = await openPage(env.browser, env.url);
    const text = article(CHARS);
    const t0 = Date.now();
    await paste(page, text);
    await page.waitForFunction(() => document.querySelector('#status').dataset.state === 'done' && document.querySelectorAll('#output mark').length > 0, null, { timeout: 120_000 });
    const openMs = Date.now() - t0;
    const result = await page.evaluate(async (edits) => {
      const output = document.querySelector('#output');
      output.focus();
      const key = (k, mods = {}) => new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true, ...mods });
      const steps = [
        ['next entity (↓)', () => key('ArrowDown')],
        ['relabel (2)', () => key('2')],
        ['undo (Ctrl+Z)', () => key('z', { ctrlKey: true })],
        ['redo (Ctrl+Y)', () => key('y', { ctrlKey: true })],
        ['delete (Suppr)', () => key('Delete')],
        ['undo (Ctrl+Z)', () => key('z', { ctrlKey: true })],
        ['extend (Maj+→)', () => key('ArrowRight', { shiftKey: true })],
        ['undo (Ctrl+Z)', () => key('z', { ctrlKey: true })],
      ];
      const times = {};
      const all = [];
      // Jump into the middle of the text first.
      for (let i = 0; i < 300; i++) output.dispatchEvent(key('ArrowDown'));
      for (let i = 0; i < edits; i++) {
        for (const [name, make] of steps) {
          const ev = make();
          const t = performance.now();
          (document.activeElement === output ? output : document).dispatchEvent(ev);
          await Promise.resolve(); // the storage write queued by the edit (a microtask)
          void output.offsetHeight; // style and layout
          const ms = performance.now() - t;
          (times[name] ||= []).push(ms);
          all.push(ms);
          // Let the browser paint and IndexedDB finish between edits, as between keystrokes.
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        }
      }
      return {
        times,
        all,
        entities: output.querySelectorAll('mark[data-label]').length,
        claims: document.querySelectorAll('#claims li.claim').length,
        saved: document.querySelector('#save-state').dataset.state,
      };
    }, EDITS);
    const per = Object.fromEntries(Object.entries(result.times).map(([k, v]) => [k, stats(v)]));
    console.log(JSON.stringify({ measure: 'edit', chars: CHARS, entities: result.entities, claims: result.claims, open_and_annotate_ms: openMs, all: stats(result.all), per_action: per, save_state: result.saved }));
    await context.close();
  }
  // 2. Cold load to the first highlight of a ~3,000-character article, pasted as soon as the
  //    page's DOM is there (the strict case) and one second after the load (a reader who opens
  //    the page, then pastes). Times from navigation start; `painted` is the next frame after
  //    the first highlight is in the DOM; the worker's phases come from its `ready` message.
  for (const delay of [0, 1000]) {
    const runs = { highlight: [], painted: [], worker_started: [], wasm_instantiated: [], model_warmed: [] };
    for (let r = 0; r < 7; r++) {
      const { context, page } = await openPage(env.browser, env.url, { goto: false, intercept: false });
      await page.goto(env.url, { waitUntil: 'domcontentloaded' });
      if (delay) await page.waitForTimeout(delay);
      const pastedAt = await page.evaluate(() => performance.now());
      await paste(page, article(3000));
      const t = await page.evaluate(() =>
        new Promise((resolve) => {
          const done = () => {
            const highlight = performance.now();
            requestAnimationFrame(() => setTimeout(() => resolve({ highlight, painted: performance.now() })));
          };
          if (document.querySelector('#output mark')) return done();
          new MutationObserver((_, obs) => {
            if (document.querySelector('#output mark')) {
              obs.disconnect();
              done();
            }
          }).observe(document.querySelector('#output'), { childList: true, subtree: true });
        }),
      );
      const w = await page.evaluate(() => {
        const mark = performance.getEntriesByName('balise:worker-ready')[0];
        const rel = (v) => v - performance.timeOrigin;
        return mark?.detail ? { started: rel(mark.detail.started), instantiated: rel(mark.detail.instantiated), warmed: rel(mark.detail.warmed) } : {};
      });
      const from = delay ? pastedAt : 0;
      runs.highlight.push(t.highlight - from);
      runs.painted.push(t.painted - from);
      runs.worker_started.push(w.started);
      runs.wasm_instantiated.push(w.instantiated);
      runs.model_warmed.push(w.warmed);
      await context.close();
    }
    const out = Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, stats(v.filter((x) => x != null))]));
    console.log(JSON.stringify({ measure: delay ? 'paste_1s_after_load_first_highlight' : 'cold_first_highlight', chars: 3000, from: delay ? 'paste' : 'navigation start', ...out }));
  }
} finally {
  await env.close();
}
