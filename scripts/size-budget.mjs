// Fails when what a page downloads for one chart — the one-chart JS bundle (glue + API), its
// wasm (which carries the dataset) and the minified embed loader dist/econ-embed.js that
// docs/embedding.md gives articles — is over 100 KB gzipped (zlib level 9, each file on its
// own, as a server compresses them). The goal is ≤ 80 KB; BENCHMARKS.md ("Size") says where the
// bytes are.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
const root = new URL('..', import.meta.url).pathname;
const GOAL = 80 * 1024, LIMIT = 100 * 1024;
const parts = ['dist/econ-widget.js', 'dist/econ_widget_bg.wasm', 'dist/econ-embed.js'];
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
console.log(`total gzip: ${kb(total)} (${total} B; limit ${kb(LIMIT)}, goal ${kb(GOAL)})`);
// The goal (issue 19) is reported, not enforced: how far off it is, and the margin left under the limit.
console.log(total > GOAL ? `goal ${kb(GOAL)}: ${total - GOAL} B over; limit margin ${LIMIT - total} B` : `goal ${kb(GOAL)} met (${GOAL - total} B under)`);
// For reference: pages that pass their own dataset load the full build instead.
const gz = (p) => gzipSync(readFileSync(root + p), { level: 9 }).length;
console.log(`(pages with host data: econ-widget.full.js + econ_widget_full_bg.wasm + econ-embed.js, ${kb(gz('dist/econ-widget.full.js') + gz('dist/econ_widget_full_bg.wasm') + gz('dist/econ-embed.js'))})`);
if (total > LIMIT) {
  console.error(`a one-chart page downloads ${kb(total)} gzipped: ${total - LIMIT} B over the ${kb(LIMIT)} limit`);
  process.exit(1);
}
