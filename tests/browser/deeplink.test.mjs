// Clear failures: a stale deep link to the explorer says what was wrong in the page's language
// (with the code and path for developers), drops only the bad field and keeps the others
// (language, sort, …).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { openPage, assertClean, openExplorer, call, startShared, stopShared } from './helpers.mjs';

let browser;
let server;
before(async () => ({ browser, server } = await startShared()));
after(() => stopShared(browser, server));

const cases = [
  ['#view=nope&lang=en&sort=desc', 'en', /^The link's chart “nope” is not valid; showing the default instead\. \(unknown_view, selection\.view\)$/, { lang: 'en', sort: 'desc', view: 'd000-gdp-sectors' }],
  ['#view=nope&lang=zh&sort=asc', 'zh-CN', /^链接中的.+“nope”无效，已改为显示默认值。 \(unknown_view, selection\.view\)$/, { lang: 'zh', sort: 'asc', view: 'd000-gdp-sectors' }],
  ['#view=d000-gdp-growth&chart=pie&lang=en', 'en', /“pie” is not valid.*\(unknown_chart, selection\.chart\)$/, { lang: 'en', view: 'd000-gdp-growth' }],
];

for (const [hash, pageLang, message, kept] of cases) {
  test(`a stale link ${hash}: the error in the page's language, the other parameters kept`, async () => {
    const page = await openPage(browser);
    await openExplorer(page, server.url + '/www/index.html', hash);
    assert.equal(await page.getAttribute('html', 'lang'), pageLang);
    const text = (await page.textContent('#error')).trim();
    assert.match(text, message);
    const st = await call(page, '#chart', 'state');
    for (const [k, v] of Object.entries(kept)) assert.equal(st[k], v, k);
    assertClean(page);
    await page.context().close();
  });
}
