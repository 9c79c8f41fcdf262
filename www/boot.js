// The page's first script: starts the annotation worker (and so the fetch and compilation of the
// WebAssembly module) at once, while the browser is still fetching the page's other modules.
// annotate-client.js takes this worker over for its first start and replays the events that
// arrived before it did. Nothing else lives here: the page works the same without it.
const url = new URL('./worker.js', import.meta.url);
const worker = new Worker(url, { type: 'module' });
const events = [];
worker.onmessage = (event) => events.push(['message', event]);
worker.onerror = (event) => {
  event.preventDefault();
  events.push(['error', event]);
};
worker.onmessageerror = (event) => events.push(['messageerror', event]);
globalThis.__baliseEarlyWorker = { url: url.href, worker, events };
