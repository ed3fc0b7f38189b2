// The explorer's Embed panel with an editor's options (headline, description, highlight,
// theme, a line chart's aspect ratio) and its live preview: the snippets carry the options (escaped, URL-encoded), the
// preview is a srcdoc page holding exactly the script snippet handed out and draws the same
// chart under the explorer's strict Content-Security-Policy, and a refused value shows its
// coded error next to its field while the snippets keep the last good values.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, rendered, startShared, stopShared, EXPLORER_FILE_URL } from './helpers.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
// Characters that HTML and URLs both need escaped, in a headline of the explorer's language.
const TITLE = 'Growth <fast> & "steady" in 晋中';
const DESCRIPTION = 'Services grew fastest; industry held up.';
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

let browser;
let server;
before(async () => ({ browser, server } = await startShared({ csp: CSP })));
after(() => stopShared(browser, server));

/** A page that records CSP violations in every frame (srcdoc frames too). */
async function cspPage(contextOptions) {
  const page = await openPage(browser, contextOptions);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return page;
}

async function violations(page) {
  const all = [];
  for (const f of page.frames()) all.push(...(await f.evaluate(() => window.__csp || [])));
  return all;
}

const attr = (snippet, name) => (new RegExp(`^<div data-econ-widget [^>]*\\s${name}="([^"]*)"`).exec(snippet) || [])[1];
const previewSrcdoc = (page) => page.evaluate(() => document.querySelector('#embed-preview').srcdoc);

/** Waits until the preview holds `script` and its widget is drawn; returns the widget's state. */
async function previewState(page, script) {
  await page.waitForFunction((s) => document.querySelector('#embed-preview').srcdoc.includes(s), script);
  await page.locator('#embed-preview').scrollIntoViewIfNeeded();
  const frame = page.frames().find((f) => f.url() === 'about:srcdoc');
  assert.ok(frame, 'the preview frame');
  await frame.waitForFunction(() => document.querySelector('[data-econ-widget]')?.getAttribute('data-econ-widget-state') === 'ready');
  return frame.evaluate(async () => {
    const div = document.querySelector('[data-econ-widget]');
    const h = await window.EconWidgetEmbed.get(div);
    await h.rendered();
    return { state: h.state(), title: h.title(), body: document.body.innerHTML, html: document.documentElement.outerHTML, csp: window.__csp };
  });
}

test('the Embed panel: editor options go into both snippets and the preview draws exactly the script snippet', async () => {
  const page = await cspPage({ viewport: { width: 900, height: 1000 } });
  const res = await page.goto(server.url + '/www/index.html#view=d000-gdp-growth&lang=en');
  assert.equal(res.headers()['content-security-policy'], CSP);
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  await page.click('#embed-toggle');

  // Labelled in the page's language; the headline's placeholder is the view's own title.
  assert.equal(await page.textContent('label[for="embed-title"]'), 'Headline');
  assert.equal(await page.textContent('label[for="embed-description"]'), 'Description');
  assert.equal(await page.textContent('label[for="embed-highlight"]'), 'Highlight');
  assert.equal(await page.getAttribute('#embed-title', 'placeholder'), 'Jinzhong GDP and sector growth, H1 2023');
  assert.equal(await page.getAttribute('#embed-title', 'maxlength'), '120');
  assert.equal(await page.getAttribute('#embed-description', 'maxlength'), '300');
  assert.equal(await page.getAttribute('#embed-preview', 'title'), 'Preview of the script embed');

  // The highlight offers "none" and the chart's items (the bar labels), every one taken by the widget.
  const options = await page.$$eval('#embed-highlight option', (os) => os.map((o) => [o.value, o.textContent]));
  assert.deepEqual(options[0], ['', 'None']);
  const items = options.slice(1).map((o) => o[0]);
  assert.deepEqual(items, ['GDP growth', 'Primary industry value added growth', 'Secondary industry value added growth', 'Tertiary industry value added growth']);
  // Offering them left the explorer's chart as it was.
  assert.equal((await page.evaluate(() => window.econExplorer.handle.state())).highlight, '');

  // Without options: the view's own chart, so the fallback starts with its static image, which
  // has width/height but no style attribute (a strict style-src would report one).
  const plain = await page.inputValue('#embed-script');
  const img = /<img [^>]*>/.exec(plain);
  assert.ok(img, 'the static image in the fallback');
  assert.ok(!/\sstyle=/.test(img[0]), img[0]);
  assert.match(img[0], /\swidth="640" height="\d+"/);
  assert.equal(attr(plain, 'data-title'), undefined);

  await page.fill('#embed-title', TITLE);
  await page.fill('#embed-description', DESCRIPTION);
  await page.selectOption('#embed-highlight', 'Tertiary industry value added growth');
  await page.selectOption('#embed-theme', 'dark');
  await page.waitForFunction(() => /data-description=/.test(document.querySelector('#embed-script').value));
  const st = await page.evaluate(() => window.econExplorer.handle.state());
  // The explorer's own chart has them too (its measured heights are the snippet's).
  assert.deepEqual([st.title, st.description, st.highlight, st.theme], [TITLE, DESCRIPTION, 'Tertiary industry value added growth', 'dark']);
  assert.equal(await page.inputValue('#sel-theme'), 'dark', 'one theme: the explorer\'s selector follows');

  // (a) The script snippet: the data attributes with the exact values, HTML-escaped.
  const script = await page.inputValue('#embed-script');
  assert.equal(attr(script, 'data-title'), esc(TITLE));
  assert.equal(attr(script, 'data-description'), esc(DESCRIPTION));
  assert.equal(attr(script, 'data-highlight'), 'Tertiary industry value added growth');
  assert.equal(attr(script, 'data-theme'), 'dark');
  assert.ok(script.includes('data-title="Growth &lt;fast&gt; &amp; &quot;steady&quot; in 晋中"'), 'escaped in the attribute');
  assert.ok(!script.includes(TITLE), 'never the raw text');
  // (e) …and no static image now: it shows the view's own title and colours.
  assert.ok(!script.includes('<img'), 'no static image with an editor\'s options');
  // The iframe snippet: the same options as URL-encoded query parameters.
  const iframe = await page.inputValue('#embed-iframe');
  const src = new URL(/^<iframe src="([^"]+)"/.exec(iframe)[1].replace(/&amp;/g, '&'));
  assert.equal(src.searchParams.get('title'), TITLE);
  assert.equal(src.searchParams.get('description'), DESCRIPTION);
  assert.equal(src.searchParams.get('highlight'), 'Tertiary industry value added growth');
  assert.equal(src.searchParams.get('theme'), 'dark');
  assert.ok(iframe.includes('title=' + encodeURIComponent(TITLE) + '&amp;'), 'encodeURIComponent, then & as &amp;');
  assert.ok(iframe.includes(' title="' + esc(TITLE) + '"'), 'the frame\'s title attribute is the headline');

  // (b) The preview: a page holding exactly the #embed-script text, whose widget draws with them.
  const shown = await previewState(page, script);
  const srcdoc = await previewSrcdoc(page);
  assert.match(srcdoc, /^<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n/);
  assert.ok(srcdoc.includes('\n<body>\n' + script + '\n</body>\n</html>\n'), 'the script snippet, verbatim');
  assert.equal(srcdoc.split('<div data-econ-widget').length, 2, 'one embed');
  assert.deepEqual([shown.state.title, shown.state.description, shown.state.highlight, shown.state.theme, shown.state.view, shown.state.lang],
    [TITLE, DESCRIPTION, 'Tertiary industry value added growth', 'dark', 'd000-gdp-growth', 'en']);
  assert.equal(shown.title, TITLE);
  assert.deepEqual(shown.csp, [], 'the violation recorder runs in the preview too, and saw none');
  // As tall as the embed in it (no inner scrolling).
  const fit = await page.evaluate(() => {
    const f = document.querySelector('#embed-preview');
    return { frame: Number(f.getAttribute('height')), content: Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height) };
  });
  assert.ok(Math.abs(fit.frame - fit.content) <= 1, JSON.stringify(fit));

  // (c) Refused values: a coded error next to the field; snippets and preview keep the last good ones.
  await page.evaluate(() => {
    // Past maxlength (pasted by script, or an older browser): the widget's own check answers.
    const box = document.querySelector('#embed-title');
    box.value = 'x'.repeat(121);
    box.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => !document.querySelector('#embed-title-error').hidden);
  assert.equal(await page.getAttribute('#embed-title-error', 'data-code'), 'bad_text');
  assert.match(await page.textContent('#embed-title-error'), /120.*\(bad_text\)$/);
  assert.equal(await page.getAttribute('#embed-title', 'aria-invalid'), 'true');
  assert.equal(await page.inputValue('#embed-title'), 'x'.repeat(121), 'the field keeps the text to correct');
  // A highlight the chart lacks (an option gone stale): unknown_highlight.
  await page.evaluate(() => {
    const o = document.createElement('option');
    o.value = o.textContent = 'Not an item <b>';
    document.querySelector('#embed-highlight').append(o);
  });
  await page.selectOption('#embed-highlight', 'Not an item <b>');
  assert.equal(await page.getAttribute('#embed-highlight-error', 'data-code'), 'unknown_highlight');
  assert.match(await page.textContent('#embed-highlight-error'), /no category or series.*\(unknown_highlight\)$/);
  assert.equal(await page.locator('#embed-highlight-error b').count(), 0);
  await page.waitForTimeout(400);
  assert.equal(await page.inputValue('#embed-script'), script, 'the script snippet keeps the last good values');
  assert.equal(await page.inputValue('#embed-iframe'), iframe);
  assert.equal(await previewSrcdoc(page), srcdoc, 'so does the preview');
  const kept = await page.evaluate(() => window.econExplorer.handle.state());
  assert.deepEqual([kept.title, kept.highlight], [TITLE, 'Tertiary industry value added growth']);

  // Corrected: the errors go, the new text is in the snippet and then in the preview.
  await page.fill('#embed-title', 'Services led');
  await page.selectOption('#embed-highlight', 'GDP growth');
  await page.waitForFunction(() => /data-title="Services led"/.test(document.querySelector('#embed-script').value));
  assert.equal(await page.isHidden('#embed-title-error'), true);
  assert.equal(await page.isHidden('#embed-highlight-error'), true);
  const script2 = await page.inputValue('#embed-script');
  assert.equal(attr(script2, 'data-highlight'), 'GDP growth');
  const shown2 = await previewState(page, script2);
  assert.deepEqual([shown2.state.title, shown2.state.highlight], ['Services led', 'GDP growth']);

  // Another view: the widget drops an editor's options, and so do the fields and the snippets.
  await page.selectOption('#sel-view', 'd000-gdp-sectors');
  const script3 = await page.inputValue('#embed-script');
  assert.equal(attr(script3, 'data-title'), undefined);
  assert.equal(attr(script3, 'data-highlight'), undefined);
  assert.equal(await page.inputValue('#embed-title'), '');
  assert.equal(await page.inputValue('#embed-description'), '');
  assert.equal(await page.inputValue('#embed-highlight'), '');
  assert.equal(await page.getAttribute('#embed-title', 'placeholder'), 'Jinzhong GDP by sector, H1 2023');
  const img3 = /<img [^>]*>/.exec(script3);
  assert.ok(img3 && !/\sstyle=/.test(img3[0]), 'the static image is back, without a style attribute');
  await previewState(page, script3);

  // (d) No CSP violation in the page or the preview, no console error or warning.
  assert.deepEqual(await violations(page), [], 'no Content-Security-Policy violations');
  assertClean(page);
  await page.context().close();
});

test('the Embed panel in Chinese: labels, items and a chart type the highlight does not fit', async () => {
  const page = await cspPage({ viewport: { width: 390, height: 900 } });
  await page.goto(server.url + '/www/index.html#view=d004-ome-targets&chart=bar&lang=zh');
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  await page.click('#embed-toggle');
  assert.equal(await page.textContent('label[for="embed-title"]'), '标题');
  assert.equal(await page.textContent('label[for="embed-highlight"]'), '突出显示');
  assert.equal(await page.getAttribute('#embed-preview', 'title'), '脚本嵌入的预览');
  const items = await page.$$eval('#embed-highlight option', (os) => os.map((o) => o.value));
  assert.equal(items[0], '');
  assert.ok(items.length >= 3, items.join(' | '));
  // An item with quotation marks: escaped in the attribute, the preview takes it.
  const item = items.find((v) => /“/.test(v)) || items[1];
  await page.selectOption('#embed-highlight', item);
  const script = await page.inputValue('#embed-script');
  assert.equal(attr(script, 'data-highlight'), esc(item));
  assert.equal((await previewState(page, script)).state.highlight, item);
  // No horizontal overflow on a phone with the panel and preview open.
  assert.deepEqual(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]).then(([s, c]) => s <= c), true);

  // The grouped bars have no such category: the chart type still changes, the highlight goes.
  await page.selectOption('#sel-chart', 'grouped_bar');
  const st = await page.evaluate(() => window.econExplorer.handle.state());
  assert.deepEqual([st.chart, st.highlight], ['grouped_bar', '']);
  assert.equal(await page.isHidden('#error'), true, 'no error for the reader\'s choice');
  assert.equal(attr(await page.inputValue('#embed-script'), 'data-highlight'), undefined);
  assert.deepEqual(await violations(page), []);
  assertClean(page);
  await page.context().close();
});

test('opened from file://: the editor fields work, but there is no snippet and no preview', async () => {
  const page = await openPage(browser, { viewport: { width: 900, height: 900 } });
  await page.goto(EXPLORER_FILE_URL + '#view=d000-gdp-growth&lang=en');
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  await page.click('#embed-toggle');
  assert.equal(await page.isVisible('#embed-hosting'), true);
  assert.equal(await page.isHidden('#embed-preview-box'), true, 'no preview');
  assert.equal(await page.evaluate(() => document.querySelector('#embed-preview').srcdoc), '');
  await page.fill('#embed-title', 'Offline headline');
  await page.locator('#embed-title').blur();
  assert.equal((await page.evaluate(() => window.econExplorer.handle.state())).title, 'Offline headline');
  assert.equal(await page.inputValue('#embed-script'), '');
  assertClean(page);
  await page.context().close();
});

test('the Embed panel: a line chart\'s aspect ratio goes into both snippets and the preview draws at it', async () => {
  const page = await cspPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(server.url + '/www/index.html#view=d004-ome-targets&lang=en');
  await page.waitForFunction(() => window.econExplorer && window.econExplorer.handle);
  await rendered(page);
  await page.click('#embed-toggle');
  await page.waitForFunction(() => document.querySelector('#embed-script').value.includes('data-view="d004-ome-targets"'));
  assert.equal(await page.isDisabled('#embed-aspect'), false, 'offered for a line chart');
  await page.selectOption('#embed-aspect', '16:9');
  await page.waitForFunction(() => document.querySelector('#embed-script').value.includes('data-aspect="16:9"'));
  const script = await page.inputValue('#embed-script');
  assert.equal(attr(script, 'data-aspect'), '16:9');
  assert.equal(new URL(/src="([^"]+)"/.exec(await page.inputValue('#embed-iframe'))[1].replace(/&amp;/g, '&')).searchParams.get('aspect'), '16:9');
  const st = await previewState(page, script);
  assert.equal(st.state.chart, 'line');
  const frame = page.frames().find((f) => f.url() === 'about:srcdoc');
  const [w, h] = await frame.evaluate(() => { const r = document.querySelector('[data-econ-widget]').shadowRoot.querySelector('canvas').getBoundingClientRect(); return [r.width, r.height]; });
  assert.equal(h, Math.round(w / (16 / 9)), `the preview's chart is 16:9 (${w}×${h})`);
  // Another chart type: no aspect (only line charts fill a height).
  await page.selectOption('#sel-chart', 'bar');
  await page.waitForFunction(() => !document.querySelector('#embed-script').value.includes('data-aspect'));
  assert.equal(await page.isDisabled('#embed-aspect'), true);
  assert.deepEqual(await violations(page), []);
  assertClean(page);
  await page.context().close();
});
