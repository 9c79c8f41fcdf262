// Failures are shown in a visible banner, and a crashed worker is restarted.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setUp, openPage, waitAnnotated, snapshot } from './harness.mjs';

let env;
before(async () => {
  env = await setUp();
});
after(async () => {
  await env?.close();
});

async function bannerText(page) {
  await page.waitForSelector('#banner:not([hidden])', { timeout: 15_000 });
  assert.ok(await page.isVisible('#banner'), 'the banner is visible');
  return page.textContent('#banner-text');
}

test('a wasm module that fails to load shows a banner, then gives up after the retries', async () => {
  const { context, page } = await openPage(env.browser, env.url, { goto: false });
  try {
    await context.route('**/pkg/balise_bg.wasm', (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(env.url);
    assert.match(await bannerText(page), /WebAssembly/);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'error');
    await page.waitForFunction(() => /rechargez la page/.test(document.querySelector('#banner-text').textContent), null, {
      timeout: 15_000,
    });
    await page.click('#banner-close');
    assert.equal(await page.isVisible('#banner'), false, 'the banner can be closed');
  } finally {
    await context.close();
  }
});

test('a worker that crashes is restarted and the text gets annotated', async () => {
  const { context, page } = await openPage(env.browser, env.url, { goto: false });
  try {
    // The first worker says it is ready, then dies on the first request; later ones are real.
    let served = 0;
    await context.route('**/worker.js', (route) => {
      served++;
      if (served > 1) return route.continue();
      return route.fulfill({
        contentType: 'text/javascript',
        body: "self.postMessage({ type: 'ready', version: 'test' });\n" +
          "self.onmessage = () => { throw new Error('worker exploded on purpose'); };\n",
      });
    });
    await page.goto(env.url);
    const text = 'Le 15 juillet 2016, 3 500 soldats 🙂.';
    await page.fill('#input', text);
    assert.match(await bannerText(page), /exploded on purpose.*Redémarrage/);
    await waitAnnotated(page);
    const s = await snapshot(page);
    assert.equal(s.output, text);
    assert.ok(s.entities.length > 0);
    assert.ok(served >= 2, 'a second worker was started');
  } finally {
    await context.close();
  }
});

test('a Rust panic reported by the worker is shown and the worker restarted', async () => {
  const { context, page } = await openPage(env.browser, env.url, { goto: false });
  try {
    let served = 0;
    await context.route('**/worker.js', (route) => {
      served++;
      if (served > 1) return route.continue();
      // What worker.js posts when the wasm traps: the panic message from last_panic().
      return route.fulfill({
        contentType: 'text/javascript',
        body: "self.postMessage({ type: 'ready', version: 'test' });\n" +
          "self.onmessage = (e) => self.postMessage({ type: 'crash', id: e.data.id, message: 'l’annotateur a planté : balise panicked: test' });\n",
      });
    });
    await page.goto(env.url);
    await page.fill('#input', 'Bonjour.');
    assert.match(await bannerText(page), /balise panicked: test/);
    await waitAnnotated(page);
    assert.equal(await page.getAttribute('#status', 'data-state'), 'done');
  } finally {
    await context.close();
  }
});
