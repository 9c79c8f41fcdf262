// Shared set-up for the browser tests: the static server on an ephemeral port, Debian's
// Chromium through playwright-core (never a downloaded browser), and a page that records
// console errors, page errors, CSP violations and requests to other origins.

import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/static-server.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const CHROMIUM = process.env.BALISE_CHROMIUM || '/usr/bin/chromium';

export function checkBuilt() {
  if (!existsSync(new URL('../../www/pkg/balise_bg.wasm', import.meta.url))) {
    throw new Error('www/pkg/balise_bg.wasm is missing: run scripts/build-wasm (or scripts/test-browser)');
  }
}

/** Starts the server and the browser; returns `{url, browser, close()}`. */
export async function setUp() {
  checkBuilt();
  const server = await startServer({ port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    url: server.url,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}

/**
 * Opens a fresh context and page on `url`, recording problems in `page.problems`:
 * console errors (page and workers), uncaught errors, CSP violations, and every request that
 * is not to `url`'s origin (those are aborted: the page must work offline).
 */
export async function openPage(browser, url, { goto = true, contextOptions = {}, intercept = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...contextOptions });
  const origin = new URL(url).origin;
  const problems = { console: [], pageErrors: [], csp: [], foreign: [], dialogs: [] };
  // Interception costs a protocol round trip per request (and so skews timings): benchmarks
  // turn it off and rely on the `request` listener below to see foreign requests.
  if (intercept) {
    await context.route('**/*', (route) => {
      const u = route.request().url();
      if (new URL(u).origin === origin) return route.continue();
      problems.foreign.push(u);
      return route.abort();
    });
  }
  context.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin + '/') && !u.startsWith('data:') && !problems.foreign.includes(u)) {
      problems.foreign.push(u);
    }
  });
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const onConsole = (msg) => {
    if (msg.type() === 'error') problems.console.push(msg.text());
    if (/Content Security Policy|Refused to/i.test(msg.text())) problems.csp.push(msg.text());
  };
  page.on('console', onConsole);
  page.on('worker', (worker) => worker.on('console', onConsole));
  page.on('pageerror', (err) => problems.pageErrors.push(String(err)));
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    dialog.dismiss().catch(() => {});
  });
  page.problems = problems;
  page.cspViolations = async () => [...problems.csp, ...(await page.evaluate(() => window.__cspViolations))];
  if (goto) {
    await page.goto(url);
    await page.waitForSelector('#status:not([data-state="loading"])');
  }
  return { context, page };
}

/** Puts `text` in the text box the way a paste does (one `insertFromPaste` input event). */
export async function pasteText(page, text) {
  await page.evaluate((t) => {
    const input = document.querySelector('#input');
    input.value = t;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/** Fills the textarea and waits until the page shows the annotation of exactly that text. */
export async function annotate(page, text) {
  await page.fill('#input', text);
  await waitAnnotated(page);
}

/** Waits until the status says done and the rendered text is the textarea's value. */
export async function waitAnnotated(page, timeout = 30_000) {
  await page.waitForFunction(
    () =>
      document.querySelector('#status').dataset.state === 'done' &&
      document.querySelector('#output').textContent === document.querySelector('#input').value,
    null,
    { timeout, polling: 50 },
  );
}

/**
 * Everything the test needs to check the rendering: the input, the output's text, every
 * highlighted element with its offsets, and the claim list.
 */
export async function snapshot(page) {
  return page.evaluate(() => {
    const out = document.querySelector('#output');
    const attrs = (el) => ({
      text: el.textContent,
      start: Number(el.dataset.start),
      end: Number(el.dataset.end),
      label: el.dataset.label ?? null,
      claim: el.dataset.claim === undefined ? null : Number(el.dataset.claim),
      role: el.dataset.role ?? null,
      parent: (() => {
        const p = el.parentElement.closest('[data-start]');
        return p && out.contains(p) ? { start: Number(p.dataset.start), end: Number(p.dataset.end) } : null;
      })(),
    });
    return {
      input: document.querySelector('#input').value,
      output: out.textContent,
      // Paragraphs (div.para), blocks (span.blk) and the selected entity's resize handles are not highlights.
      elementCount: out.querySelectorAll('*:not(.para):not(.blk):not([data-handle])').length,
      entities: [...out.querySelectorAll('[data-label]')].map(attrs),
      parts: [...out.querySelectorAll('[data-claim]')].map(attrs),
      highlights: [...out.querySelectorAll('[data-start]')].map(attrs),
      list: [...document.querySelectorAll('#claims li.claim')].map((li) => ({
        claim: Number(li.dataset.claim),
        kind: li.dataset.kind,
        text: li.textContent,
        provenance: li.dataset.provenance,
        group: li.closest('.claim-group')?.querySelector('.group-name')?.textContent ?? null,
        source: li.querySelector('.source')?.textContent ?? null,
        content: li.querySelector('.content')?.textContent ?? null,
      })),
      status: document.querySelector('#status').textContent,
    };
  });
}

/** The code point slice [start, end) of `text`. */
export function cpSlice(text, start, end) {
  return Array.from(text).slice(start, end).join('');
}

export function ensureArtifacts() {
  mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}
