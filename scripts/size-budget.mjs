// Fails when what a page downloads for one chart (the one-chart JS bundle + its wasm, which
// carries the dataset, + the minified embed loader pkg/econ-embed.js that docs/embedding.md
// gives articles) grows past the ceiling once gzipped. The product goal is ≤ 80 KB with a 100 KB
// hard limit (issue 6), which the widget does not meet yet (BENCHMARKS.md, "Size", says by how
// much and where the bytes are); LIMIT stops regressions from today's size and comes down as
// the size work lands, to TARGET_LIMIT.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const root = new URL('..', import.meta.url).pathname;
const GOAL = 80 * 1024, TARGET_LIMIT = 100 * 1024;
const LIMIT = 142 * 1024; // today's ceiling (136.4 KB + room for small changes)
const parts = ['pkg/econ-widget.js', 'pkg/econ_widget_bg.wasm', 'pkg/econ-embed.js'];
for (const p of parts) {
  if (!existsSync(root + p)) { console.error(`${p} is missing: run scripts/build.sh`); process.exit(1); }
}
let total = 0;
for (const p of parts) {
  const raw = readFileSync(root + p);
  const gz = gzipSync(raw, { level: 9 }).length;
  total += gz;
  console.log(`${p.padEnd(28)} ${String(raw.length).padStart(8)} B raw ${String(gz).padStart(8)} B gzip`);
}
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
console.log(`total gzip: ${kb(total)} (goal ${kb(GOAL)}, target limit ${kb(TARGET_LIMIT)}, current ceiling ${kb(LIMIT)})`);
if (total > TARGET_LIMIT) console.log(`note: ${kb(total - TARGET_LIMIT)} over the 100 KB target (see BENCHMARKS.md)`);
// For reference: pages that pass their own dataset load the full build instead.
const gz = (p) => gzipSync(readFileSync(root + p), { level: 9 }).length;
console.log(`(pages with host data: econ-widget.full.js + econ_widget_full_bg.wasm + econ-embed.js, ${kb(gz('pkg/econ-widget.full.js') + gz('pkg/econ_widget_full_bg.wasm') + gz('pkg/econ-embed.js'))})`);
if (total > LIMIT) { console.error(`over the ${kb(LIMIT)} budget by ${kb(total - LIMIT)}`); process.exit(1); }
