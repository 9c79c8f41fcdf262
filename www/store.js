// Storage: every document of the queue and the page state in IndexedDB, written at once after
// each change so that a reload, a closed or a crashed tab loses nothing.
//
//   const store = await Store.open({ onState });   // never throws: store.available tells
//   const { docs, logs, meta } = await store.load();
//   store.saveDoc(doc);           // a whole document (snapshot)
//   store.logEdit(doc, entry);    // one edit: {seq, op: 'commit' | 'undo' | 'redo', change?}
//   store.saveMeta({ current }); store.deleteDoc(key);
//
// An edit of a long document only appends its small log entry (copying a 100,000-character
// document with thousands of spans would take several milliseconds of main-thread time); the
// document is rewritten whole when its text changes, when it is left, and when the page is idle.
// Loading replays a document's log entries newer than its snapshot (`seq`). Writes are coalesced:
// a document changed several times while a transaction is running is written once more when it
// ends, with its latest state (IndexedDB copies the object when `put` is called). `onState(state, message)` reports 'saving', 'saved', 'error' (with a message for
// the user: quota, private mode, another tab upgrading…) and 'off' (no storage at all). After
// an error, the next change retries everything still unsaved.

const DB_NAME = 'balise';
const DB_VERSION = 2;
const DOCS = 'docs';
const LOG = 'log';
const META = 'meta';

/** A message for the user from an IndexedDB or DOM error. */
export function describeStorageError(err) {
  const name = err?.name || '';
  if (name === 'QuotaExceededError') {
    return 'l’espace de stockage du navigateur est plein : exportez vos documents puis supprimez-en de la file';
  }
  if (name === 'InvalidStateError' || name === 'SecurityError') {
    return 'le stockage du navigateur est indisponible (navigation privée ?) : vos corrections ne sont pas enregistrées, exportez-les avant de fermer la page';
  }
  if (name === 'VersionError') return 'une version plus récente de Balise est ouverte dans un autre onglet : rechargez la page';
  return `erreur du stockage du navigateur : ${err?.message || name || String(err)}`;
}

function promisify(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

export class Store {
  #db = null;
  #onState;
  #dirty = new Map(); // key -> doc (latest object)
  #log = []; // {key, seq, op, change?} not written yet
  #deleted = new Set();
  #meta = null;
  #writing = false;
  #scheduled = false;
  #waiters = [];
  state = 'saved';
  message = '';

  constructor(db, onState) {
    this.#db = db;
    this.#onState = onState;
    if (db) {
      db.onversionchange = () => {
        db.close();
        this.#db = null;
        this.#set('error', 'Balise a été mis à jour dans un autre onglet : rechargez cette page pour continuer à enregistrer');
      };
    }
  }

  /** Opens the database; on failure the store works with `available === false`. */
  static async open({ onState = () => {} } = {}) {
    try {
      if (typeof indexedDB === 'undefined' || !indexedDB) throw Object.assign(new Error('no IndexedDB'), { name: 'InvalidStateError' });
      const request = indexedDB.open(DB_NAME, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(DOCS)) db.createObjectStore(DOCS, { keyPath: 'key' });
        if (!db.objectStoreNames.contains(META)) db.createObjectStore(META);
        if (!db.objectStoreNames.contains(LOG)) db.createObjectStore(LOG, { keyPath: ['key', 'seq'] });
      };
      const blocked = new Promise((_, reject) => {
        request.onblocked = () => reject(Object.assign(new Error('une autre page de Balise bloque la base : fermez les autres onglets'), { name: 'BlockedError' }));
      });
      const db = await Promise.race([promisify(request), blocked]);
      const store = new Store(db, onState);
      // Ask the browser not to evict the annotations under storage pressure (best effort).
      navigator.storage?.persist?.().catch(() => {});
      return store;
    } catch (err) {
      const store = new Store(null, onState);
      store.#set('off', describeStorageError(err));
      return store;
    }
  }

  get available() {
    return this.#db !== null;
  }

  /**
   * Every stored document (in queue order), the log entries newer than each one's snapshot
   * (`logs`: key -> entries in order) and the page state.
   */
  async load() {
    if (!this.#db) return { docs: [], logs: new Map(), meta: {} };
    const tx = this.#db.transaction([DOCS, LOG, META], 'readonly');
    const [docs, entries, meta] = await Promise.all([
      promisify(tx.objectStore(DOCS).getAll()),
      promisify(tx.objectStore(LOG).getAll()),
      promisify(tx.objectStore(META).get('state')),
    ]);
    docs.sort((a, b) => (a.order ?? 0) - (b.order ?? 0));
    const seqOf = new Map(docs.map((d) => [d.key, d.seq ?? 0]));
    const logs = new Map();
    for (const e of entries) {
      if (!seqOf.has(e.key) || e.seq <= seqOf.get(e.key)) continue;
      if (!logs.has(e.key)) logs.set(e.key, []);
      logs.get(e.key).push(e);
    }
    return { docs, logs, meta: meta || {} };
  }

  /** Writes the whole document (its log entries up to `doc.seq` are then dropped). */
  saveDoc(doc) {
    this.#deleted.delete(doc.key);
    this.#dirty.set(doc.key, doc);
    this.#schedule();
  }

  /** Appends one edit of `doc` to its log (`entry.seq` must grow with each edit). */
  logEdit(doc, entry) {
    this.#log.push({ key: doc.key, ...entry });
    this.#schedule();
  }

  deleteDoc(key) {
    this.#dirty.delete(key);
    this.#log = this.#log.filter((e) => e.key !== key);
    this.#deleted.add(key);
    this.#schedule();
  }

  saveMeta(meta) {
    this.#meta = meta;
    this.#schedule();
  }

  /** True when something changed that is not stored yet. */
  get pending() {
    return this.#dirty.size > 0 || this.#log.length > 0 || this.#deleted.size > 0 || this.#meta !== null || this.#writing;
  }

  /** Resolves when everything changed so far is written (or failed). */
  flushed() {
    if (!this.pending) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  #set(state, message = '') {
    this.state = state;
    this.message = message;
    this.#onState(state, message);
  }

  #schedule() {
    if (!this.#db) {
      if (this.state !== 'off' && this.state !== 'error') this.#set('error', 'le stockage est fermé : rechargez la page');
      return;
    }
    if (this.#scheduled || this.#writing) return;
    this.#scheduled = true;
    this.#set('saving');
    // A microtask: several changes of one event handler go into one transaction.
    queueMicrotask(() => {
      this.#scheduled = false;
      this.#write();
    });
  }

  #hasWork() {
    return this.#dirty.size > 0 || this.#log.length > 0 || this.#deleted.size > 0 || this.#meta !== null;
  }

  #write() {
    if (!this.#db || !this.#hasWork()) {
      this.#done();
      return;
    }
    const docs = [...this.#dirty.values()];
    const log = this.#log;
    const deleted = [...this.#deleted];
    const meta = this.#meta;
    this.#dirty.clear();
    this.#log = [];
    this.#deleted.clear();
    this.#meta = null;
    this.#writing = true;
    const requeue = () => {
      for (const d of docs) if (!this.#dirty.has(d.key) && !this.#deleted.has(d.key)) this.#dirty.set(d.key, d);
      this.#log = [...log.filter((e) => !this.#deleted.has(e.key)), ...this.#log];
      for (const k of deleted) if (!this.#dirty.has(k)) this.#deleted.add(k);
      if (meta && this.#meta === null) this.#meta = meta;
    };
    let tx;
    try {
      tx = this.#db.transaction([DOCS, LOG, META], 'readwrite');
      const store = tx.objectStore(DOCS);
      const logStore = tx.objectStore(LOG);
      const snapshotSeq = new Map();
      for (const d of docs) {
        store.put(d);
        snapshotSeq.set(d.key, d.seq ?? 0);
        logStore.delete(IDBKeyRange.bound([d.key, -Infinity], [d.key, d.seq ?? 0]));
      }
      for (const e of log) {
        // An entry the snapshot written in this transaction already holds is not needed.
        if (snapshotSeq.has(e.key) && e.seq <= snapshotSeq.get(e.key)) continue;
        logStore.put(e);
      }
      for (const k of deleted) {
        store.delete(k);
        logStore.delete(IDBKeyRange.bound([k, -Infinity], [k, Infinity]));
      }
      if (meta) tx.objectStore(META).put(meta, 'state');
    } catch (err) {
      try {
        tx?.abort();
      } catch {
        // already finished
      }
      this.#writing = false;
      requeue();
      this.#set('error', describeStorageError(err));
      this.#release();
      return;
    }
    tx.oncomplete = () => {
      this.#writing = false;
      if (this.#hasWork()) this.#write();
      else this.#done();
    };
    const fail = () => {
      this.#writing = false;
      requeue();
      this.#set('error', describeStorageError(tx.error));
      this.#release();
    };
    tx.onabort = fail;
  }

  #done() {
    this.#set('saved');
    this.#release();
  }

  #release() {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const w of waiters) w();
  }
}
