// Helpers shared by the storage, queue and import/export browser tests: reading what the page
// shows (entities, claims, the queue), waiting for the page to settle, mouse selections,
// imports through the file chooser and exports through a real download.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { cpSlice } from './harness.mjs';

/**
 * The entities shown for the current document: text, label, provenance and code-point offsets,
 * each checked against the shown text (`data-start`/`data-end` slice it).
 */
export async function entities(page) {
  const { text, marks } = await page.evaluate(() => ({
    text: document.querySelector('#output').textContent,
    marks: [...document.querySelectorAll('#output mark[data-label]')].map((m) => ({
      text: m.textContent,
      label: m.dataset.label,
      provenance: m.dataset.provenance,
      start: Number(m.dataset.start),
      end: Number(m.dataset.end),
    })),
  }));
  for (const m of marks) assert.equal(m.text, cpSlice(text, m.start, m.end), `offsets of ${JSON.stringify(m)}`);
  return marks;
}

export async function entity(page, text) {
  return (await entities(page)).find((e) => e.text === text) ?? null;
}

/** The claims of the side panel with the texts of their parts. */
export async function claims(page) {
  return page.$$eval('#claims li.claim', (items) =>
    items.map((li) => ({
      id: Number(li.dataset.claim),
      kind: li.dataset.kind,
      provenance: li.dataset.provenance,
      source: li.querySelector('.source:not(.none)')?.textContent ?? null,
      cue: li.querySelector('.cue')?.textContent ?? null,
      content: li.querySelector('.content')?.textContent ?? null,
    })),
  );
}

/** The queue as listed: key, status, title, counts, whether it is the shown document. */
export async function queue(page) {
  return page.$$eval('#doc-list li.doc', (items) =>
    items.map((li) => ({
      key: li.dataset.key,
      status: li.dataset.status,
      title: li.querySelector('.doc-title').textContent,
      statusText: li.querySelector('.doc-status').textContent,
      counts: li.querySelector('.doc-counts').textContent,
      current: li.getAttribute('aria-current') === 'true',
    })),
  );
}

/**
 * Every document of the page's state as plain data (what storage must give back exactly), but
 * the `updated` time stamp (bookkeeping nobody sees; replaying stored edits may renew it).
 */
export async function state(page) {
  return page.evaluate(() => {
    const b = window.__balise;
    const plain = (d) => {
      const { updated, ...rest } = structuredClone(d);
      return rest;
    };
    return { current: b.current(), order: b.order(), docs: b.order().map((k) => plain(b.docs.get(k))) };
  });
}

/** Waits until the page has read its storage and shown a document. */
export async function ready(page) {
  await page.waitForFunction(() => window.__balise?.ready === true);
  await page.waitForSelector('#status:not([data-state="loading"])');
}

/** Waits until the shown document is annotated and rendered (its queue item has counts). */
export async function shownAnnotated(page, timeout = 30_000) {
  await page.waitForFunction(
    () => {
      const b = window.__balise;
      const d = b?.docs.get(b.current());
      const li = document.querySelector('#doc-list li[aria-current="true"] .doc-counts');
      return (
        d &&
        d.annotated &&
        li &&
        li.textContent !== 'non annoté' &&
        document.querySelector('#output').textContent === d.text &&
        document.querySelector('#status').dataset.state !== 'busy'
      );
    },
    null,
    { timeout, polling: 50 },
  );
}

/** Waits until everything changed so far is written (`#save-state` says « Enregistré »). */
export async function saved(page) {
  await page.waitForFunction(() => window.__balise?.store && !window.__balise.store.pending);
  await page.waitForSelector('#save-state[data-state="saved"]');
  assert.equal(await page.textContent('#save-state'), 'Enregistré');
}

/** Clicks the entity whose text is exactly `text` (selects it). */
export async function clickEntity(page, text) {
  const mark = page.locator('#output mark[data-label]').filter({ hasText: new RegExp(`^${escape(text)}$`) }).first();
  await mark.click();
  await page.waitForFunction((t) => document.querySelector('#output mark.selected')?.textContent === t, text);
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Selects `needle` (its `n`-th occurrence) in the annotated text with a mouse drag. */
export async function dragSelect(page, needle, { n = 0 } = {}) {
  const p = await page.evaluate(
    ({ needle, n }) => {
      const out = document.querySelector('#output');
      const text = out.textContent;
      let at = -1;
      for (let i = 0; i <= n; i++) at = text.indexOf(needle, at + 1);
      if (at < 0) throw new Error(`${needle} not in the text`);
      const locate = (x) => {
        const walker = document.createTreeWalker(out, NodeFilter.SHOW_TEXT);
        let rest = x;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (rest <= node.data.length) return [node, rest];
          rest -= node.data.length;
        }
        throw new Error('offset out of the text');
      };
      const rect = (x, y) => {
        const r = document.createRange();
        const [a, ao] = locate(x);
        const [b, bo] = locate(y);
        r.setStart(a, ao);
        r.setEnd(b, bo);
        return r.getClientRects()[0];
      };
      locate(at)[0].parentElement.scrollIntoView({ block: 'center' });
      const first = rect(at, at + 1);
      const last = rect(at + needle.length - 1, at + needle.length);
      return {
        start: { x: first.left + 2, y: first.top + first.height / 2 },
        end: { x: last.right - 2, y: last.top + last.height / 2 },
      };
    },
    { needle, n },
  );
  await page.mouse.move(p.start.x, p.start.y);
  await page.mouse.down();
  await page.mouse.move((p.start.x + p.end.x) / 2, p.end.y, { steps: 3 });
  await page.mouse.move(p.end.x, p.end.y, { steps: 3 });
  await page.mouse.up();
  await page.waitForFunction((t) => document.querySelector('#selection-info').textContent.includes(`« ${t} »`), needle);
}

/** Labels `needle` by hand (mouse selection, then the label's digit key). */
export async function addEntity(page, needle, key) {
  await dragSelect(page, needle);
  await page.keyboard.press(key);
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('#output mark[data-provenance="manual"]')].some((m) => m.textContent === t),
    needle,
  );
}

/** Makes `needle` the content of a new hand-made claim (selection, then c). */
export async function addClaim(page, needle) {
  await dragSelect(page, needle);
  await page.keyboard.press('c');
  await page.waitForFunction(
    (t) => [...document.querySelectorAll('#claims li.claim[data-provenance="manual"] .content')].some((q) => q.textContent === t),
    needle,
  );
}

/**
 * Opens the import dialog, types the label map `labels` (`PERSON=PER, …`) and gives `files`
 * ([{name, buffer}]) to the file chooser.
 */
export async function importFiles(page, files, { format = '', labels = '' } = {}) {
  await page.click('#import');
  await page.waitForSelector('#import-dialog[open]');
  if (format) await page.selectOption('#import-format', format);
  await page.fill('#import-labels', labels);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click('#import-files')]);
  await chooser.setFiles(files.map((f) => ({ mimeType: 'application/octet-stream', ...f })));
  // The import is over when the status no longer says it is reading files.
  await page.waitForFunction(() => !/^Lecture/.test(document.querySelector('#status').textContent));
}

/** Pastes texts (or JSONL lines) into the import dialog and adds them. */
export async function importPasted(page, text) {
  await page.click('#import');
  await page.waitForSelector('#import-dialog[open]');
  await page.fill('#import-paste', text);
  await page.click('#import-paste-go');
  await page.waitForFunction(() => !document.querySelector('#import-dialog').open);
}

/** Exports through the dialog; resolves to `{name, bytes, note}` of the downloaded file. */
export async function exportFile(page, format, scope = 'current') {
  await page.click('#export');
  await page.waitForSelector('#export-dialog[open]');
  await page.selectOption('#export-format', format);
  await page.check(`input[name="export-scope"][value="${scope}"]`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-go')]);
  const bytes = await readFile(await download.path());
  await page.waitForFunction(() => document.querySelector('#export-note').textContent !== '');
  const note = await page.textContent('#export-note');
  await page.click('#export-cancel');
  return { name: download.suggestedFilename(), bytes, note };
}

/** The text of the banner, or null when it is hidden. */
export async function bannerText(page) {
  return page.evaluate(() => (document.querySelector('#banner').hidden ? null : document.querySelector('#banner-text').textContent));
}

/** No console error and no uncaught error in the page. */
export function clean(page) {
  assert.deepEqual(page.problems.console, [], 'console errors');
  assert.deepEqual(page.problems.pageErrors, [], 'uncaught errors');
}
