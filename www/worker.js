// Module Web Worker that runs the Balise wasm module off the page's main thread.
//
// Protocol (see annotate-client.js for the other side):
//   in:  {id, type: 'annotate' | 'tokenize', text}
//   out: {type: 'ready', version}
//        {type: 'result', id, value, ms}      value as the wasm function returned it
//        {type: 'error', id, message}         the call failed; the worker is still usable
//        {type: 'crash', id?, message}        the module failed to load or trapped (a Rust
//                                             panic): the page must terminate and restart us

import init, { annotate, tokenize, version, last_panic } from './pkg/balise.js';

const FUNCTIONS = { annotate, tokenize };

let crashed = false;

const ready = init().then(
  () => {
    self.postMessage({ type: 'ready', version: version() });
    return true;
  },
  (err) => {
    crashed = true;
    self.postMessage({
      type: 'crash',
      message: `le module WebAssembly n’a pas pu être chargé : ${describe(err)}`,
    });
    return false;
  },
);

function describe(err) {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}

function panicMessage(err) {
  try {
    return last_panic() || describe(err);
  } catch {
    return describe(err);
  }
}

self.onmessage = async (event) => {
  const { id, type, text } = event.data || {};
  if (!(await ready) || crashed) return;
  const fn = FUNCTIONS[type];
  if (!fn || typeof text !== 'string') {
    self.postMessage({ type: 'error', id, message: `requête inconnue : ${String(type)}` });
    return;
  }
  const t0 = performance.now();
  try {
    const value = fn(text);
    self.postMessage({ type: 'result', id, value, ms: performance.now() - t0 });
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      // A trap (Rust panics abort on wasm32): the module's state can no longer be trusted.
      crashed = true;
      self.postMessage({ type: 'crash', id, message: `l’annotateur a planté : ${panicMessage(err)}` });
    } else {
      self.postMessage({ type: 'error', id, message: describe(err) });
    }
  }
};
