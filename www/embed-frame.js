// www/embed.html's script: reads the chart from the query string (view, region, topic, chart,
// lang, theme, sort, indicators, hidden, title, description, highlight, height, aspect, table, id), hands it to embed.js as data attributes,
// and tells the parent page how tall the content is — {type: 'econ-widget:height', id, height}
// by postMessage — after every render and every resize. Classic script, no inline code.
(function () {
  'use strict';
  var params = new URLSearchParams(location.search);
  var host = document.getElementById('chart');
  var root = document.documentElement;
  ['view', 'region', 'topic', 'chart', 'lang', 'theme', 'sort', 'indicators', 'hidden', 'title', 'description', 'highlight', 'height', 'aspect', 'table'].forEach(function (k) {
    var v = params.get(k);
    if (v != null) host.setAttribute('data-' + k, v);
  });
  var id = params.get('id') || '';
  var en = params.get('lang') === 'en';
  root.lang = en ? 'en' : 'zh-CN';
  var theme = params.get('theme');
  if (theme === 'light' || theme === 'dark' || theme === 'auto') root.setAttribute('data-theme', theme);
  // Shown until the chart is drawn (the shadow root then hides it), and if it cannot be.
  var note = document.createElement('p');
  note.className = 'frame-note';
  note.textContent = en ? 'Loading the chart…' : '正在加载图表…';
  host.append(note);

  var last = -1;
  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    last = height;
    if (window.parent !== window) window.parent.postMessage({ type: 'econ-widget:height', id: id, height: height }, '*');
  }
  function retitle() {
    var p = window.EconWidgetEmbed && window.EconWidgetEmbed.get(host);
    if (p) p.then(function (h) { document.title = h.title(); }, function () { /* the note says why */ });
  }
  host.addEventListener('econ-widget:render', function () {
    report();
    retitle();
  });
  host.addEventListener('econ-widget:error', function (e) {
    var d = e.detail || {};
    if (d.code === 'element_too_small') return;
    note.textContent = (en ? 'The chart could not be loaded: ' : '图表无法加载：') + (d.message || d.code || '');
    report();
  });
  if (typeof ResizeObserver === 'function') {
    new ResizeObserver(function () {
      if (Math.ceil(document.body.getBoundingClientRect().height) !== last) report();
    }).observe(document.body);
  }
  window.addEventListener('resize', report);
  window.addEventListener('load', report);
  // For tests and the console.
  window.econEmbedFrame = { id: id, report: report };
})();
