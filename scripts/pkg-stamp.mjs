// pkg/ is committed; this stamp is a hash of every input of the build, so a test can tell
// when pkg/ no longer matches the sources. `write` records it, `check` compares.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const inputs = ['Cargo.toml', 'Cargo.lock', 'src', 'vendor', 'www/src', 'www/embed.js', 'scripts/build.sh', 'scripts/bundle.mjs', 'scripts/minify-imports.mjs', 'scripts/wasm-binary.mjs'];
function files(p) {
  const full = join(root, p);
  if (statSync(full).isDirectory()) return readdirSync(full).sort().flatMap((f) => files(join(p, f)));
  return [p];
}
const hash = createHash('sha256');
for (const f of inputs.flatMap(files)) {
  hash.update(f + '\0');
  hash.update(readFileSync(join(root, f)));
  hash.update('\0');
}
const digest = hash.digest('hex');
const stamp = join(root, 'pkg', 'SOURCES.sha256');
if (process.argv[2] === 'write') {
  writeFileSync(stamp, digest + '\n');
} else {
  const have = existsSync(stamp) ? readFileSync(stamp, 'utf8').trim() : '(missing)';
  if (have !== digest) {
    console.error(`pkg/ is stale: built from ${have.slice(0, 12)}, sources are ${digest.slice(0, 12)}. Run scripts/build.sh and commit pkg/.`);
    process.exit(1);
  }
  console.log('pkg/ matches the sources');
}
