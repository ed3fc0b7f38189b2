// Shortens the names a wasm imports from its JS glue, in both files:
//   node scripts/minify-imports.mjs WASM GLUE
// wasm-bindgen names each import like `__wbg_set_height_ae0610d318c3428c` (a 16-digit hash that
// gzip cannot compress) from the module "./econ_widget_bg.js", and the glue defines each one
// under that name. Renamed to `a`, `b`, … from module "a", the one-chart download is about
// 1.5 KB smaller. The glue's import object is the only place these names occur (checked: each
// must appear exactly once, as a key of that object), so renaming them there and in the
// wasm's import section changes nothing else.
import { readFileSync, writeFileSync } from 'node:fs';
import { uleb, encName, shortName, readName, rewriteSection } from './wasm-binary.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) throw new Error('usage: minify-imports.mjs WASM GLUE');
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
const MODULE = './econ_widget_bg.js';

// Rebuild the import section (id 2): module, field, then the import's description.
let renamed = 0;
const names = new Map();
const out = rewriteSection(wasm, 2, (at) => {
  const [mod, fieldAt] = readName(wasm, at);
  const [field, descAt] = readName(wasm, fieldAt);
  // The description: kind byte, then a type index (func), a table, memory or global type.
  // Copied as is; its length is found by parsing it.
  let p = descAt;
  const kind = wasm[p++];
  if (kind === 0) [, p] = uleb(wasm, p); // func: type index
  else if (kind === 1) { p++; const flags = wasm[p++]; [, p] = uleb(wasm, p); if (flags & 1) [, p] = uleb(wasm, p); } // table
  else if (kind === 2) { const flags = wasm[p++]; [, p] = uleb(wasm, p); if (flags & 1) [, p] = uleb(wasm, p); } // memory
  else if (kind === 3) { p += 2; } // global: valtype, mutability
  else throw new Error(`minify-imports: unknown import kind ${kind}`);
  const desc = wasm.subarray(descAt, p);
  if (mod !== MODULE) return [Buffer.concat([encName(mod), encName(field), desc]), p];
  if (!names.has(field)) names.set(field, shortName(names.size));
  renamed++;
  return [Buffer.concat([encName('a'), encName(names.get(field)), desc]), p];
}, 'minify-imports');
if (!renamed) throw new Error(`minify-imports: no imports from ${MODULE} in ${wasmPath}`);

// The glue: each name once, as a key of the import object; the module key once.
for (const [long, short] of names) {
  const key = new RegExp(`(^|[\\s{,])${long}:`, 'g');
  const hits = glue.match(key) || [];
  if (hits.length !== 1 || glue.split(long).length !== 2) {
    throw new Error(`minify-imports: ${long} should occur once in ${gluePath}, as an import key`);
  }
  glue = glue.replace(key, (_, pre) => `${pre}${short}:`);
}
const moduleKey = `"${MODULE}": import0`;
if (glue.split(moduleKey).length !== 2) throw new Error(`minify-imports: ${gluePath} does not return its imports as ${moduleKey}`);
glue = glue.replace(moduleKey, '"a": import0');

writeFileSync(wasmPath, out);
writeFileSync(gluePath, glue);
console.log(`minify-imports: ${names.size} imports renamed in ${wasmPath} and ${gluePath}`);
