// Fails when a package in the crate's resolved dependency graph (normal, dev and build
// dependencies, every target) declares a higher `rust-version` than Cargo.toml's: the
// declared minimum would then be untrue. Reads `cargo metadata`.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const ours = readFileSync(root + 'Cargo.toml', 'utf8').match(/^rust-version\s*=\s*"([^"]+)"/m)?.[1];
if (!ours) {
  console.error('Cargo.toml declares no rust-version');
  process.exit(1);
}
const parse = (v) => v.split('.').map(Number).concat([0, 0]).slice(0, 3);
const above = (a, b) => { const [x, y] = [parse(a), parse(b)]; for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i]; return false; };
const meta = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--locked', '--manifest-path', root + 'Cargo.toml'], { encoding: 'utf8', maxBuffer: 64 << 20 }));
const used = new Set(meta.resolve.nodes.map((n) => n.id).filter((id) => id !== meta.resolve.root));
const higher = meta.packages.filter((p) => used.has(p.id) && p.rust_version && above(p.rust_version, ours));
const max = meta.packages.filter((p) => used.has(p.id) && p.rust_version).reduce((m, p) => (above(p.rust_version, m.v) ? { v: p.rust_version, p: p.name } : m), { v: '0', p: '' });
if (higher.length) {
  for (const p of higher) console.error(`${p.name} ${p.version} declares rust-version ${p.rust_version}, above Cargo.toml's ${ours}`);
  process.exit(1);
}
console.log(`rust-version ${ours}: no dependency declares more (highest: ${max.p} ${max.v})`);
