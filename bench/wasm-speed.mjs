// Throughput of the page's WebAssembly build in headless Chromium (Debian's, via playwright-core,
// as the browser tests): loads www/pkg/balise.js from the static server, then times
//  * cold start: fetching + instantiating the module and the first annotate() of a ~3,000-char
//    article (this includes decoding the embedded entity model);
//  * throughput: annotate() over every text of CORPUS.jsonl (--times N repeats), best of 3.
// Prints one JSON line: {"words", "seconds", "words_per_s", "cold_ms"}.
//
//   scripts/build-wasm && node bench/wasm-speed.mjs CORPUS.jsonl [--times N]
import { readFileSync } from 'node:fs';
import { setUp } from '../tests/browser/harness.mjs';

const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith('--'));
const timesAt = args.indexOf('--times');
const times = timesAt >= 0 ? Number(args[timesAt + 1]) : 1;
const texts = readFileSync(corpus, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l).text);
const all = Array.from({ length: times }, () => texts).flat();
const words = all.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
// a ~3,000-character article for the cold start
const article = texts.find((t) => t.length >= 2500 && t.length <= 3500) || texts[0];

const env = await setUp();
try {
  const page = await (await env.browser.newContext()).newPage();
  await page.goto(env.url);
  const result = await page.evaluate(
    async ({ all, article }) => {
      const t0 = performance.now();
      const mod = await import(`/pkg/balise.js?cold=${Date.now()}`);
      await mod.default();
      mod.annotate(article);
      const cold = performance.now() - t0;
      let best = Infinity;
      for (let r = 0; r < 3; r++) {
        const s = performance.now();
        for (const t of all) mod.annotate(t);
        best = Math.min(best, performance.now() - s);
      }
      return { cold, seconds: best / 1000 };
    },
    { all, article },
  );
  console.log(
    JSON.stringify({
      words,
      seconds: result.seconds,
      words_per_s: Math.round(words / result.seconds),
      cold_ms: Math.round(result.cold),
      cold_article_chars: article.length,
    }),
  );
} finally {
  await env.close();
}
