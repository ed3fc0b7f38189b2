// The TypeScript declarations (www/src/econ-widget.d.ts → dist/), as an app that installed the
// tarball sees them: a correct use of the whole public API compiles under --strict, each wrong
// use is an error (// @ts-expect-error fails the build if the line compiles), a wrong use
// without that comment fails tsc, the Node entry's types resolve under node16, nothing public is
// `any`, and the Handle interface names exactly the methods a mounted handle has.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import ts from 'typescript';
import { app, ROOT } from './pack.mjs';
import { startShared, stopShared, openPage, mount } from '../browser/helpers.mjs';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const tsconfig = (moduleResolution, files) => JSON.stringify({ compilerOptions: { strict: true, noEmit: true, target: 'es2022', module: moduleResolution === 'node16' ? 'node16' : 'esnext', moduleResolution, lib: ['es2022', 'dom'], types: [] }, files });
const tsc = (dir, project) => spawnSync(process.execPath, [TSC, '-p', project], { cwd: dir, encoding: 'utf8' });

const GOOD = `import EconWidget, { mount, ready, version, validateDataset, type Handle, type State, type Datum, type EconWidgetError, type Table, type View } from 'econ-widget';
await ready({ wasm: new URL('./econ_widget_full_bg.wasm', import.meta.url), integrity: 'sha384-x' });
await ready({ locateFile: (file) => 'https://cdn.example/' + file });
const v: string = version + EconWidget.version;
const el = document.createElement('div');
const h: Handle = await mount(el, { view: 'd000-gdp-sectors', chart: 'composition', lang: 'en', theme: 'dark', indicators: ['gdp_primary'], tableToggle: true, data: '{}' });
const s: State = h.select({ lang: 'zh', sort: 'desc', hidden: [] });
const chart: 'bar' | 'grouped_bar' | 'composition' | 'line' | 'bullet' | 'timeline' = s.chart;
const views: View[] = h.views();
const t: Table = h.table();
const cells: string = t.rows[0][0] + t.columns.join() + t.caption + views[0].indicators[0].name;
const csv: string = h.csv() + h.svg(400, false) + h.summary() + h.title();
const png: Promise<Blob> = h.png({ dpr: 2 });
h.setSeries({ label: 'x', unit: 'y', x: new Float64Array([1, 2]), y: [3, 4] });
h.setData({ schema_version: '1' });
const size = h.resize();
if (size) console.log(size.width + size.height);
const off = h.on('hover', (d: Datum | null) => { if (d) console.log(d.value, d.sources[0]?.quote, d.kind === 'legend'); });
h.on('click', (d) => console.log(d.label, d.x));
h.on('change', (state) => console.log(state.view));
off();
el.addEventListener('econ-widget:change', (e) => console.log(e.detail.lang));
el.addEventListener('econ-widget:focus', (e) => console.log(e.detail?.announce));
const f: Datum | null = h.focus('next');
try { h.select({ view: 'nope' }); } catch (e) { const err = e as EconWidgetError; console.log(err.code, err.path, err.detail); }
validateDataset('{}');
await h.rendered();
h.destroy();
console.log(v, chart, cells, csv, png, f);
export {};
`;
// Each line must be a type error (the comment above it fails tsc otherwise).
const BAD = [
  "h.select({ lang: 42 });",
  "h.select({ lang: 'fr' });",
  "h.select({ chart: 'pie' });",
  "h.select({ colour: 'red' });",
  "h.select({ indicators: 'gdp' });",
  "mount(el, { theme: true });",
  "ready({ wasm: 42 });",
  "h.on('hover', (d: string) => d);",
  "h.on('wiggle', () => {});",
  "h.focus('up');",
  "h.setSeries({ x: 'abc', y: [1] });",
  "const n: number = h.csv();",
  "const s: string = h.state().hidden;",
  "h.svg('wide');",
];
const BAD_FILE = `import { mount, ready } from 'econ-widget';\nconst el = document.createElement('div');\nconst h = await mount(el);\n${BAD.map((l) => `// @ts-expect-error\n{ ${l} }`).join('\n')}\nexport {};\n`;
const NODE = `import { ready, createChart, type HeadlessChart } from 'econ-widget';
await ready();
const c: HeadlessChart = createChart({ view: 'd000-gdp-sectors', lang: 'en' });
const svg: string = c.svg(600);
// @ts-expect-error  createChart has no DOM options
createChart({ tableToggle: true });
console.log(svg, c.csv(), c.table().rows.length);
export {};
`;

test('the declarations: a correct use compiles under --strict, every wrong use is a type error, the Node entry resolves under node16', () => {
  const dir = app('types', { 'good.ts': GOOD, 'bad.ts': BAD_FILE, 'node.mts': NODE, 'wrong.ts': "import { mount } from 'econ-widget';\nconst h = await mount(document.body);\nh.select({ lang: 42 });\nexport {};\n" });
  writeFileSync(join(dir, 'tsconfig.json'), tsconfig('bundler', ['good.ts', 'bad.ts']));
  writeFileSync(join(dir, 'tsconfig.node.json'), tsconfig('node16', ['node.mts']));
  writeFileSync(join(dir, 'tsconfig.wrong.json'), tsconfig('bundler', ['wrong.ts']));
  for (const p of ['tsconfig.json', 'tsconfig.node.json']) {
    const r = tsc(dir, p);
    assert.equal(r.status, 0, `tsc -p ${p}:\n${r.stdout}${r.stderr}`);
  }
  const wrong = tsc(dir, 'tsconfig.wrong.json');
  assert.notEqual(wrong.status, 0, 'select({lang: 42}) fails tsc');
  assert.match(wrong.stdout, /wrong\.ts\(3,\d+\): error TS2322: Type 'number' is not assignable to type 'Lang/);
});

/** The public declarations' text without comments. */
function declarations(file) {
  const src = ts.createSourceFile(file, readFileSync(join(ROOT, 'dist', file), 'utf8'), ts.ScriptTarget.ES2022, true);
  return src;
}

test('nothing on the public surface is `any`', () => {
  for (const f of ['econ-widget.d.ts', 'econ-widget.node.d.ts']) {
    const src = declarations(f);
    const anys = [];
    const visit = (n) => {
      if (n.kind === ts.SyntaxKind.AnyKeyword) anys.push(src.getLineAndCharacterOfPosition(n.getStart()).line + 1);
      ts.forEachChild(n, visit);
    };
    visit(src);
    assert.deepEqual(anys, [], `${f}: any on lines ${anys.join(', ')}`);
    assert.equal(readFileSync(join(ROOT, 'dist', f), 'utf8'), readFileSync(join(ROOT, 'www/src', f), 'utf8'), `dist/${f} is www/src/${f}`);
  }
});

test('the Handle interface names exactly the members of a mounted handle, and EconWidgetApi those of EconWidget', async () => {
  const src = declarations('econ-widget.d.ts');
  const members = (name) => {
    const decl = src.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
    return [...new Set(decl.members.map((m) => m.name.getText(src)))].sort();
  };
  const { browser, server } = await startShared();
  try {
    const page = await openPage(browser);
    await page.goto(server.url + '/tests/browser/fixtures/widget.html');
    await page.waitForFunction(() => window.EconWidget);
    await mount(page, '#a', {});
    const keys = await page.evaluate(() => ({ handle: Object.keys(window.__w['#a']).sort(), api: Object.keys(window.EconWidget).filter((k) => !k.startsWith('_')).sort() }));
    assert.deepEqual(members('Handle'), keys.handle);
    assert.deepEqual(members('EconWidgetApi'), keys.api);
  } finally {
    await stopShared(browser, server);
  }
});
