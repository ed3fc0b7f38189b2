// Shortens the names a wasm exports to its JS glue, in both files, and records the originals:
//   node scripts/minify-exports.mjs WASM GLUE NAMES_JSON
// wasm-bindgen exports each method under a long name (`widgethandle_toggle_series`), which the
// wasm's export section and the glue (`wasm.widgethandle_toggle_series(…)`) both spell out.
// Renamed to `a`, `b`, … the one-chart download is about 0.3 KB gzip smaller. The glue reaches
// exports only as `wasm.NAME` (checked: no `wasm.NAME` is left afterwards); `memory` keeps its
// name, as the API reads it from the instance (www/src/api.js ewMemory). NAMES_JSON maps each
// short name back to its original, for scripts/bundle.mjs's check of what each build exports.
import { readFileSync, writeFileSync } from 'node:fs';
import { uleb, encName, shortName, readName, rewriteSection } from './wasm-binary.mjs';

const [wasmPath, gluePath, namesPath] = process.argv.slice(2);
if (!wasmPath || !gluePath || !namesPath) throw new Error('usage: minify-exports.mjs WASM GLUE NAMES_JSON');
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
const KEEP = ['memory'];

// Rebuild the export section (id 7): each entry is a name, a kind byte and an index.
const names = new Map();
const out = rewriteSection(wasm, 7, (at) => {
  const [field, descAt] = readName(wasm, at);
  const [, end] = uleb(wasm, descAt + 1);
  if (!KEEP.includes(field)) names.set(field, shortName(names.size));
  return [Buffer.concat([encName(names.get(field) || field), wasm.subarray(descAt, end)]), end];
}, 'minify-exports');
if (!names.size) throw new Error(`minify-exports: no exports renamed in ${wasmPath}`);

// Longest names first, so that no name is replaced inside a longer one it begins.
for (const [long, short] of [...names].sort((a, b) => b[0].length - a[0].length)) {
  glue = glue.replace(new RegExp(`\\bwasm\\.${long}\\b`, 'g'), `wasm.${short}`);
}
for (const long of names.keys()) {
  if (new RegExp(`\\bwasm\\.${long}\\b`).test(glue)) throw new Error(`minify-exports: wasm.${long} is left in ${gluePath}`);
}

writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
writeFileSync(namesPath, JSON.stringify(Object.fromEntries([...names].map(([long, short]) => [short, long])), null, 1) + '\n');
console.log(`minify-exports: ${names.size} exports renamed in ${wasmPath} and ${gluePath}`);
