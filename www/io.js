// Import and export: files and pasted texts in, downloads out, through the same Rust `formats`
// code as the CLI (in the worker). Nothing is added to the queue until a file has been read;
// a file that fails leaves the queue as it was, and what was skipped is listed for the user.

const DECODER = new TextDecoder('utf-8', { fatal: true });

/** Splits pasted text into documents: JSONL lines, or texts separated by a `---` line. */
export function splitPasted(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length && lines.every((l) => l.trimStart().startsWith('{'))) return { jsonl: text };
  const parts = text
    .split(/\r?\n[ \t]*-{3,}[ \t]*(?:\r?\n|$)/)
    .map((t) => t.replace(/^(?:[ \t]*\r?\n)+/, '').replace(/(?:\r?\n[ \t]*)+$/, ''))
    .filter((t) => t.trim());
  return { texts: parts };
}

/**
 * The label map typed in the import dialog: `PERSON=PER, GPE=LOC; NORP=-` (commas, semicolons or
 * line breaks between pairs) → `['PERSON=PER', 'GPE=LOC', 'NORP=-']`. The core checks each pair.
 */
export function parseLabelMap(value) {
  return String(value || '')
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function extension(name) {
  const m = /\.([^.]+)$/.exec(name.toLowerCase());
  return m ? m[1] : '';
}

/**
 * Reads `files` (File objects) into documents. `format` is a format name or '' to guess per file;
 * `labelMap` renames foreign labels (see `parseLabelMap`). Returns `{documents: [{doc, file}], skipped: [string], notes: [string]}`; never throws for a bad
 * file (its problem goes into `skipped`).
 */
export async function readFiles(client, files, format, labelMap = []) {
  const documents = [];
  const skipped = [];
  const notes = [];
  const list = [...files];
  const brat = list.some((f) => extension(f.name) === 'ann') || format === 'brat';
  const groups = [];
  if (brat && (format === '' || format === 'brat')) {
    const pair = list.filter((f) => ['ann', 'txt', 'conf', 'zip'].includes(extension(f.name)));
    if (pair.length) groups.push({ format: 'brat', files: pair });
    for (const f of list) if (!pair.includes(f)) groups.push({ format: format || null, files: [f] });
  } else {
    for (const f of list) {
      if (extension(f.name) === 'txt' && !format) groups.push({ text: f });
      else groups.push({ format: format || null, files: [f] });
    }
  }
  for (const g of groups) {
    if (g.text) {
      try {
        const bytes = new Uint8Array(await g.text.arrayBuffer());
        let text = DECODER.decode(bytes);
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        documents.push({ doc: { id: g.text.name, text, entities: [], claims: [] }, file: g.text.name });
      } catch (err) {
        skipped.push(`${g.text.name} : ce fichier n’est pas du texte UTF-8 valide (${err.message}) ; réenregistrez-le en UTF-8`);
      }
      continue;
    }
    const names = g.files.map((f) => f.name).join(', ');
    try {
      const payloadFiles = [];
      for (const f of g.files) payloadFiles.push({ name: f.name, bytes: await f.arrayBuffer() });
      const { promise } = client.call('import', { payload: { format: g.format, files: payloadFiles, label_map: labelMap } });
      const { value } = await promise;
      for (const d of value.documents) documents.push({ doc: d, file: names });
      skipped.push(...value.skipped);
      notes.push(...value.notes);
    } catch (err) {
      skipped.push(`${names} : ${err.message}`);
    }
  }
  return { documents, skipped, notes };
}

/** Reads pasted text (see `splitPasted`) into documents, like `readFiles`. */
export async function readPasted(client, text, labelMap = []) {
  const split = splitPasted(text);
  if (split.texts) {
    return {
      documents: split.texts.map((t, i) => ({ doc: { id: '', text: t, entities: [], claims: [] }, file: `collé ${i + 1}` })),
      skipped: [],
      notes: [],
    };
  }
  const bytes = new TextEncoder().encode(split.jsonl).buffer;
  try {
    const { promise } = client.call('import', { payload: { format: null, files: [{ name: 'collé.jsonl', bytes }], label_map: labelMap } });
    const { value } = await promise;
    return { documents: value.documents.map((d) => ({ doc: d, file: 'collé.jsonl' })), skipped: value.skipped, notes: value.notes };
  } catch (err) {
    return { documents: [], skipped: [`collé.jsonl : ${err.message}`], notes: [] };
  }
}

/** Exports `docs` (wasm shape) in `format`; resolves to `{blob, warnings}`. */
export async function exportBlob(client, format, docs, mime) {
  const { promise } = client.call('export', { payload: { format, documents: docs, doccano_form: null } });
  const { value } = await promise;
  return { blob: new Blob([value.bytes], { type: mime || 'application/octet-stream' }), warnings: value.warnings };
}

/** Starts a download of `blob` as `name` (a link click: no server involved). */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file name made of a document id (or `balise`) and the format's extension. */
export function exportName(base, ext) {
  const clean = String(base || 'balise')
    .replace(/\.[a-z0-9]{1,5}$/i, '')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${clean || 'balise'}.${ext}`;
}
