/*! econ-widget embed loader — MIT. Docs: docs/embedding.md */
// The readable source of dist/econ-embed.js, the loader pages should link (scripts/bundle.mjs
// minifies this file into it, with the bundle paths below made relative to dist/). This file
// still works for pages that link it.
// <script src=".../dist/econ-embed.js" defer></script> and any number of
// <div data-econ-widget data-view="…" data-lang="en" data-theme="dark">fallback</div>.
// Each div becomes a widget when it comes within 200 px of the viewport. The widget bundle
// (dist/econ-widget.js: ../dist/econ-widget.js from this file) is loaded once, on the first
// such div, and compiles the wasm once for all of them. A div keeps its own content (the no-JS fallback) until its
// widget is drawn in its shadow root, and keeps it for good if loading fails.
(function () {
  'use strict';
  if (window.EconWidgetEmbed) { // a page may include this script once per snippet
    window.EconWidgetEmbed.scan();
    return;
  }
  var me = document.currentScript;
  var base = (me && me.src) || location.href;
  // From file:// the wasm cannot be fetched: take the bundle that carries it inline.
  var file = (me && me.getAttribute('data-bundle')) ||
    (/^file:/.test(base) ? '../dist/econ-widget.inline.js' : '../dist/econ-widget.js');
  var bundleUrl = new URL(file, base).href;
  // SRI hashes of the bundles beside the minified loader, keyed by file name: scripts/bundle.mjs
  // fills them in there (this readable source knows none); data-integrity overrides. Not from
  // file://, where a CORS-mode script request fails.
  var INTEGRITY = {};
  var integrity = /^file:/.test(bundleUrl) ? '' : (me && me.getAttribute('data-integrity')) || INTEGRITY[file] || '';
  var FIELDS = ['view', 'region', 'topic', 'chart', 'lang', 'theme', 'sort', 'title', 'description', 'highlight'];
  var LISTS = ['indicators', 'hidden'];
  // The data-table button's row under the chart, as the explorer measures data-heights with.
  var TABLE_ROW = 36;
  var seen = new WeakMap(); // div → {promise}
  var loading = null;
  var io = typeof IntersectionObserver === 'function' ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) {
        io.unobserve(e.target);
        start(e.target);
      }
    });
  }, { rootMargin: '200px 0px' }) : null;

  /** Loads the bundle once (or uses the one the page already has). */
  function load() {
    if (window.EconWidget) {
      printAll();
      return Promise.resolve(window.EconWidget);
    }
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var s = document.createElement('script');
        s.src = bundleUrl;
        if (integrity) {
          s.integrity = integrity;
          s.crossOrigin = 'anonymous';
        }
        s.async = true;
        s.onload = function () {
          if (window.EconWidget) {
            printAll();
            resolve(window.EconWidget);
          }
          else reject(new Error(bundleUrl + ' did not define EconWidget'));
        };
        s.onerror = function () {
          loading = null; // the next widget may retry
          s.remove();
          // A script's error event says nothing: fetch() tells the status, an SRI mismatch
          // (it loads without the hash), a refused MIME type, or CORS/the network (no load).
          fetch(bundleUrl).then(function (r) {
            return !r.ok ? 'HTTP ' + r.status : integrity ? 'SRI integrity mismatch' : 'Content-Type ' + r.headers.get('content-type');
          }, function () {
            return 'CORS or network error';
          }).then(function (why) {
            reject(new Error(bundleUrl + ': ' + why)); // code load_failed (start)
          });
        };
        document.head.appendChild(s);
      });
    }
    return loading;
  }

  /**
   * Printing: widgets not yet near the viewport start at beforeprint, so they print as charts,
   * not as their fallbacks (the bundle is loaded: they draw before the page is laid out for
   * paper). Added after the bundle's own beforeprint listener, which switches widgets to print.
   */
  var printing = false;
  function printAll() {
    if (printing) return;
    printing = true;
    window.addEventListener('beforeprint', function () {
      Array.prototype.forEach.call(document.querySelectorAll('[data-econ-widget]'), function (el) {
        if (seen.has(el) && !seen.get(el).promise) start(el);
      });
    });
  }

  /** mount() options from the div's data attributes. */
  function options(el) {
    var o = { tableToggle: el.getAttribute('data-table') !== 'false' };
    FIELDS.forEach(function (k) {
      var v = el.getAttribute('data-' + k);
      if (v != null && v.trim() !== '') o[k] = v.trim();
    });
    LISTS.forEach(function (k) {
      var v = el.getAttribute('data-' + k);
      if (v != null) o[k] = v.split(',').map(function (x) { return x.trim(); }).filter(Boolean);
    });
    // data-height: the chart's height in CSS px; data-aspect: "16:9" (mount() checks both).
    var height = el.getAttribute('data-height');
    if (height) o.height = +height;
    var ratio = el.getAttribute('data-aspect');
    if (ratio) o.aspect = isNaN(ratio) ? ratio : +ratio;
    return o;
  }

  function state(el, s) {
    el.setAttribute('data-econ-widget-state', s);
  }

  /**
   * Holds the chart's place from the moment the loader sees the div (the snippet puts the
   * loader right after it, so nothing below is laid out yet): the fallback is clipped to the
   * height the chart will take, so the chart replaces it without moving the article. The
   * height: data-height (px), or from data-heights ("w:h …", the explorer's measures per view)
   * the one of the widest width up to the div's (else the first).
   */
  function reserve(el) {
    // The fallback's static image fits the column (CSSOM: the snippet has no style attribute,
    // which a strict style-src would report).
    Array.prototype.forEach.call(el.querySelectorAll('img'), function (img) {
      img.style.maxWidth = '100%';
      img.style.height = 'auto';
    });
    var h = 0;
    var w = el.getBoundingClientRect().width;
    (el.getAttribute('data-heights') || '').replace(/(\d+):(\d+)/g, function (m, a, b) {
      if (!h || w >= +a) h = +b;
    });
    // An editor's chart height (or aspect ratio), plus the data-table button's row.
    var o = options(el);
    var p = String(o.aspect).split(':');
    var fit = o.height || Math.round(w / (p[1] ? p[0] / p[1] : +p[0])) || 0;
    if (fit) h = fit + (o.tableToggle ? TABLE_ROW : 0);
    if (h >= 40 && h <= 4000) fix(el, h + 'px', 'hidden');
  }

  /** Sets the div's height, min-height and overflow (released: '' as height and overflow). */
  function fix(el, h, overflow) {
    el.style.height = h;
    if (h) el.style.minHeight = h;
    el.style.overflow = overflow;
  }

  /** Mounts one div now; resolves with its handle. */
  function start(el) {
    var rec = seen.get(el);
    if (rec && rec.promise) return rec.promise;
    if (io) io.unobserve(el);
    state(el, 'loading');
    var p = load()
      .then(function (EW) { return EW.mount(el, options(el)); })
      .then(function (handle) {
        fix(el, '', ''); // as tall as the chart, never less than reserved
        state(el, 'ready');
        return handle;
      }, function (e) {
        fix(el, '', '');
        el.style.minHeight = ''; // the fallback's own height
        state(el, 'error');
        el.setAttribute('data-econ-widget-error', (e && e.code) || 'load_failed');
        if (window.console) console.error('econ-widget: ' + ((e && e.code) || 'load_failed') + ': ' + ((e && e.message) || e));
        el.dispatchEvent(new CustomEvent('econ-widget:error', { bubbles: true, detail: { code: (e && e.code) || 'load_failed', path: (e && e.path) || '', message: (e && e.message) || String(e) } }));
        throw e;
      });
    p.catch(function () { /* reported above; the fallback content stays */ });
    seen.set(el, { promise: p });
    return p;
  }

  // Fact references (<span data-econ-fact="id">): econ-facts.js from beside the bundle resolves
  // them, fetched only on a page that has some (docs/embedding.md "Fact references").
  function facts(root) {
    if (window.EconWidgetFacts) return window.EconWidgetFacts.scan(root);
    if (facts.on || !(root || document).querySelector('[data-econ-fact]')) return;
    facts.on = 1;
    var s = document.createElement('script');
    var own = me && me.getAttribute('data-facts');
    s.src = new URL(own || 'econ-facts.js', bundleUrl).href;
    // The build's own file is fetched with its SRI hash, as the bundle is (not from file://).
    if (!own && !/^file:/.test(s.src) && INTEGRITY['econ-facts.js']) {
      s.integrity = INTEGRITY['econ-facts.js'];
      s.crossOrigin = 'anonymous';
    }
    document.head.appendChild(s);
  }

  /** Finds new [data-econ-widget] divs and fact references (call it after adding some). */
  function scan(root) {
    facts(root);
    var list = (root || document).querySelectorAll('[data-econ-widget]');
    Array.prototype.forEach.call(list, function (el) {
      if (seen.has(el)) return;
      seen.set(el, {});
      reserve(el);
      state(el, 'pending');
      if (el.getAttribute('data-loading') === 'eager' || !io) start(el);
      else io.observe(el);
    });
  }

  window.EconWidgetEmbed = {
    bundleUrl: bundleUrl,
    load: load,
    scan: scan,
    mount: start,
    /** The handle's promise for a div (null before it starts). */
    get: function (el) {
      var rec = seen.get(el);
      return (rec && rec.promise) || null;
    }
  };

  // At once: a loader placed right after its div reserves the div's height before the rest of
  // the page is laid out; and again once the page is parsed, for divs further down.
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { scan(); });
})();
