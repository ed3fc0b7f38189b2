// Shared by the package tests: the tarball `npm pack` makes of the repository, and throwaway
// apps (in target/package-test/, which git ignores) that install it as a user would.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../browser/server.mjs';

export { ROOT };
export const WORK = join(ROOT, 'target/package-test');

const run = (cmd, args, cwd, env = {}) => execFileSync(cmd, args, { cwd, encoding: 'utf8', env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });

let tarball = null;
/** `npm pack` of the repository (once per test process): {path, files} of the tarball. */
export function pack() {
  if (tarball) return tarball;
  const dir = join(WORK, 'tarball-' + process.pid);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const [info] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], ROOT));
  tarball = { path: join(dir, info.filename), files: info.files.map((f) => f.path), size: info.size, name: info.name, version: info.version };
  return tarball;
}

/** A new app directory with `files` ({relative path: text}) and the packed econ-widget installed. */
export function app(name, files) {
  const dir = join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'app-' + name, private: true, type: 'module' }, null, 2));
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  // The package has no dependencies: installing its tarball needs no registry.
  run('npm', ['install', '--no-audit', '--no-fund', '--offline', pack().path], dir);
  return dir;
}

export { run };
