// The module-cycle check must catch a cycle (and not invent one from comments or strings):
// `node --test scripts/module-cycles.test.mjs` (scripts/test.sh runs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { graph, cycles, moduleOf } from './module-cycles.mjs';

test('a two-module loop, a longer one through a submodule, and a clean graph', () => {
  assert.deepEqual(cycles(graph({ 'a.rs': 'use crate::b;', 'b.rs': 'fn f() { crate::a::g() }' })), [['a', 'b']]);
  const three = { 'data/mod.rs': 'use crate::i18n::Lang;', 'data/validate.rs': 'use super::*;', 'i18n.rs': 'use crate::layout::clamp;', 'layout.rs': 'use crate::{data::Dataset, text};', 'text.rs': '' };
  assert.deepEqual(cycles(graph(three)), [['data', 'i18n', 'layout']]);
  assert.deepEqual(cycles(graph({ 'a.rs': 'use crate::b;', 'b.rs': 'use crate::c;', 'c.rs': '' })), []);
});

test('comments, strings and char literals name no module', () => {
  const src = {
    'a.rs': ['use crate::b;', '// crate::c', '/* crate::c /* nested */ crate::c */', 'const S: &str = "crate::c";', "const Q: char = '\"'; const R: &str = r#\"crate::c\"#;"].join('\n'),
    'b.rs': '',
    'c.rs': 'use crate::a;',
  };
  assert.deepEqual([...graph(src).get('a')], ['b']);
  assert.deepEqual(cycles(graph(src)), []);
});

test('files map to their top-level module', () => {
  assert.equal(moduleOf('data/validate.rs'), 'data');
  assert.equal(moduleOf('web/host_series.rs'), 'web');
  assert.equal(moduleOf('spec.rs'), 'spec');
});
