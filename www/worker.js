// Module Web Worker that runs the Balise wasm module off the page's main thread.
//
// Protocol (see annotate-client.js for the other side):
//   in:  {id, type: 'annotate' | 'tokenize', text}
//        {id, type: 'import', payload: {format | null, files: [{name, bytes: ArrayBuffer}],
//                                       label_map?: ['PERSON=PER', 'NORP=-', …]}}
//        {id, type: 'export', payload: {format, documents, doccano_form | null}}
//        {id, type: 'formats'}
//   out: {type: 'ready', version}
//        {type: 'result', id, value, ms}      value as the wasm function returned it (export:
//                                             {bytes: ArrayBuffer, warnings}, transferred)
//        {type: 'error', id, message}         the call failed; the worker is still usable
//        {type: 'crash', id?, message}        the module failed to load or trapped (a Rust
//                                             panic): the page must terminate and restart us

// The module's bytes are requested before the wasm-bindgen glue is even loaded (the two
// downloads overlap), then compiled as they stream in.
const clock = () => performance.timeOrigin + performance.now(); // comparable across threads
const timing = { started: clock() };
const wasmResponse = fetch(new URL('./pkg/balise_bg.wasm', import.meta.url));
const pkg = await import('./pkg/balise.js');
timing.glue = clock();
const { annotate, tokenize, formats, import_files, export_documents, version, last_panic, warm } = pkg;

/** Concatenates the files for `import_files` (one copy into wasm memory, no per-file calls). */
function importFiles({ format = null, files = [], label_map = [] }) {
  const names = files.map((f) => String(f.name));
  const arrays = files.map((f) => new Uint8Array(f.bytes));
  const lengths = new Uint32Array(arrays.map((a) => a.length));
  const total = arrays.reduce((n, a) => n + a.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const a of arrays) {
    bytes.set(a, at);
    at += a.length;
  }
  return import_files(format, names, lengths, bytes, label_map.map(String));
}

function exportDocuments({ format, documents, doccano_form = null }) {
  const out = export_documents(format, documents, doccano_form);
  try {
    const bytes = out.bytes;
    return { value: { bytes: bytes.buffer, warnings: out.warnings }, transfer: [bytes.buffer] };
  } finally {
    out.free();
  }
}

// Each function takes the message and returns {value, transfer?}.
const FUNCTIONS = {
  annotate: (msg) => ({ value: annotate(msg.text) }),
  tokenize: (msg) => ({ value: tokenize(msg.text) }),
  formats: () => ({ value: formats() }),
  import: (msg) => ({ value: importFiles(msg.payload || {}) }),
  export: (msg) => exportDocuments(msg.payload || {}),
};

let crashed = false;

const ready = pkg.default({ module_or_path: wasmResponse }).then(
  () => {
    timing.instantiated = clock();
    warm(); // decodes the built-in model now, not on the first paste
    timing.warmed = clock();
    self.postMessage({ type: 'ready', version: version(), timing });
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
  const msg = event.data || {};
  const { id, type } = msg;
  if (!(await ready) || crashed) return;
  const fn = Object.hasOwn(FUNCTIONS, type) ? FUNCTIONS[type] : null;
  const needsText = type === 'annotate' || type === 'tokenize';
  if (!fn || (needsText && typeof msg.text !== 'string')) {
    self.postMessage({ type: 'error', id, message: `requête inconnue : ${String(type)}` });
    return;
  }
  const t0 = performance.now();
  try {
    const { value, transfer = [] } = fn(msg);
    self.postMessage({ type: 'result', id, value, ms: performance.now() - t0 }, transfer);
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
