// The static server (scripts/static-server.mjs), in plain Node: MIME types, CSP header,
// nothing served outside the root, no dot files, GET/HEAD only.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { startServer, resolvePath } from '../../scripts/static-server.mjs';

let dir;
let server;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'balise-static-'));
  const root = join(dir, 'www');
  mkdirSync(join(root, 'pkg'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(root, 'app.js'), 'export {};');
  writeFileSync(join(root, 'pkg', 'm.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]));
  writeFileSync(join(root, '.env'), 'SECRET=1');
  writeFileSync(join(root, 'data.bin'), 'x');
  writeFileSync(join(dir, 'outside.txt'), 'not served');
  server = await startServer({ root, port: 0 });
});

after(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw request (no URL normalisation, so `..` reaches the server as written). */
function get(path, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves index.html for / with the page CSP as a header', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.equal(r.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(r.headers['content-security-policy'], /script-src 'self' 'wasm-unsafe-eval'/);
  assert.equal(r.headers['x-content-type-options'], 'nosniff');
});

test('MIME types: JavaScript modules, application/wasm, octet-stream otherwise', async () => {
  assert.equal((await get('/app.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  const wasm = await get('/pkg/m.wasm');
  assert.equal(wasm.headers['content-type'], 'application/wasm');
  assert.equal(wasm.body.length, 8);
  assert.equal((await get('/data.bin')).headers['content-type'], 'application/octet-stream');
});

test('nothing outside the root, no dot files, no directories without index', async () => {
  for (const path of ['/../outside.txt', '/%2e%2e/outside.txt', '/pkg/..%2f..%2foutside.txt', '/.env', '/pkg/', '/nope.js', '/%E0%A4%A']) {
    assert.equal((await get(path)).status, 404, path);
  }
  assert.equal(resolvePath('/srv/www', '/a/../../etc/passwd'), null);
  assert.equal(resolvePath('/srv/www', '/a%00.js'), null);
});

test('HEAD has headers but no body; other methods get 405', async () => {
  const head = await get('/index.html', 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.ok(Number(head.headers['content-length']) > 0);
  const post = await get('/index.html', 'POST');
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
});

test('listens on the loopback interface only', () => {
  assert.equal(server.server.address().address, '127.0.0.1');
});
