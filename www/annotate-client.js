// Talks to the annotation worker (worker.js): request ids, coalescing, crash recovery.
//
// * request(type, text) returns {id, promise}; the promise resolves to {value, ms}, or to null
//   when a newer request of the same type replaced it before it was sent (only the newest
//   waiting request is kept: typing fast never piles up work), and rejects with an Error if the
//   call failed or the worker crashed while running it.
// * call(type, fields, transfer) sends one request that is never coalesced (imports, exports,
//   the documents of a queue being annotated one by one) and returns the same kind of promise.
// * A crashed worker (wasm failed to load, a Rust panic, a script error) is terminated and
//   restarted after a short delay, up to `maxRestarts` times in a row without a successful
//   result; then the client stops and every request rejects.

const RESTART_DELAYS_MS = [200, 1000, 3000];

export class AnnotatorClient {
  #url;
  #handlers;
  #maxRestarts;
  #worker = null;
  #ready = false;
  #nextId = 1;
  #inFlight = new Map(); // id -> {resolve, reject, type, text}
  #waiting = new Map(); // type -> {id, text, resolve, reject}, sent once the worker is free
  #calls = []; // {id, message, transfer, resolve, reject}: sent in order once the worker is ready
  #failures = 0;
  #stopped = false;
  #restartTimer = 0;

  /**
   * @param {URL|string} url  the worker module (worker.js)
   * @param {object} handlers  onReady(version), onCrash(message, {attempt, final}), onRestart()
   */
  constructor(url, { onReady = () => {}, onCrash = () => {}, onRestart = () => {}, maxRestarts = 3 } = {}) {
    this.#url = url;
    this.#handlers = { onReady, onCrash, onRestart };
    this.#maxRestarts = maxRestarts;
    this.#spawn();
  }

  /** True once the client gave up restarting the worker. */
  get stopped() {
    return this.#stopped;
  }

  request(type, text) {
    const id = this.#nextId++;
    if (this.#stopped) {
      return { id, promise: Promise.reject(new Error('l’annotateur est arrêté : rechargez la page')) };
    }
    const promise = new Promise((resolve, reject) => {
      const previous = this.#waiting.get(type);
      if (previous) previous.resolve(null); // superseded before it was sent
      this.#waiting.set(type, { id, text, resolve, reject });
    });
    this.#pump();
    return { id, promise };
  }

  call(type, fields = {}, transfer = []) {
    const id = this.#nextId++;
    if (this.#stopped) {
      return { id, promise: Promise.reject(new Error('l’annotateur est arrêté : rechargez la page')) };
    }
    const promise = new Promise((resolve, reject) => {
      this.#calls.push({ id, type, message: { ...fields, id, type }, transfer, resolve, reject });
    });
    this.#pump();
    return { id, promise };
  }

  /** Stops the worker for good. */
  terminate() {
    this.#stop(new Error('l’annotateur est arrêté'));
  }

  #stop(err) {
    this.#stopped = true;
    clearTimeout(this.#restartTimer);
    this.#worker?.terminate();
    this.#worker = null;
    for (const r of this.#inFlight.values()) r.reject(err);
    for (const r of this.#waiting.values()) r.reject(err);
    for (const r of this.#calls) r.reject(err);
    this.#inFlight.clear();
    this.#waiting.clear();
    this.#calls = [];
  }

  #spawn() {
    this.#ready = false;
    const early = takeEarlyWorker(this.#url);
    const worker = early?.worker ?? new Worker(this.#url, { type: 'module' });
    const handlers = {
      message: (event) => this.#onMessage(worker, event.data),
      error: (event) => {
        event.preventDefault();
        const detail = event.message || 'le script du worker n’a pas pu être chargé ou a échoué (www/pkg manquant ? lancez scripts/build-wasm)';
        this.#crash(worker, detail);
      },
      messageerror: () => this.#crash(worker, 'message illisible du worker'),
    };
    worker.onmessage = handlers.message;
    worker.onerror = handlers.error;
    worker.onmessageerror = handlers.messageerror;
    this.#worker = worker;
    // what the worker started by boot.js said before we were here, in order
    for (const [kind, event] of early?.events ?? []) {
      if (this.#worker !== worker) break;
      handlers[kind](event);
    }
  }

  /** Sends the waiting requests whose type has nothing in flight. */
  #pump() {
    if (!this.#worker || !this.#ready) return;
    for (const c of this.#calls) {
      this.#inFlight.set(c.id, { resolve: c.resolve, reject: c.reject, type: `call:${c.type}` });
      this.#worker.postMessage(c.message, c.transfer);
    }
    this.#calls = [];
    const busy = new Set([...this.#inFlight.values()].map((r) => r.type));
    for (const [type, req] of this.#waiting) {
      if (busy.has(type)) continue;
      this.#waiting.delete(type);
      this.#inFlight.set(req.id, { ...req, type });
      this.#worker.postMessage({ id: req.id, type, text: req.text });
    }
  }

  #onMessage(worker, msg) {
    if (worker !== this.#worker || !msg) return;
    switch (msg.type) {
      case 'ready':
        performance.mark('balise:worker-ready', { detail: msg.timing });
        this.#ready = true;
        this.#handlers.onReady(msg.version);
        this.#pump();
        break;
      case 'result': {
        const req = this.#inFlight.get(msg.id);
        if (!req) return;
        this.#inFlight.delete(msg.id);
        this.#failures = 0;
        req.resolve({ value: msg.value, ms: msg.ms });
        this.#pump();
        break;
      }
      case 'error': {
        const req = this.#inFlight.get(msg.id);
        if (!req) return;
        this.#inFlight.delete(msg.id);
        req.reject(new Error(msg.message));
        this.#pump();
        break;
      }
      case 'crash':
        this.#crash(worker, msg.message);
        break;
      default:
        break;
    }
  }

  #crash(worker, message) {
    if (worker !== this.#worker) return;
    worker.terminate();
    this.#worker = null;
    this.#ready = false;
    const err = new Error(message);
    err.crash = true; // already reported through onCrash
    for (const r of this.#inFlight.values()) r.reject(err);
    this.#inFlight.clear();
    this.#failures++;
    const final = this.#failures > this.#maxRestarts;
    this.#handlers.onCrash(message, { attempt: this.#failures, final });
    if (final) {
      const stopped = new Error(`${message} (arrêté après ${this.#failures} échecs)`);
      stopped.crash = true;
      this.#stop(stopped);
      return;
    }
    const delay = RESTART_DELAYS_MS[Math.min(this.#failures - 1, RESTART_DELAYS_MS.length - 1)];
    this.#restartTimer = setTimeout(() => {
      this.#spawn();
      this.#handlers.onRestart();
    }, delay);
  }
}

/** The worker boot.js started for `url`, once (later starts make their own). */
function takeEarlyWorker(url) {
  const early = globalThis.__baliseEarlyWorker;
  if (!early || early.url !== new URL(url, location.href).href) return null;
  delete globalThis.__baliseEarlyWorker;
  return early;
}
