// Wiring: the textarea, the annotation worker, the rendered text, the claim list, the status
// line and the error banner.

import { AnnotatorClient } from './annotate-client.js';
import { renderText, renderClaims, legendSample, LABEL_NAMES } from './render.js';
import { ROLES } from './layout.js';

const DEBOUNCE_MS = 120;

/** A made-up article (people and figures are fictional) to try the page. */
const SAMPLE = `Lyon, 15 juillet 2016. – La préfecture du Rhône a annoncé que 3 500 policiers seraient mobilisés pour le feu d’artifice, et la mairie attend plus de 200 000 spectateurs sur les quais.
« Nous resterons vigilants jusqu’au bout », a déclaré le préfet Claire Vasseur devant la presse. Selon l’AFP, le budget de la soirée atteint 1,2 million d’euros.
Le maire, Paul Mercier, a estimé que « la fête doit rester populaire ». Trois personnes ont été légèrement blessées lundi soir place Bellecour.`;

const $ = (id) => document.getElementById(id);
const input = $('input');
const output = $('output');
const claimsList = $('claims');
const claimsEmpty = $('claims-empty');
const statusLine = $('status');
const banner = $('banner');
const bannerText = $('banner-text');

let timer = 0;
let latestId = 0;

function setStatus(state, text) {
  statusLine.dataset.state = state;
  statusLine.textContent = text;
}

function showBanner(message) {
  bannerText.textContent = message;
  banner.hidden = false;
}

function plural(n, one, many) {
  return `${n.toLocaleString('fr-FR')} ${n === 1 ? one : many}`;
}

function buildLegend() {
  const legend = $('legend');
  const items = [];
  for (const label of Object.keys(LABEL_NAMES)) {
    const item = document.createElement('span');
    item.className = 'legend-item';
    item.append(legendSample('label', label), document.createTextNode(` ${LABEL_NAMES[label]}`));
    items.push(item);
  }
  for (const role of ROLES) {
    const item = document.createElement('span');
    item.className = 'legend-item';
    item.append(legendSample('role', role));
    items.push(item);
  }
  legend.replaceChildren(...items);
}

const client = new AnnotatorClient(new URL('./worker.js', import.meta.url), {
  onReady(version) {
    $('version').textContent = `balise ${version} (WebAssembly)`;
    if (statusLine.dataset.state === 'loading') setStatus('idle', 'Prêt.');
  },
  onCrash(message, { attempt, final }) {
    showBanner(
      final
        ? `Erreur : ${message}. L’annotateur est arrêté après ${attempt} échecs ; rechargez la page.`
        : `Erreur : ${message}. Redémarrage de l’annotateur…`,
    );
    setStatus('error', 'Erreur de l’annotateur.');
  },
  onRestart() {
    schedule(0);
  },
});

function show(text, annotation, ms) {
  const counts = renderText(output, text, annotation);
  renderClaims(claimsList, text, annotation);
  claimsEmpty.hidden = counts.claims > 0;
  let line = `${plural(counts.entities, 'entité', 'entités')}, ${plural(counts.claims, 'affirmation', 'affirmations')} · ${Math.max(1, Math.round(ms))} ms`;
  if (counts.dropped) line += ` · ${counts.dropped} annotation(s) incohérente(s) ignorée(s)`;
  setStatus('done', line);
}

async function run() {
  timer = 0;
  const text = input.value;
  const { id, promise } = client.request('annotate', text);
  latestId = id;
  let result;
  try {
    result = await promise;
  } catch (err) {
    if (id !== latestId) return;
    if (!err.crash) showBanner(`Erreur : ${err.message}`);
    setStatus('error', 'Erreur de l’annotateur.');
    return;
  }
  // A newer request replaced this one: its result (if any) no longer matches the input.
  if (result === null || id !== latestId || timer) return;
  show(text, result.value, result.ms);
}

function schedule(delay) {
  clearTimeout(timer);
  setStatus('busy', 'Annotation…');
  timer = setTimeout(run, delay);
}

// Claim highlighting: hovering or focusing a claim (in the text or in the list) marks all its
// parts.
let activeClaim = null;
function activate(claim) {
  if (claim === activeClaim) return;
  for (const el of document.querySelectorAll('.active-claim')) el.classList.remove('active-claim');
  activeClaim = claim;
  if (claim === null) return;
  for (const el of document.querySelectorAll(`[data-claim="${CSS.escape(claim)}"]`)) {
    el.classList.add('active-claim');
  }
}
function claimOf(event) {
  return event.target.closest?.('[data-claim]')?.dataset.claim ?? null;
}
for (const el of [output, claimsList]) {
  el.addEventListener('mouseover', (e) => activate(claimOf(e)));
  el.addEventListener('mouseleave', () => activate(null));
  el.addEventListener('focusin', (e) => activate(claimOf(e)));
}
claimsList.addEventListener('click', (e) => {
  const claim = claimOf(e);
  if (claim === null) return;
  const first = output.querySelector(`[data-claim="${CSS.escape(claim)}"]`);
  first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
});

input.addEventListener('input', () => schedule(DEBOUNCE_MS));
$('sample').addEventListener('click', () => {
  input.value = SAMPLE;
  schedule(0);
});
$('clear').addEventListener('click', () => {
  input.value = '';
  schedule(0);
  input.focus();
});
$('banner-close').addEventListener('click', () => {
  banner.hidden = true;
});

buildLegend();
if (input.value) schedule(0); // text kept by the browser across a reload
