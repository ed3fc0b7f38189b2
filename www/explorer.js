// The explorer page: selectors around one econ-widget. Every choice goes through
// handle.select(); the selectors are then rebuilt from handle.state() and handle.views(), so
// they always show what the widget shows. Classic script, no inline code: works from file://
// and under a strict Content-Security-Policy.
(function () {
  'use strict';

  var DICT = {
    zh: {
      title: '山西区域经济数据图表',
      intro: '晋中、晋城等地政府公开文件中的经济数据：地区生产总值、工业、投资、能源、民生等。每个数字都注明出处并附原文引文。选择地区、主题和图表，悬停或用方向键查看数值与来源。',
      lang: '语言',
      region: '地区',
      topic: '主题',
      view: '图表内容',
      chart: '图表类型',
      sort: '排序',
      theme: '配色',
      indicators: '指标',
      hidden: '隐藏的系列',
      selection: '选择',
      allIndicators: '全部指标',
      loading: '正在加载图表…',
      showTable: '显示数据表',
      hideTable: '隐藏数据表',
      tableRegion: '数据表',
      csv: '下载 CSV',
      svg: '下载 SVG',
      png: '下载 PNG',
      embed: '嵌入',
      embedHeading: '嵌入此图表',
      embedIntro: '把下面任一段代码粘贴到网页中。脚本嵌入在页面里直接绘图，并带有不需要 JavaScript 的备用内容；iframe 嵌入适合只允许 iframe 的内容管理系统。',
      embedHosting: '此页面是从本地文件打开的：代码中的地址（file:///…）在别人的电脑上无法使用，因此这里不提供嵌入代码。请把 www/ 与 dist/ 两个文件夹一起放到网站或 CDN 上，从那里打开此页面再复制代码（见嵌入说明）。',
      embedScript: '脚本嵌入',
      embedIframe: 'iframe 嵌入',
      copyScript: '复制脚本代码',
      copyIframe: '复制 iframe 代码',
      copied: '已复制到剪贴板。',
      copyManual: '代码已选中，请按 Ctrl+C（Mac 上按 ⌘C）复制。',
      embedDocs: '嵌入说明（数据属性、iframe 参数、内容安全策略）',
      embedOptions: '编者选项',
      embedTitle: '标题',
      embedDescription: '说明文字',
      embedHighlight: '突出显示',
      embedAspect: '宽高比（折线图）',
      aspectAuto: '自动',
      highlightNone: '不突出显示',
      embedPreview: '预览：粘贴下面的脚本嵌入代码后，网页中显示的就是这样',
      previewTitle: '脚本嵌入的预览',
      source: '来源：',
      listSep: '；',
      exportFailed: '导出失败：',
      footer: '数据摘自晋中市、晋城市等地公开发布的文件；图表在浏览器中由 Rust 编译的 WebAssembly 绘制。',
      sort_none: '原文顺序',
      sort_asc: '从小到大',
      sort_desc: '从大到小',
      theme_auto: '跟随系统',
      theme_light: '浅色',
      theme_dark: '深色',
      chart_bar: '条形图',
      chart_grouped_bar: '分组条形图',
      chart_composition: '构成图',
      chart_line: '折线图',
      chart_bullet: '目标与实际',
      chart_timeline: '时间轴',
      errorIn: function (field) { return '无法应用所选的“' + field + '”：'; },
      badLink: function (field, value) { return '链接中的' + field + '“' + value + '”无效，已改为显示默认值。'; },
      failed: '图表无法加载：',
      tooSmall: '图表区域太窄，无法绘制（至少需要 120 像素）。'
    },
    en: {
      title: 'Shanxi regional economy in charts',
      intro: 'Economic figures from public government documents of Jinzhong, Jincheng and other places in Shanxi: GDP, industry, investment, energy, living standards and more. Every number names its source and quotes it. Choose a region, topic and chart; hover or use the arrow keys to see values and sources.',
      lang: 'Language',
      region: 'Region',
      topic: 'Topic',
      view: 'Chart',
      chart: 'Chart type',
      sort: 'Sort',
      theme: 'Theme',
      indicators: 'Indicators',
      hidden: 'Hidden series',
      selection: 'Selection',
      allIndicators: 'All indicators',
      loading: 'Loading the chart…',
      showTable: 'Show data table',
      hideTable: 'Hide data table',
      tableRegion: 'Data table',
      csv: 'Download CSV',
      svg: 'Download SVG',
      png: 'Download PNG',
      embed: 'Embed',
      embedHeading: 'Embed this chart',
      embedIntro: 'Paste either snippet into a web page. The script embed draws in the page itself and carries a fallback that needs no JavaScript; the iframe embed suits content systems that only allow iframes.',
      embedHosting: 'This page was opened from a file: the addresses in a snippet (file:///…) would work on no one else’s computer, so none is given here. Put the www/ and dist/ folders, side by side, on your website or a CDN, open this page from there and copy the snippets then (see the embedding notes).',
      embedScript: 'Script embed',
      embedIframe: 'Iframe embed',
      copyScript: 'Copy the script code',
      copyIframe: 'Copy the iframe code',
      copied: 'Copied to the clipboard.',
      copyManual: 'The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
      embedDocs: 'How embedding works (data attributes, iframe parameters, Content-Security-Policy)',
      embedOptions: 'Options for editors',
      embedTitle: 'Headline',
      embedDescription: 'Description',
      embedHighlight: 'Highlight',
      embedAspect: 'Aspect ratio (line charts)',
      aspectAuto: 'Automatic',
      highlightNone: 'None',
      embedPreview: 'Preview: the script embed below, as it shows once pasted into a page',
      previewTitle: 'Preview of the script embed',
      source: 'Source: ',
      listSep: '; ',
      exportFailed: 'Export failed: ',
      footer: 'Figures are taken from documents published by Jinzhong, Jincheng and other places; the chart is drawn in your browser by Rust compiled to WebAssembly.',
      sort_none: 'Source order',
      sort_asc: 'Ascending',
      sort_desc: 'Descending',
      theme_auto: 'Follow system',
      theme_light: 'Light',
      theme_dark: 'Dark',
      chart_bar: 'Bar',
      chart_grouped_bar: 'Grouped bar',
      chart_composition: 'Composition',
      chart_line: 'Line',
      chart_bullet: 'Target vs actual',
      chart_timeline: 'Timeline',
      errorIn: function (field) { return 'Cannot apply the chosen ' + field.toLowerCase() + ': '; },
      badLink: function (field, value) { return 'The link\'s ' + field.toLowerCase() + ' \u201c' + value + '\u201d is not valid; showing the default instead.'; },
      failed: 'The chart could not be loaded: ',
      tooSmall: 'The chart area is too narrow to draw (it needs at least 120 px).'
    }
  };
  var CHARTS = ['bar', 'grouped_bar', 'composition', 'line', 'bullet', 'timeline'];
  var SORTS = ['none', 'asc', 'desc'];
  var THEMES = ['auto', 'light', 'dark'];
  // The explorer's state in the URL: #view=…&chart=…&lang=en… (region last, for reading).
  var HASH_KEYS = ['view', 'chart', 'indicators', 'hidden', 'lang', 'theme', 'sort', 'region'];
  var LIST_KEYS = ['indicators', 'hidden'];

  var $ = function (id) { return document.getElementById(id); };
  var host = $('chart');
  var sel = {
    region: $('sel-region'),
    topic: $('sel-topic'),
    view: $('sel-view'),
    chart: $('sel-chart'),
    sort: $('sel-sort'),
    theme: $('sel-theme'),
    lang: $('sel-lang')
  };
  var errorBox = $('error');
  var status = $('status');
  var tableToggle = $('table-toggle');
  var tableWrap = $('table-wrap');
  var indicatorList = $('indicator-list');
  var embedToggle = $('embed-toggle');
  var embedPanel = $('embed-panel');
  var copyStatus = $('copy-status');
  var preview = $('embed-preview');
  // The editor's options: text fields, then the highlight's <select> (its items come from the chart).
  var EDITOR_FIELDS = ['title', 'description', 'highlight'];
  var editor = { title: $('embed-title'), description: $('embed-description'), highlight: $('embed-highlight') };
  var embedTheme = $('embed-theme');
  // A line chart's width:height in the snippets (data-aspect, aspect=): a mount option, so the
  // explorer's own chart keeps its height and the preview shows it.
  var embedAspect = $('embed-aspect');
  var ASPECTS = ['', '16:9', '4:3', '1:1'];

  var handle = null;
  var lang = 'zh';
  var hashWritten = false; // the first write replaces the entry the page was opened with
  var restoring = false; // applying the hash after back/forward: do not add an entry

  function t(key) {
    return (DICT[lang] || DICT.zh)[key];
  }

  function el(tag, text, attrs) {
    var e = document.createElement(tag);
    if (text != null) e.textContent = text;
    if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }

  function applyStrings() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t('title');
    Array.prototype.forEach.call(document.querySelectorAll('[data-i18n]'), function (e) {
      e.textContent = t(e.getAttribute('data-i18n'));
    });
    tableToggle.textContent = t(tableWrap.hidden ? 'showTable' : 'hideTable');
    tableWrap.setAttribute('aria-label', t('tableRegion'));
    preview.title = t('previewTitle');
  }

  /** Rebuilds a <select>'s options only when they differ (keeps focus and scroll). */
  function fill(select, items, value) {
    var sig = JSON.stringify(items);
    if (select.getAttribute('data-sig') !== sig) {
      select.replaceChildren.apply(select, items.map(function (it) {
        var o = el('option', it.label);
        o.value = it.value;
        o.disabled = !!it.disabled;
        return o;
      }));
      select.setAttribute('data-sig', sig);
    }
    select.value = value;
  }

  function unique(list, key) {
    var seen = {};
    return list.filter(function (x) {
      if (seen[x[key]]) return false;
      seen[x[key]] = true;
      return true;
    });
  }

  function fillIndicators(view, chosen) {
    var items = view ? view.indicators : [];
    var sig = JSON.stringify(items);
    if (indicatorList.getAttribute('data-sig') !== sig) {
      var boxes = [{ id: '', name: t('allIndicators') }].concat(items).map(function (ind, i) {
        var id = 'ind-' + i;
        var box = el('input', null, { type: 'checkbox', id: id });
        box.value = ind.id;
        var label = el('label', null, { for: id, class: ind.id ? 'check' : 'check check-all' });
        label.append(box, document.createTextNode(' ' + ind.name));
        return label;
      });
      indicatorList.replaceChildren.apply(indicatorList, boxes);
      indicatorList.setAttribute('data-sig', sig);
    }
    var all = chosen.length === 0;
    Array.prototype.forEach.call(indicatorList.querySelectorAll('input'), function (box) {
      box.checked = box.value === '' ? all : all || chosen.indexOf(box.value) >= 0;
    });
  }

  /** Selectors, strings, table and URL from the widget's state. */
  function refresh() {
    if (!handle || probing) return;
    var st = handle.state();
    var views = handle.views();
    lang = st.lang;
    applyStrings();
    fill(sel.region, unique(views, 'region').map(function (v) { return { value: v.region, label: v.region_name }; }), st.region);
    var inRegion = views.filter(function (v) { return v.region === st.region; });
    fill(sel.topic, unique(inRegion, 'topic').map(function (v) { return { value: v.topic, label: v.topic_name }; }), st.topic);
    var here = inRegion.filter(function (v) { return v.topic === st.topic; });
    fill(sel.view, here.map(function (v) { return { value: v.id, label: v.title }; }), st.view);
    var view = views.filter(function (v) { return v.id === st.view; })[0];
    fill(sel.chart, CHARTS.map(function (c) {
      return { value: c, label: t('chart_' + c), disabled: !view || view.charts.indexOf(c) < 0 };
    }), st.chart);
    sel.chart.disabled = !view || view.charts.length < 2;
    fill(sel.sort, SORTS.map(function (s) { return { value: s, label: t('sort_' + s) }; }), st.sort);
    fill(sel.theme, THEMES.map(function (s) { return { value: s, label: t('theme_' + s) }; }), st.theme);
    sel.lang.value = st.lang;
    fillIndicators(view, st.indicators);
    if (st.theme === 'auto') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', st.theme);
    if (!tableWrap.hidden) renderTable();
    if (!embedPanel.hidden) renderEmbed();
    writeHash(st);
  }

  // Fields whose label is not their name in DICT ("title" there is the page's own).
  var FIELD_LABELS = { title: 'embedTitle', description: 'embedDescription', highlight: 'embedHighlight' };

  function fieldOf(path) {
    var m = /^selection\.([a-z_]+)/.exec(path || '');
    var field = m ? m[1] : 'selection';
    if (FIELD_LABELS[field]) return t(FIELD_LABELS[field]);
    return DICT.zh[field] ? t(field) : field;
  }

  function showError(e) {
    var msg = (e && e.message) || String(e);
    errorBox.replaceChildren(
      el('strong', t('errorIn')(fieldOf(e && e.path))),
      document.createTextNode(' ' + msg + (e && e.code ? ' (' + e.code + ')' : ''))
    );
    errorBox.setAttribute('data-code', (e && e.code) || '');
    errorBox.setAttribute('data-path', (e && e.path) || '');
    errorBox.hidden = false;
  }

  function hideError() {
    errorBox.hidden = true;
    errorBox.replaceChildren();
  }

  /**
   * An editor's highlight belongs to one chart: another chart type or a subset of indicators
   * may not have that item. Rather than refuse the reader's choice, drop the highlight then.
   */
  function selectDroppingStaleHighlight(patch) {
    try {
      handle.select(patch);
    } catch (e) {
      if (!e || e.code !== 'unknown_highlight' || 'highlight' in patch || !handle.state().highlight) throw e;
      var retry = { highlight: '' };
      for (var k in patch) retry[k] = patch[k];
      handle.select(retry);
    }
  }

  /** The one way the page changes the chart. Returns whether the selection was applied. */
  function apply(patch) {
    if (!handle) return false;
    var ok = true;
    try {
      selectDroppingStaleHighlight(patch);
      hideError();
    } catch (e) {
      showError(e);
      ok = false;
    }
    refresh();
    return ok;
  }

  function renderTable() {
    var data = handle.table();
    var table = el('table');
    table.append(el('caption', data.caption));
    var head = el('thead');
    var hr = el('tr');
    data.columns.forEach(function (c) { hr.append(el('th', c, { scope: 'col' })); });
    head.append(hr);
    var body = el('tbody');
    data.rows.forEach(function (row) {
      var tr = el('tr');
      row.forEach(function (cell, i) { tr.append(i === 0 ? el('th', cell, { scope: 'row' }) : el('td', cell)); });
      body.append(tr);
    });
    table.append(head, body);
    tableWrap.replaceChildren(table);
  }

  function download(data, type, name) {
    var url = URL.createObjectURL(data instanceof Blob ? data : new Blob([data], { type: type }));
    var a = el('a', null, { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  function fileName(ext) {
    return 'econ-widget-' + handle.state().view.replace(/[^\w\u4e00-\u9fff.-]+/g, '_') + '.' + ext;
  }

  function readHash() {
    var out = {};
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    HASH_KEYS.forEach(function (k) {
      var v = params.get(k);
      if (v == null) return;
      out[k] = LIST_KEYS.indexOf(k) >= 0 ? (v ? v.split(',') : []) : v;
    });
    return out;
  }

  function hashOf(st) {
    var params = new URLSearchParams();
    HASH_KEYS.forEach(function (k) {
      var v = st[k];
      if (LIST_KEYS.indexOf(k) >= 0) {
        if (v.length) params.set(k, v.join(','));
      } else {
        params.set(k, v);
      }
    });
    return '#' + params.toString();
  }

  function writeHash(st) {
    var hash = hashOf(st);
    if (location.hash !== hash) {
      try {
        // Each change is a history entry, so back and forward step through the charts seen.
        if (hashWritten && !restoring) history.pushState(null, '', hash);
        else history.replaceState(null, '', hash);
      } catch (e) { /* some file:// setups refuse; the page works without it */ }
    }
    hashWritten = true;
  }

  /** Back/forward, or a hand-edited hash: show the chart the URL names. */
  function fromHash() {
    if (!handle) return;
    var want = readHash();
    if (!Object.keys(want).length) return;
    // A full link (with a view) means "no subset, nothing hidden" where it names none.
    if (want.view) LIST_KEYS.forEach(function (k) { if (!want[k]) want[k] = []; });
    restoring = true;
    try {
      apply(want);
    } finally {
      restoring = false;
    }
  }
  window.addEventListener('popstate', fromHash);
  window.addEventListener('hashchange', fromHash);

  // Embedding: a script snippet (with a no-JS fallback made from the chart's data) and an
  // iframe snippet, for the current selection.
  function esc(v) {
    return String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }

  function embedParams(st) {
    var out = [['view', st.view], ['chart', st.chart], ['lang', st.lang], ['theme', st.theme]];
    if (st.sort !== 'none') out.push(['sort', st.sort]);
    LIST_KEYS.forEach(function (k) { if (st[k].length) out.push([k, st[k].join(',')]); });
    EDITOR_FIELDS.forEach(function (k) { if (st[k]) out.push([k, st[k]]); });
    if (st.chart === 'line' && embedAspect.value) out.push(['aspect', embedAspect.value]);
    return out;
  }

  function fnv(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    return ('0000000' + h.toString(16)).slice(-8);
  }

  // The embed's height at a few widths (its chart as SVG, plus the data-table button row): the
  // snippets carry them as data-heights, so the loader and the resizer reserve the chart's
  // place before it draws (no layout shift; docs/embedding.md).
  // Every 40 px: the loader reserves the height of the widest width up to the container's,
  // and a frame never shrinks below it, so wider steps left blank space under the chart
  // (28 px at 684 px with steps of 80).
  var RESERVE_WIDTHS = [300, 340, 380, 420, 460, 500, 540, 580, 620, 660, 700, 740];
  var TABLE_ROW = 36;
  function heightsSpec() {
    return RESERVE_WIDTHS.map(function (w) {
      var m = /<svg[^>]*\sheight="([\d.]+)/.exec(handle.svg(w, false));
      return m ? w + ':' + (Math.ceil(Number(m[1])) + TABLE_ROW) : '';
    }).filter(Boolean).join(' ');
  }

  // The build's static SVG of a view (dist/static/, examples/static_fallbacks.rs: the same
  // name rule), beside the loader so it follows the snippet's base; null when the selection
  // is not the view as drawn there (another chart, a subset, series switched off, an editor's
  // headline, description or highlight: the image has the view's own title and colours).
  // No style attribute (a strict style-src reports one): width/height reserve its place, the
  // widget's shadow CSS fits it where the widget shows it (too narrow, print), the page's elsewhere.
  function staticImage(st) {
    var v = handle.views().filter(function (x) { return x.id === st.view; })[0];
    if (!v || st.chart !== v.chart || st.sort !== 'none' || st.indicators.length || st.hidden.length) return null;
    if (st.title || st.description || st.highlight) return null;
    var name = /^[A-Za-z0-9-]+$/.test(v.id) ? v.id : 'v-' + fnv(v.id);
    var m = /<svg[^>]*\sheight="([\d.]+)/.exec(handle.svg(640, false));
    return '<img src="' + esc(new URL('../dist/static/' + name + '.' + st.lang + '.svg', location.href).href) + '" alt="' + esc(handle.summary()) +
      '" width="640" height="' + (m ? Math.ceil(Number(m[1])) : 360) + '" loading="lazy">';
  }

  function scriptSnippet(st) {
    // The readers' table (handle.table(): item, period, value… as the widget's own table has
    // them), less its last two columns, source and quote: the sources are listed once below it.
    var data = handle.table();
    // (A host series' table has neither: x and y only.)
    var cols = data.columns.slice(0, data.sources.length ? -2 : undefined).map(function (_, i) { return i; });
    var sources = [];
    data.sources.forEach(function (docs) {
      docs.forEach(function (d) { if (sources.indexOf(d[0]) < 0) sources.push(d[0]); });
    });
    var link = new URL('index.html', location.href).href + hashOf(st);
    var lines = [
      '<div data-econ-widget ' + embedParams(st).map(function (p) { return 'data-' + p[0] + '="' + esc(p[1]) + '"'; }).join(' ') + ' data-heights="' + heightsSpec() + '">',
      '  <table>',
      '    <caption><a href="' + esc(link) + '">' + esc(data.caption) + '</a></caption>',
      '    <thead><tr>' + cols.map(function (i) { return '<th scope="col">' + esc(data.columns[i]) + '</th>'; }).join('') + '</tr></thead>',
      '    <tbody>'
    ];
    data.rows.forEach(function (r) {
      lines.push('      <tr>' + cols.map(function (i) {
        return i === 0 ? '<th scope="row">' + esc(r[i]) + '</th>' : '<td>' + esc(r[i]) + '</td>';
      }).join('') + '</tr>');
    });
    lines.push('    </tbody>', '  </table>');
    // First, the chart itself for readers without JavaScript, print when the widget did not
    // load, and containers too narrow to draw in; the table after it keeps every figure.
    var image = staticImage(st);
    if (image) lines.splice(1, 0, '  ' + image);
    if (sources.length) lines.push('  <p>' + esc(t('source') + sources.join(t('listSep'))) + '</p>');
    lines.push('</div>');
    // Right after the div, not deferred: it reserves the div's height before the article below it
    // is laid out (it is small, and loads the chart itself only near the viewport).
    lines.push('<script src="' + esc(new URL('../dist/econ-embed.js', location.href).href) + '"></script>');
    return lines.join('\n');
  }

  function iframeSnippet(st) {
    var query = embedParams(st).map(function (p) { return p[0] + '=' + encodeURIComponent(p[1]); }).join('&');
    var id = 'econ-widget-' + fnv(query);
    var src = new URL('embed.html', location.href).href + '?' + query + '&id=' + id;
    var heights = heightsSpec();
    // Without the resizer the frame keeps this: the tallest, so the chart never scrolls in it.
    var height = Math.max.apply(null, heights.split(' ').map(function (p) { return Number(p.split(':')[1]) || 0; })) || Math.ceil(host.getBoundingClientRect().height) + 40;
    return [
      '<iframe src="' + esc(src) + '" id="' + id + '" title="' + esc(handle.title()) + '" width="100%" height="' + height + '" data-heights="' + heights + '" loading="lazy" frameborder="0"></iframe>',
      // Right after the iframe, not deferred: it sets the frame's height for its width at once.
      '<script src="' + esc(new URL('embed-resize.js', location.href).href) + '"></script>'
    ].join('\n');
  }

  // The editor's options. The widget checks them (select() throws a coded error); what it
  // took is in state(), and only that goes into the snippets, so a refused value leaves the
  // last good one there. They are not in the URL hash: they belong to one embed, not a link.
  var probing = false; // trying highlights on the explorer's own chart: not a change to show
  var highlightCache = { key: null, items: [] };
  var editorView = null; // the view the editor's fields were written for
  var typing = {}; // field → the timer that applies its text once the typing pauses

  /**
   * The items an editor may highlight: the table's labels (first two columns: items, series or
   * periods) that the widget takes as a highlight on this chart. The widget has no list of them
   * (bytes of every one-chart page), so each is tried; the state is put back afterwards.
   */
  function highlightItems(st) {
    var key = JSON.stringify([st.view, st.chart, st.lang, st.indicators, st.hidden]);
    if (highlightCache.key === key) return highlightCache.items;
    var seen = {};
    var candidates = [];
    handle.table().rows.forEach(function (row) {
      row.slice(0, 2).forEach(function (label) {
        if (label && !seen[label]) {
          seen[label] = true;
          candidates.push(label);
        }
      });
    });
    var items = [];
    probing = true;
    try {
      candidates.forEach(function (label) {
        try {
          handle.select({ highlight: label });
          items.push(label);
        } catch (e) { /* not an item of this chart (a period of a bar chart, a date) */ }
      });
    } finally {
      handle.select({ highlight: st.highlight });
      probing = false;
    }
    highlightCache = { key: key, items: items };
    return items;
  }

  // Tabs and line breaks (pasted text, the description's Enter) as spaces: the widget draws
  // one line of text, wrapped by itself.
  function editorValue(field) {
    var v = editor[field].value;
    return field === 'highlight' ? v : v.replace(/[\t\r\n]+/g, ' ');
  }

  function showEditorError(field, e) {
    var box = $('embed-' + field + '-error');
    if (!e) {
      box.hidden = true;
      box.textContent = '';
      box.removeAttribute('data-code');
      editor[field].removeAttribute('aria-invalid');
      return;
    }
    box.textContent = ((e && e.message) || String(e)) + (e && e.code ? ' (' + e.code + ')' : '');
    box.setAttribute('data-code', (e && e.code) || '');
    box.hidden = false;
    editor[field].setAttribute('aria-invalid', 'true');
  }

  function applyEditor(field) {
    if (!handle) return;
    var patch = {};
    patch[field] = editorValue(field);
    try {
      handle.select(patch); // econ-widget:change → refresh → new snippets
      showEditorError(field, null);
    } catch (e) {
      showEditorError(field, e);
    }
  }

  /**
   * The option fields from the state. A field being corrected (its error shown) or typed in
   * (its text not applied yet) keeps its text.
   */
  function fillEditor(st) {
    var views = handle.views();
    var view = views.filter(function (v) { return v.id === st.view; })[0];
    if (editorView !== st.view) {
      // A new view starts without an editor's words (the widget clears them too).
      EDITOR_FIELDS.forEach(function (f) {
        clearTimeout(typing[f]);
        typing[f] = 0;
        showEditorError(f, null);
      });
      editorView = st.view;
    }
    ['title', 'description'].forEach(function (f) {
      var box = editor[f];
      if (!typing[f] && box.getAttribute('aria-invalid') !== 'true' && editorValue(f).trim() !== st[f]) box.value = st[f];
    });
    editor.title.placeholder = view ? view.title : '';
    var items = highlightItems(st);
    var options = [{ value: '', label: t('highlightNone') }].concat(items.map(function (label) { return { value: label, label: label }; }));
    // A highlight named in the other language (the widget takes either) stays on offer.
    if (st.highlight && items.indexOf(st.highlight) < 0) options.push({ value: st.highlight, label: st.highlight });
    fill(editor.highlight, options, st.highlight);
    editor.highlight.disabled = options.length < 2;
    fill(embedTheme, THEMES.map(function (s) { return { value: s, label: t('theme_' + s) }; }), st.theme);
    fill(embedAspect, ASPECTS.map(function (a) { return { value: a, label: a || t('aspectAuto') }; }), embedAspect.value);
    embedAspect.disabled = st.chart !== 'line';
  }

  // The preview: a page holding exactly the script snippet handed out. A srcdoc document has
  // this page's origin and Content-Security-Policy, so the snippet is tried under both.
  var PREVIEW_DELAY = 300;
  var previewTimer = 0;
  var previewShown = null;

  function previewPage(snippet, st) {
    return '<!doctype html>\n<html lang="' + (st.lang === 'en' ? 'en' : 'zh-CN') + '">\n<head>\n<meta charset="utf-8">\n' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>' + esc(t('previewTitle')) + '</title>\n</head>\n<body>\n' +
      snippet + '\n</body>\n</html>\n';
  }

  function showPreview(page) {
    clearTimeout(previewTimer);
    previewTimer = 0;
    if (page === previewShown) return;
    // Reloading on every change while one types or steps through views would flash it.
    previewTimer = setTimeout(function () {
      previewTimer = 0;
      previewShown = page;
      preview.srcdoc = page;
    }, previewShown == null ? 0 : PREVIEW_DELAY);
  }

  // As tall as the embed in it (the height attribute: no inline style under a strict CSP).
  preview.addEventListener('load', function () {
    var win = preview.contentWindow;
    var doc = preview.contentDocument;
    if (!win || !doc || !doc.documentElement || typeof win.ResizeObserver !== 'function') return;
    var fit = function () {
      var h = Math.ceil(doc.documentElement.getBoundingClientRect().height);
      if (h > 0 && String(h) !== preview.getAttribute('height')) preview.setAttribute('height', String(h));
    };
    new win.ResizeObserver(fit).observe(doc.documentElement);
    fit();
  });

  function renderEmbed() {
    var st = handle.state();
    fillEditor(st);
    // Opened from disk, every address in a snippet is file:///… of this computer: a snippet
    // pasted into an article would load nothing. None is handed out; the panel says where
    // to host the files instead.
    var local = location.protocol === 'file:';
    $('embed-hosting').hidden = !local;
    ['embed-script', 'embed-iframe'].forEach(function (id) {
      $(id).value = local ? '' : id === 'embed-script' ? scriptSnippet(st) : iframeSnippet(st);
      $(id).disabled = local;
      document.querySelector('button[data-copy="' + id + '"]').disabled = local;
    });
    $('embed-preview-box').hidden = local;
    if (!local) showPreview(previewPage($('embed-script').value, st));
    copyStatus.textContent = '';
  }

  // Selectors → widget.
  ['region', 'topic', 'view', 'chart', 'sort', 'theme', 'lang'].forEach(function (key) {
    sel[key].addEventListener('change', function () {
      var patch = {};
      patch[key] = sel[key].value;
      apply(patch);
    });
  });

  // Typed text goes to the chart once the typing pauses; leaving the field applies it at once.
  var TYPING_DELAY = 300;
  ['title', 'description'].forEach(function (field) {
    var now = function () {
      clearTimeout(typing[field]);
      typing[field] = 0;
      applyEditor(field);
    };
    editor[field].addEventListener('input', function () {
      clearTimeout(typing[field]);
      typing[field] = setTimeout(now, TYPING_DELAY);
    });
    editor[field].addEventListener('change', now);
  });
  editor.highlight.addEventListener('change', function () { applyEditor('highlight'); });
  // The same theme as the explorer's selector: the chart above is the embed's, in every option.
  embedTheme.addEventListener('change', function () { apply({ theme: embedTheme.value }); });
  embedAspect.addEventListener('change', function () { renderEmbed(); });

  indicatorList.addEventListener('change', function (e) {
    var box = e.target;
    if (!box || box.type !== 'checkbox') return;
    if (box.value === '') {
      apply({ indicators: [] });
      return;
    }
    var all = indicatorList.querySelector('input[value=""]');
    var chosen = Array.prototype.filter.call(indicatorList.querySelectorAll('input'), function (b) {
      return b.value !== '' && b.checked;
    }).map(function (b) { return b.value; });
    var total = indicatorList.querySelectorAll('input').length - 1;
    // Unticking one while "all" is ticked keeps the others; ticking every one, or none, means all.
    if (all.checked && !box.checked) all.checked = false;
    apply({ indicators: chosen.length === 0 || chosen.length === total ? [] : chosen });
  });

  document.getElementById('controls').addEventListener('submit', function (e) { e.preventDefault(); });

  tableToggle.addEventListener('click', function () {
    var open = tableWrap.hidden;
    tableWrap.hidden = !open;
    tableToggle.setAttribute('aria-expanded', String(open));
    tableToggle.textContent = t(open ? 'hideTable' : 'showTable');
    if (open) renderTable();
    else tableWrap.replaceChildren();
  });

  embedToggle.addEventListener('click', function () {
    var open = embedPanel.hidden;
    embedPanel.hidden = !open;
    embedToggle.setAttribute('aria-expanded', String(open));
    if (open && handle) renderEmbed();
  });

  embedPanel.addEventListener('click', function (e) {
    var button = e.target.closest('button[data-copy]');
    if (!button) return;
    var area = $(button.getAttribute('data-copy'));
    var manual = function () {
      area.focus();
      area.select();
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch (err) { /* not allowed here */ }
      copyStatus.textContent = t(ok ? 'copied' : 'copyManual');
    };
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      navigator.clipboard.writeText(area.value).then(function () { copyStatus.textContent = t('copied'); }, manual);
    } else {
      manual();
    }
  });

  $('download-png').addEventListener('click', function () {
    if (!handle) return;
    // 2× the width on screen; Rust draws the title, unit and source line into it.
    handle.png({ dpr: 2 }).then(function (blob) { download(blob, 'image/png', fileName('png')); }, function (e) {
      status.textContent = t('exportFailed') + ((e && e.message) || String(e));
      status.hidden = false;
    });
  });
  $('download-csv').addEventListener('click', function () {
    if (handle) download(handle.csv(), 'text/csv;charset=utf-8', fileName('csv'));
  });
  $('download-svg').addEventListener('click', function () {
    if (handle) download(handle.svg(), 'image/svg+xml', fileName('svg'));
  });

  // Widget → selectors (also covers legend clicks, which change the hidden series).
  host.addEventListener('econ-widget:change', refresh);
  host.addEventListener('econ-widget:error', function (e) {
    status.textContent = e.detail && e.detail.code === 'element_too_small' ? t('tooSmall') : t('failed') + e.detail.message;
    status.hidden = false;
  });
  host.addEventListener('econ-widget:render', function () {
    status.hidden = true;
  });

  var hashOptions = readHash();
  lang = hashOptions.lang === 'en' ? 'en' : 'zh';
  applyStrings();
  status.textContent = t('loading');

  /**
   * A stale or hand-edited link: drop only the field it names (keeping the language and the
   * rest), say so in the page's language (the code and path stay for developers), and try again.
   */
  function mountFrom(opts, tries) {
    return EconWidget.mount(host, opts).catch(function (e) {
      var m = /^selection\.([a-z_]+)/.exec((e && e.path) || '');
      var next = {};
      Object.keys(opts).forEach(function (k) { if (!m || k !== m[1]) next[k] = opts[k]; });
      if (!m || !(m[1] in opts) || tries > 8) next = opts.lang === 'en' ? { lang: 'en' } : {};
      var value = m && m[1] in opts ? String(opts[m[1]]) : '';
      errorBox.replaceChildren(
        el('strong', t('badLink')(fieldOf(e && e.path), value)),
        document.createTextNode(' (' + [(e && e.code) || '', (e && e.path) || ''].filter(Boolean).join(', ') + ')')
      );
      errorBox.setAttribute('data-code', (e && e.code) || '');
      errorBox.setAttribute('data-path', (e && e.path) || '');
      errorBox.hidden = false;
      if (tries > 9) throw e;
      return mountFrom(next, tries + 1);
    });
  }

  var ready = mountFrom(hashOptions, 0)
    .then(function (h) {
      handle = h;
      refresh();
      return h;
    }, function (e) {
      status.textContent = t('failed') + ((e && e.message) || String(e));
      status.hidden = false;
      throw e;
    });
  ready.catch(function () { /* shown in the status line */ });

  // For tests and the console.
  window.econExplorer = {
    ready: ready,
    apply: apply,
    get handle() { return handle; }
  };
})();
