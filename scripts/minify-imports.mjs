// Shortens the names a wasm imports from its JS glue, in both files:
//   node scripts/minify-imports.mjs WASM GLUE
// wasm-bindgen names each import like `__wbg_set_height_ae0610d318c3428c` (a 16-digit hash that
// gzip cannot compress) from the module "./econ_widget_bg.js", and the glue defines each one
// under that name. Renamed to `a`, `b`, … from module "a", the one-chart download is about
// 1.5 KB smaller. The glue's import object is the only place these names occur (checked: each
// must appear exactly once, as a key of that object), so renaming them there and in the
// wasm's import section changes nothing else.
import { readFileSync, writeFileSync } from 'node:fs';
import { uleb, sections, encUleb, encName, shortName } from './wasm-binary.mjs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath || !gluePath) throw new Error('usage: minify-imports.mjs WASM GLUE');
const wasm = readFileSync(wasmPath);
let glue = readFileSync(gluePath, 'utf8');
const MODULE = './econ_widget_bg.js';

// Rebuild the import section (id 2); copy the others as they are.
const parts = [wasm.subarray(0, 8)];
let renamed = 0;
const names = new Map();
for (const sec of sections(wasm)) {
  if (sec.id !== 2) {
    parts.push(wasm.subarray(sec.start, sec.end));
    continue;
  }
  let [count, p] = uleb(wasm, sec.bodyAt);
  const entries = [encUleb(count)];
  for (let i = 0; i < count; i++) {
    let len;
    [len, p] = uleb(wasm, p);
    const mod = wasm.subarray(p, p + len).toString('utf8');
    p += len;
    [len, p] = uleb(wasm, p);
    const field = wasm.subarray(p, p + len).toString('utf8');
    p += len;
    // The import's description: kind byte, then a type index (func), a table, memory or
    // global type. Copied as is; its length is found by parsing it.
    const descAt = p;
    const kind = wasm[p++];
    if (kind === 0) [, p] = uleb(wasm, p); // func: type index
    else if (kind === 1) { p++; const flags = wasm[p++]; [, p] = uleb(wasm, p); if (flags & 1) [, p] = uleb(wasm, p); } // table
    else if (kind === 2) { const flags = wasm[p++]; [, p] = uleb(wasm, p); if (flags & 1) [, p] = uleb(wasm, p); } // memory
    else if (kind === 3) { p += 2; } // global: valtype, mutability
    else throw new Error(`minify-imports: unknown import kind ${kind}`);
    const desc = wasm.subarray(descAt, p);
    if (mod === MODULE) {
      if (!names.has(field)) names.set(field, shortName(names.size));
      entries.push(encName('a'), encName(names.get(field)), desc);
      renamed++;
    } else {
      entries.push(encName(mod), encName(field), desc);
    }
  }
  if (p !== sec.end) throw new Error('minify-imports: the import section did not parse to its end');
  const body = Buffer.concat(entries);
  parts.push(Buffer.from([2]), encUleb(body.length), body);
}
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

writeFileSync(wasmPath, Buffer.concat(parts));
writeFileSync(gluePath, glue);
console.log(`minify-imports: ${names.size} imports renamed in ${wasmPath} and ${gluePath}`);
