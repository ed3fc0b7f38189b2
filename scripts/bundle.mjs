// Joins wasm-bindgen's no-modules glue and the JS API (www/src/api.js) into classic scripts:
//   pkg/econ-widget.js         fetches econ_widget_bg.wasm from its own directory
//   pkg/econ-widget.inline.js  carries the wasm as base64 (for file://, where fetch is blocked)
import { readFileSync, writeFileSync } from 'node:fs';
const root = new URL('..', import.meta.url).pathname;
const glue = readFileSync(root + 'pkg/econ_widget.js', 'utf8');
const api = readFileSync(root + 'www/src/api.js', 'utf8');
const wasm = readFileSync(root + 'pkg/econ_widget_bg.wasm');
const wrap = (source) => `/*! econ-widget — https://example.invalid/econ-widget — MIT */\n(function () {\n'use strict';\n${glue}\nvar EW_WASM_SOURCE = ${source};\n${api}\n})();\n`;
writeFileSync(root + 'pkg/econ-widget.js', wrap('null'));
writeFileSync(root + 'pkg/econ-widget.inline.js', wrap(JSON.stringify(wasm.toString('base64'))));
