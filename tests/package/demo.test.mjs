// scripts/demo.sh serves the committed build with Node alone: it installs nothing (no setup,
// no browser, no build while dist/ is in step) and serves the explorer, the article and dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { ROOT } from './pack.mjs';

test('scripts/demo.sh serves the committed dist/ and the demo pages without setting anything up', async () => {
  const child = spawn('bash', ['scripts/demo.sh'], { cwd: ROOT, env: { ...process.env, PORT: '0', DEMO_BUILD: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  try {
    const url = await new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('no URL in 20 s: ' + out)), 20000);
      const look = () => {
        const m = out.match(/econ-widget demo: (http:\/\/127\.0\.0\.1:\d+)\/www\/index\.html/);
        if (m) { clearTimeout(t); resolve(m[1]); }
      };
      child.stdout.on('data', look);
      child.on('exit', (code) => reject(new Error(`demo.sh exited (${code}): ${out}`)));
    });
    assert.ok(!/\[setup\]|wasm-pack|Compiling/.test(out), `nothing was installed or built: ${out}`);
    for (const [path, type] of [['/www/index.html', /text\/html/], ['/www/article.html', /text\/html/], ['/dist/econ-widget.inline.js', /javascript/], ['/dist/econ-embed.js', /javascript/], ['/dist/econ_widget_bg.wasm', /^application\/wasm$/]]) {
      const r = await fetch(url + path);
      assert.equal(r.status, 200, path);
      assert.match(r.headers.get('content-type'), type, path);
      await r.arrayBuffer();
    }
  } finally {
    child.kill();
  }
});
