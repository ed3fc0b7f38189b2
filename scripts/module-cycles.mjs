// Fails when the crate's top-level modules import each other in a cycle. The layers
// (README, "Layers") only import downwards; a cycle means a helper lives in the wrong layer.
// Reads every `crate::<module>` path in src/**/*.rs (use declarations and inline paths alike,
// comments left out) and maps each file to its top-level module (src/data/validate.rs is
// `data`, src/web/host_series.rs is `web`). `node scripts/module-cycles.mjs` prints the graph's
// cycles and exits 1 if there is one; scripts/module-cycles.test.mjs shows that it catches them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Source files under `dir`, recursively. */
function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? rustFiles(p) : p.endsWith('.rs') ? [p] : [];
  });
}

/** The top-level module a file belongs to: `lib` for src/lib.rs. */
export function moduleOf(path) {
  const first = path.split(/[\\/]/)[0];
  return first.replace(/\.rs$/, '');
}

/** Rust source without comments and string and char literals, so none of them names a module. */
export function code(text) {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i], next = text[i + 1];
    if (c === '/' && next === '/') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      let depth = 0;
      do {
        if (text.startsWith('/*', i)) { depth++; i += 2; } else if (text.startsWith('*/', i)) { depth--; i += 2; } else i++;
      } while (depth > 0 && i < text.length);
    } else if (c === 'r' && /^r#*"/.test(text.slice(i, i + 8)) && !/\w/.test(text[i - 1] ?? '')) {
      const hashes = text.slice(i + 1).match(/^#*/)[0];
      const end = text.indexOf('"' + hashes, i + 2 + hashes.length);
      i = end < 0 ? text.length : end + 1 + hashes.length;
      out += '""';
    } else if (c === '"') {
      i++;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i++;
      out += '""';
    } else if (c === "'" && (next === '\\' || text[i + 2] === "'")) {
      // A char literal ('"', '\'', 'x'); a lifetime ('a) has no closing quote after one char.
      i += next === '\\' ? text.indexOf("'", i + 3) - i + 1 : 3;
      out += "' '";
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** Module → the set of modules it imports, from `{relative path: source}`. */
export function graph(files) {
  const g = new Map();
  for (const [path, text] of Object.entries(files)) {
    const from = moduleOf(path);
    if (!g.has(from)) g.set(from, new Set());
    const src = code(text);
    const uses = [...src.matchAll(/\bcrate::(\w+)/g)].map((m) => m[1]);
    // `use crate::{a, b::c}` groups.
    for (const m of src.matchAll(/\bcrate::\{([^}]*)\}/g)) {
      for (const part of m[1].split(',')) uses.push(part.trim().split('::')[0]);
    }
    for (const to of uses) if (to && to !== from && to !== 'self') g.get(from).add(to);
  }
  for (const deps of g.values()) for (const d of [...deps]) if (!g.has(d)) deps.delete(d);
  return g;
}

/** Every strongly connected component with more than one module (Tarjan), each sorted. */
export function cycles(g) {
  let index = 0;
  const idx = new Map(), low = new Map(), on = new Set(), stack = [], out = [];
  const visit = (v) => {
    idx.set(v, index); low.set(v, index); index++;
    stack.push(v); on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v), low.get(w))); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const comp = [];
      let w;
      do { w = stack.pop(); on.delete(w); comp.push(w); } while (w !== v);
      if (comp.length > 1) out.push(comp.sort());
    }
  };
  for (const v of [...g.keys()].sort()) if (!idx.has(v)) visit(v);
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const src = fileURLToPath(new URL('../src', import.meta.url));
  const files = Object.fromEntries(rustFiles(src).map((p) => [relative(src, p).split(sep).join('/'), readFileSync(p, 'utf8')]));
  const g = graph(files);
  const found = cycles(g);
  if (process.argv.includes('--graph')) for (const [m, deps] of [...g].sort()) console.log(`${m} → ${[...deps].sort().join(', ')}`);
  if (found.length) {
    for (const c of found) {
      console.error(`module cycle: ${c.join(', ')}`);
      for (const m of c) console.error(`  ${m} imports ${[...g.get(m)].filter((d) => c.includes(d)).sort().join(', ')}`);
    }
    process.exit(1);
  }
  console.log(`no module cycle among ${g.size} modules`);
}
