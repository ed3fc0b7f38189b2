// dist/ is committed build output. dist/SOURCES.sha256 records, on its first line, a hash of
// every input of the build and then one `sha256  path` line per file the build wrote, so a test
// tells both when dist/ no longer matches the sources and when a file in it was changed,
// added or removed by anything but scripts/build.sh (e.g. a tool writing into the wrong
// directory). `write` records it, `check` compares both.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const STAMP = 'dist/SOURCES.sha256';
const inputs = ['Cargo.toml', 'Cargo.lock', 'package.json', 'src', 'vendor', 'www/src', 'www/embed.js', 'scripts/build.sh', 'scripts/bundle.mjs', 'scripts/minify-imports.mjs', 'scripts/minify-exports.mjs', 'scripts/strip-panic-locations.mjs', 'scripts/wasm-binary.mjs', 'examples/static_fallbacks.rs', 'examples/fact_cards.rs'];
function files(p) {
  const full = join(root, p);
  if (statSync(full).isDirectory()) return readdirSync(full).sort().flatMap((f) => files(join(p, f)));
  return [p];
}
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const hash = createHash('sha256');
for (const f of inputs.flatMap(files)) {
  hash.update(f + '\0');
  hash.update(readFileSync(join(root, f)));
  hash.update('\0');
}
const digest = hash.digest('hex');
const outputs = () => (existsSync(join(root, 'dist')) ? files('dist') : []).filter((f) => f !== STAMP).map((f) => `${sha256(readFileSync(join(root, f)))}  ${f}`);

if (process.argv[2] === 'write') {
  writeFileSync(join(root, STAMP), [digest, ...outputs()].join('\n') + '\n');
} else {
  const [have = '(missing)', ...recorded] = existsSync(join(root, STAMP)) ? readFileSync(join(root, STAMP), 'utf8').trim().split('\n') : [];
  if (have !== digest) {
    console.error(`dist/ is stale: built from ${have.slice(0, 12)}, sources are ${digest.slice(0, 12)}. Run scripts/build.sh and commit dist/.`);
    process.exit(1);
  }
  const now = outputs();
  const changed = [...new Set([...recorded.filter((l) => !now.includes(l)), ...now.filter((l) => !recorded.includes(l))].map((l) => l.slice(66)))];
  if (changed.length) {
    console.error(`dist/ was changed after scripts/build.sh wrote it: ${changed.join(', ')}. Run scripts/build.sh and commit dist/.`);
    process.exit(1);
  }
  console.log(`dist/ matches the sources (${now.length} files)`);
}
