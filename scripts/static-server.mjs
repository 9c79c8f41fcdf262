#!/usr/bin/env node
// A tiny dependency-free static file server for www/, listening on localhost only.
//
//   node scripts/static-server.mjs [--port 8000] [--root www]
//
// Serves GET/HEAD only, with the right MIME types (application/wasm for .wasm, so that
// WebAssembly.instantiateStreaming works), no directory listings, nothing outside the root, and
// the page's Content-Security-Policy also as a header (a Web Worker takes its policy from the
// response that delivered its script, not from the page's <meta>).
// Tests import startServer() and run it on an ephemeral port (port 0).

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** MIME type of each extension served; anything else is application/octet-stream. */
export const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
};

/** The same policy as the <meta> of www/index.html. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const DEFAULT_ROOT = fileURLToPath(new URL('../www/', import.meta.url));

/**
 * Maps a request path to a file under `root`, or null when it must not be served
 * (outside the root, a dot file, a malformed escape, a NUL byte).
 */
export function resolvePath(root, urlPath) {
  let path;
  try {
    path = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return null;
  }
  if (path.includes('\0') || !path.startsWith('/')) return null;
  if (path.split('/').some((part) => part.startsWith('.'))) return null;
  if (path.endsWith('/')) path += 'index.html';
  const base = resolve(root);
  const file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return null;
  return file;
}

function send(res, status, body, head = false) {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'Content-Length': Buffer.byteLength(body),
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(head ? undefined : body);
}

/**
 * Starts the server; resolves to `{ server, url, port, close() }` once it listens.
 * `port` 0 picks a free port. The host is always 127.0.0.1 (localhost only).
 */
export function startServer({ root = DEFAULT_ROOT, port = 8000, log = false } = {}) {
  const server = createServer(async (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'method not allowed\n');
    }
    const file = resolvePath(root, req.url || '/');
    let info = null;
    if (file) {
      try {
        info = await stat(file);
      } catch {
        info = null;
      }
    }
    if (!file || !info || !info.isFile()) {
      if (log) console.log(`404 ${req.method} ${req.url}`);
      return send(res, 404, 'not found\n', head);
    }
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[extname(file).toLowerCase()] || 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Referrer-Policy': 'no-referrer',
    });
    if (log) console.log(`200 ${req.method} ${req.url}`);
    if (head) return res.end();
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address();
      resolveStart({
        server,
        url: `http://127.0.0.1:${actual}/`,
        port: actual,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { port: Number(process.env.PORT || 8000), root: DEFAULT_ROOT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port' || a === '-p') opts.port = Number(argv[++i]);
    else if (a === '--root') opts.root = argv[++i];
    else if (a === '--help' || a === '-h') {
      console.log('usage: node scripts/static-server.mjs [--port 8000] [--root www]');
      process.exit(0);
    } else {
      console.error(`static-server: unknown argument ${a}; use --port N or --root DIR`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error('static-server: the port must be an integer between 0 and 65535');
    process.exit(2);
  }
  return opts;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { port, root } = parseArgs(process.argv.slice(2));
  startServer({ port, root, log: true }).then(
    ({ port: actual }) =>
      console.log(`Serving ${resolve(root)} at http://localhost:${actual}/ (Ctrl-C to stop)`),
    (err) => {
      console.error(`static-server: cannot listen on port ${port}: ${err.message}`);
      process.exit(1);
    },
  );
}
