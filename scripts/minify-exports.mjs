// Shortens the names a wasm exports to its JS glue, in both files, and records the originals:
//   node scripts/minify-exports.mjs WASM GLUE NAMES_JSON
// wasm-bindgen exports each method under a long name (`widgethandle_toggle_series`), which the
// wasm's export section and the glue (`wasm.widgethandle_toggle_series(…)`) both spell out.
// Renamed to `a`, `b`, … the one-chart download is about 0.3 KB gzip smaller. The glue reaches
// exports only as `wasm.NAME` (checked: no `wasm.NAME` is left afterwards); `memory` keeps its
// name, as the API reads it from the instance (www/src/api.js ewMemory). NAMES_JSON maps each
// short name back to its original, for scripts/bundle.mjs's check of what each build exports.
import { readFileSync, writeFileSync } from 'node:fs';
import { uleb, sections, encUleb, encName, shortName } from './wasm-binary.mjs';

const [wasmPath, gluePath, namesPath] = process.argv.slice(2);
if (!wasmPath || !gluePath || !namesPath) throw new Error('usage: minify-exports.mjs WASM GLUE NAMES_JSON');
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
const KEEP = ['memory'];

// Rebuild the export section (id 7); copy the others as they are.
const parts = [wasm.subarray(0, 8)];
const names = new Map();
for (const sec of sections(wasm)) {
  if (sec.id !== 7) {
    parts.push(wasm.subarray(sec.start, sec.end));
    continue;
  }
  let [count, p] = uleb(wasm, sec.bodyAt);
  const entries = [encUleb(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = uleb(wasm, p);
    const field = wasm.subarray(p, p + len).toString('utf8');
    p += len;
    const descAt = p;
    p++; // kind
    [, p] = uleb(wasm, p); // index
    let name = field;
    if (!KEEP.includes(field)) {
      name = shortName(names.size);
      names.set(field, name);
    }
    entries.push(encName(name), wasm.subarray(descAt, p));
  }
  if (p !== sec.end) throw new Error('minify-exports: the export section did not parse to its end');
  const body = Buffer.concat(entries);
  parts.push(Buffer.from([7]), encUleb(body.length), body);
}
if (!names.size) throw new Error(`minify-exports: no exports renamed in ${wasmPath}`);

// Longest names first, so that no name is replaced inside a longer one it begins.
for (const [long, short] of [...names].sort((a, b) => b[0].length - a[0].length)) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${long}\\b`, 'g'), `wasm.${short}`);
}
for (const long of names.keys()) {
  if (new RegExp(`\\bwasm\\.${long}\\b`).test(glue)) throw new Error(`minify-exports: wasm.${long} is left in ${gluePath}`);
}

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
writeFileSync(namesPath, JSON.stringify(Object.fromEntries([...names].map(([long, short]) => [short, long])), null, 1) + '\n');
console.log(`minify-exports: ${names.size} exports renamed in ${wasmPath} and ${gluePath}`);
