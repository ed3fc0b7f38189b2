// Joins wasm-bindgen's no-modules glue and the JS API (www/src/api.js) into classic scripts,
// minified with terser (pinned in package.json) because every byte is downloaded per page:
//   pkg/econ-widget.js         fetches econ_widget_bg.wasm from its own directory
//   pkg/econ-widget.inline.js  carries the wasm as base64 (for file://, where fetch is blocked)
// `node scripts/bundle.mjs --plain FILE` writes only FILE: econ-widget.js unminified, with its
// function names (bench/run.mjs profiles with it so the profile names read as the sources do).
import { readFileSync, writeFileSync } from 'node:fs';
import { minify } from 'terser';
const root = new URL('..', import.meta.url).pathname;
const glue = readFileSync(root + 'pkg/econ_widget.js', 'utf8');
const api = readFileSync(root + 'www/src/api.js', 'utf8');
const wasm = readFileSync(root + 'pkg/econ_widget_bg.wasm');
const banner = '/*! econ-widget — https://example.invalid/econ-widget — MIT */';
// The wasm source is a placeholder while minifying, so terser never walks the base64 string.
const body = `(function () {\n'use strict';\n${glue}\nvar EW_WASM_SOURCE = __EW_WASM_SOURCE__;\n${api}\n})();\n`;
const plainAt = process.argv.indexOf('--plain');
if (plainAt >= 0) {
  writeFileSync(process.argv[plainAt + 1], `${banner}\n${body.replace('__EW_WASM_SOURCE__', 'null')}`);
  process.exit(0);
}
const { code } = await minify(body, {
  ecma: 2017,
  compress: { passes: 2 },
  mangle: true,
  format: { comments: false, ascii_only: true },
});
if (!code.includes('__EW_WASM_SOURCE__')) throw new Error('bundle: the wasm placeholder was optimised away');
const wrap = (source) => `${banner}\n${code.replace('__EW_WASM_SOURCE__', () => source)}\n`;
writeFileSync(root + 'pkg/econ-widget.js', wrap('null'));
writeFileSync(root + 'pkg/econ-widget.inline.js', wrap(JSON.stringify(wasm.toString('base64'))));
