// Prints "KIND\tname" lines (FIRSTNAME, SURNAME) from the person-name lists of every locale of
// npm @faker-js/faker (MIT). Only Latin-script names are kept: news in English spells foreign names
// in Latin letters. Sorted and de-duplicated by build_gazetteer.py.
const { allFakers } = require('@faker-js/faker');
const latin = /^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\- ]*$/;
const flat = x => !x ? [] : Array.isArray(x) ? x : Object.values(x).flatMap(v => Array.isArray(v) ? v : []);
const seen = new Set();
for (const loc of Object.keys(allFakers).sort()) {
  const p = (allFakers[loc].rawDefinitions || {}).person || {};
  for (const [kind, list] of [["FIRSTNAME", flat(p.first_name)], ["SURNAME", flat(p.last_name)]]) {
    for (const n of list) {
      if (typeof n !== 'string' || !latin.test(n) || n.length < 2) continue;
      const line = kind + "\t" + n;
      if (!seen.has(line)) { seen.add(line); process.stdout.write(line + "\n"); }
    }
  }
}
