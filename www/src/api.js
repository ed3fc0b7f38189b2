// econ-widget's JS API (window.EconWidget). scripts/bundle.mjs appends this file, inside one
// IIFE, after wasm-bindgen's no-modules glue (which defines `wasm_bindgen`) and
// `var EW_WASM_SOURCE` (the wasm as base64, or null: then econ_widget_bg.wasm is fetched from
// next to this script). Everything here is DOM glue: sizing, events, tooltip, accessibility.
// The chart, hit-testing and all text come from Rust (src/web.rs).

// Captured while the script runs: document.currentScript is null afterwards.
var EW_SCRIPT_URL = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || null;
var EW_WASM_FILE = 'econ_widget_bg.wasm';
var EW_FIELDS = ['view', 'region', 'topic', 'indicators', 'chart', 'lang', 'theme', 'sort', 'hidden'];

var ewReady = null;
var ewLoaded = false;
var ewInstances = new WeakMap();
var ewSheet = null;

var EW_CSS = [
  ':host{display:block;position:relative;min-width:0;max-width:100%;',
  "font:13px/1.45 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif;color:#1f2328}",
  ':host([hidden]){display:none}',
  '.ew-chart{position:relative;display:block;outline:none;border-radius:4px}',
  '.ew-chart:focus-visible{outline:2px solid #1a66d2;outline-offset:2px}',
  '.ew-chart.ew-dark:focus-visible{outline-color:#7eb3ff}',
  '.ew-canvas{display:block;max-width:none}',
  '.ew-overlay{display:block;position:absolute;left:0;top:0;touch-action:pan-x pan-y}',
  '.ew-overlay.ew-clickable{cursor:pointer}',
  '.ew-tip{position:absolute;left:0;top:0;z-index:2;box-sizing:border-box;max-width:min(320px,100%);',
  'padding:8px 10px;border:1px solid #c8ced6;border-radius:6px;background:#fff;color:#1f2328;',
  'box-shadow:0 4px 14px rgba(0,0,0,.16);pointer-events:none;overflow-wrap:anywhere;font-size:13px}',
  '.ew-tip[hidden]{display:none}',
  '.ew-dark .ew-tip{background:#1f2428;color:#e6edf3;border-color:#444c56;box-shadow:0 4px 14px rgba(0,0,0,.5)}',
  '.ew-tip-label{font-weight:700;margin:0 0 2px}',
  '.ew-tip-value{font-size:16px;font-weight:700;margin:0}',
  '.ew-tip-meta,.ew-tip-detail{margin:2px 0 0}',
  '.ew-tip-source{margin:6px 0 0;padding-top:6px;border-top:1px solid #d8dee4;color:#57606a;font-size:12px}',
  '.ew-dark .ew-tip-source{border-top-color:#3d444d;color:#9da7b3}',
  '.ew-tip-quote{margin:2px 0 0;font-style:normal}',
  '.ew-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}'
].join('');

var EW_TEXT = {
  zh: {
    roledesc: '图表',
    hint: '按方向键逐项浏览数据，按 Home、End 跳到首项、末项，按 Esc 退出。',
    source: '来源：',
    share: '占比 ',
    docTitle: function (t) { return '《' + t + '》'; },
    quote: function (q) { return '“' + q + '”'; }
  },
  en: {
    roledesc: 'chart',
    hint: 'Use the arrow keys to step through the data, Home and End to jump to the first and last item, Escape to leave.',
    source: 'Source: ',
    share: 'share ',
    docTitle: function (t) { return t; },
    quote: function (q) { return '\u201c' + q + '\u201d'; }
  }
};

function ewError(code, path, message) {
  var e = new Error((path ? path + ': ' : '') + message);
  e.name = 'EconWidgetError';
  e.code = code;
  e.path = path;
  e.detail = message;
  return e;
}

function ewBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  var bin = atob(text);
  var out = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** Instantiates the wasm once per page; every widget shares it. */
function ready() {
  if (!ewReady) {
    ewReady = Promise.resolve()
      .then(function () {
        var source;
        if (EW_WASM_SOURCE) source = ewBase64(EW_WASM_SOURCE);
        else if (EW_SCRIPT_URL) source = new URL(EW_WASM_FILE, EW_SCRIPT_URL);
        else throw ewError('wasm_unavailable', 'wasm', 'cannot tell where ' + EW_WASM_FILE + ' is: load econ-widget.js with a <script src>');
        return wasm_bindgen({ module_or_path: source });
      })
      .then(function () {
        ewLoaded = true;
        return EconWidget;
      });
    // A failed load (e.g. offline) may be retried by the next call.
    ewReady.catch(function () { ewReady = null; });
  }
  return ewReady;
}

function ewStyles(shadow) {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
    if (!ewSheet) {
      ewSheet = new CSSStyleSheet();
      ewSheet.replaceSync(EW_CSS);
    }
    shadow.adoptedStyleSheets = [ewSheet];
  } else {
    // Old engines only; a strict CSP blocks this, and the widget then works unstyled.
    var style = document.createElement('style');
    style.textContent = EW_CSS;
    shadow.appendChild(style);
  }
}

function el(tag, cls, attrs) {
  var e = document.createElement(tag);
  if (cls) e.className = cls;
  if (attrs) for (var k in attrs) e.setAttribute(k, attrs[k]);
  return e;
}

function para(cls, text) {
  var p = el('p', cls);
  p.textContent = text;
  return p;
}

/**
 * Mounts a widget in `element` (its shadow root). Options: a partial selection (view, region,
 * topic, indicators, chart, lang, theme, sort, hidden) and `data` (a host dataset as JSON text
 * or object; default the embedded one). Resolves with the handle once the first chart is drawn
 * (if the element has a usable width).
 */
function mount(element, options) {
  return ready().then(function () {
    if (!element || element.nodeType !== 1) throw ewError('bad_argument', 'element', 'mount() needs an element to draw in');
    options = options || {};
    if (typeof options !== 'object') throw ewError('bad_type', 'options', 'expected an object of options');
    var init = {};
    Object.keys(options).forEach(function (k) {
      if (k !== 'data' && options[k] !== undefined) init[k] = options[k];
    });
    // Throws (code, path) on bad options or data, before anything on the page changes.
    var wasmHandle = new wasm_bindgen.WidgetHandle(options.data == null ? null : options.data, init);
    var previous = ewInstances.get(element);
    if (previous) previous.destroy();
    var w;
    try {
      w = new Widget(element, wasmHandle);
    } catch (e) {
      wasmHandle.free();
      throw e;
    }
    ewInstances.set(element, w);
    return w.api;
  });
}

function Widget(host, h) {
  var self = this;
  this.host = host;
  this.h = h;
  this.destroyed = false;
  this.frame = 0;
  this.dirty = true;
  this.last = null; // {width, dpr, dark} of the chart on screen
  this.errorCode = null; // the render error already reported, until a render succeeds
  this.waiters = [];
  this.listeners = [];

  var shadow = host.shadowRoot || host.attachShadow({ mode: 'open' });
  shadow.replaceChildren();
  ewStyles(shadow);
  this.shadow = shadow;

  var chart = el('div', 'ew-chart', { role: 'group', tabindex: '0', 'aria-describedby': 'ew-desc ew-hint' });
  var canvas = el('canvas', 'ew-canvas', { 'aria-hidden': 'true' });
  var overlay = el('canvas', 'ew-overlay', { 'aria-hidden': 'true' });
  var tip = el('div', 'ew-tip', { role: 'tooltip', id: 'ew-tip' });
  tip.hidden = true;
  chart.append(canvas, overlay, tip);
  var desc = el('p', 'ew-sr', { id: 'ew-desc' });
  var hint = el('p', 'ew-sr', { id: 'ew-hint' });
  var live = el('div', 'ew-sr ew-live', { 'aria-live': 'polite', 'aria-atomic': 'true' });
  shadow.append(chart, desc, hint, live);
  Object.assign(this, { chart: chart, canvas: canvas, overlay: overlay, tip: tip, desc: desc, hint: hint, live: live });

  this.on(overlay, 'pointermove', function (e) { self.pointer(e); });
  this.on(overlay, 'pointerdown', function (e) { self.pointer(e); });
  // A finger lifting off also "leaves": keep the tapped point's tooltip until the next tap.
  this.on(overlay, 'pointerleave', function (e) { if (e.pointerType !== 'touch') self.unhover(); });
  this.on(overlay, 'click', function (e) { self.click(e); });
  this.on(chart, 'keydown', function (e) { self.key(e); });
  this.on(chart, 'blur', function () { self.leave(); });

  if (typeof matchMedia === 'function') {
    this.scheme = matchMedia('(prefers-color-scheme: dark)');
    this.on(this.scheme, 'change', function () {
      if (self.h && self.h.state().theme === 'auto') { self.dirty = true; self.schedule(); }
    });
    this.watchDpr();
  }
  // Page zoom changes devicePixelRatio and fires resize; renderNow skips when nothing changed.
  this.on(window, 'resize', function () { self.schedule(); });
  if (typeof ResizeObserver === 'function') {
    this.ro = new ResizeObserver(function () { self.schedule(); });
    this.ro.observe(host);
  }

  this.labels();
  this.renderNow();
  this.api = this.publicApi();
}

Widget.prototype.on = function (target, type, fn) {
  target.addEventListener(type, fn);
  this.listeners.push([target, type, fn]);
};

Widget.prototype.off = function (target, type, fn) {
  target.removeEventListener(type, fn);
  this.listeners = this.listeners.filter(function (l) { return !(l[0] === target && l[1] === type && l[2] === fn); });
};

/** devicePixelRatio has no change event: watch a media query for the current value. */
Widget.prototype.watchDpr = function () {
  var self = this;
  if (this.dprQuery) this.off(this.dprQuery[0], 'change', this.dprQuery[1]);
  var mql = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
  var fn = function () { self.watchDpr(); self.schedule(); };
  this.on(mql, 'change', fn);
  this.dprQuery = [mql, fn];
};

Widget.prototype.text = function () {
  return EW_TEXT[this.h.state().lang] || EW_TEXT.zh;
};

Widget.prototype.isDark = function () {
  var theme = this.h.state().theme;
  return theme === 'dark' || (theme === 'auto' && !!this.scheme && this.scheme.matches);
};

/** Accessible name and description, in the chart's language. */
Widget.prototype.labels = function () {
  var t = this.text();
  var lang = this.h.state().lang;
  this.chart.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  this.chart.setAttribute('aria-label', this.h.title());
  this.chart.setAttribute('aria-roledescription', t.roledesc);
  this.desc.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  this.desc.textContent = this.h.summary();
  this.hint.textContent = t.hint;
};

Widget.prototype.schedule = function () {
  var self = this;
  if (this.destroyed || this.frame) return;
  this.frame = requestAnimationFrame(function () {
    self.frame = 0;
    self.renderNow();
  });
};

Widget.prototype.renderNow = function () {
  if (this.destroyed) return;
  if (this.frame) {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }
  try {
    var width = this.chart.getBoundingClientRect().width;
    var dpr = window.devicePixelRatio || 1;
    var dark = this.isDark();
    var l = this.last;
    if (!this.dirty && l && l.width === Math.floor(width) && l.dpr === dpr && l.dark === dark) {
      // Back to the size on screen (e.g. shown again after display:none): nothing to draw.
      this.errorCode = null;
      return;
    }
    var height;
    try {
      // Rust checks the width (element_too_small below 120 px, e.g. display:none) before it
      // touches the canvas, so the last chart stays.
      height = this.h.render(this.canvas, width, dpr, dark);
    } catch (e) {
      this.fail(e);
      return;
    }
    var cssW = Math.floor(width) + 'px';
    var cssH = height + 'px';
    this.canvas.style.width = cssW;
    this.canvas.style.height = cssH;
    this.overlay.style.width = cssW;
    this.overlay.style.height = cssH;
    this.chart.classList.toggle('ew-dark', dark);
    this.dirty = false;
    this.errorCode = null;
    this.last = { width: Math.floor(width), height: height, dpr: dpr, dark: dark };
    // The ring and tooltip belong to the old layout.
    this.clearOverlay();
    this.hideTip();
    this.host.dispatchEvent(new CustomEvent('econ-widget:render', { bubbles: true, composed: true, detail: { width: this.last.width, height: height, dpr: dpr, dark: dark } }));
  } finally {
    var waiters = this.waiters;
    this.waiters = [];
    waiters.forEach(function (fn) { fn(); });
  }
};

/** A render error keeps the last chart and is reported once (until a render succeeds). */
Widget.prototype.fail = function (e) {
  var code = (e && e.code) || 'render_failed';
  if (this.errorCode === code) return;
  this.errorCode = code;
  this.host.dispatchEvent(new CustomEvent('econ-widget:error', { bubbles: true, composed: true, detail: { code: code, path: (e && e.path) || '', message: (e && e.message) || String(e) } }));
};

Widget.prototype.clearOverlay = function () {
  try {
    this.h.hover(this.overlay, -1, -1);
  } catch (e) { /* the overlay has no 2D context: nothing to clear */ }
  this.overlay.classList.remove('ew-clickable');
};

Widget.prototype.point = function (e) {
  var r = this.overlay.getBoundingClientRect();
  return { x: e.clientX - r.left, y: e.clientY - r.top };
};

Widget.prototype.pointer = function (e) {
  if (this.destroyed || !this.last) return;
  var p = this.point(e);
  var info;
  try {
    info = this.h.hover(this.overlay, p.x, p.y);
  } catch (err) {
    return;
  }
  this.overlay.classList.toggle('ew-clickable', !!info && info.kind === 'legend');
  if (info) this.showTip(info);
  else this.hideTip();
};

Widget.prototype.unhover = function () {
  if (this.destroyed) return;
  this.clearOverlay();
  this.hideTip();
};

Widget.prototype.click = function (e) {
  if (this.destroyed || !this.last) return;
  var p = this.point(e);
  var info;
  try {
    info = this.h.hover(this.overlay, p.x, p.y);
  } catch (err) {
    return;
  }
  if (info && info.kind === 'legend') this.toggle(info.index);
};

Widget.prototype.toggle = function (index) {
  var before = JSON.stringify(this.h.state());
  var state = this.h.toggle_series(index);
  this.changed(before, state);
  return state;
};

var EW_KEYS = { ArrowRight: 'next', ArrowDown: 'next', ArrowLeft: 'prev', ArrowUp: 'prev', Home: 'first', End: 'last', Escape: 'none' };

Widget.prototype.key = function (e) {
  var how = EW_KEYS[e.key];
  if (!how || e.altKey || e.ctrlKey || e.metaKey || this.destroyed) return;
  e.preventDefault();
  // Keyboard order follows the chart on screen: draw a pending change first.
  if (this.frame) this.renderNow();
  this.move(how);
};

Widget.prototype.move = function (how) {
  var info = this.h.focus(this.overlay, how);
  if (info) {
    this.live.textContent = info.announce;
    this.showTip(info);
  } else {
    this.live.textContent = '';
    this.hideTip();
  }
  return info;
};

Widget.prototype.leave = function () {
  if (this.destroyed) return;
  try {
    this.h.focus(this.overlay, 'none');
  } catch (e) { /* nothing focused */ }
  this.hideTip();
};

Widget.prototype.showTip = function (info) {
  var t = this.text();
  var tip = this.tip;
  var parts = [];
  var label = info.label + (info.series && info.series !== info.label ? ' · ' + info.series : '');
  parts.push(para('ew-tip-label', label));
  if (info.kind !== 'legend') {
    parts.push(para('ew-tip-value', info.value));
    var meta = [info.period, info.value_kind].filter(Boolean);
    if (info.share) meta.push(t.share + info.share);
    if (meta.length) parts.push(para('ew-tip-meta', meta.join(' · ')));
  }
  if (info.detail) parts.push(para('ew-tip-detail', info.detail));
  (info.sources || []).forEach(function (s) {
    var box = el('div', 'ew-tip-source');
    box.append(para('ew-tip-doc', t.source + t.docTitle(s.doc_title) + (s.doc_date ? ' ' + s.doc_date : '')));
    if (s.quote) box.append(el('blockquote', 'ew-tip-quote'));
    if (s.quote) box.lastChild.textContent = t.quote(s.quote);
    parts.push(box);
  });
  tip.replaceChildren.apply(tip, parts);
  tip.setAttribute('lang', this.h.state().lang === 'zh' ? 'zh-CN' : 'en');
  tip.hidden = false;
  // Place it beside the point, inside the chart's width.
  var width = this.last ? this.last.width : this.chart.clientWidth;
  var tw = tip.offsetWidth;
  var th = tip.offsetHeight;
  var left = info.x + 12;
  if (left + tw > width) left = info.x - 12 - tw;
  left = Math.max(0, Math.min(left, width - tw));
  var top = info.y - th - 10;
  if (top < 0) top = info.y + 14;
  tip.style.left = Math.round(left) + 'px';
  tip.style.top = Math.round(top) + 'px';
};

Widget.prototype.hideTip = function () {
  this.tip.hidden = true;
};

/** After a selection change: new labels, a new chart, and one `econ-widget:change`. */
Widget.prototype.changed = function (before, state) {
  if (JSON.stringify(state) === before) return;
  this.dirty = true;
  this.labels();
  this.hideTip();
  this.live.textContent = '';
  this.schedule();
  this.host.dispatchEvent(new CustomEvent('econ-widget:change', { bubbles: true, composed: true, detail: state }));
};

Widget.prototype.alive = function () {
  if (this.destroyed) throw ewError('destroyed', 'widget', 'this widget was destroyed');
};

Widget.prototype.destroy = function () {
  if (this.destroyed) return;
  this.destroyed = true;
  if (this.frame) cancelAnimationFrame(this.frame);
  this.frame = 0;
  if (this.ro) this.ro.disconnect();
  this.listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2]); });
  this.listeners = [];
  this.dprQuery = null;
  this.h.free();
  this.h = null;
  this.shadow.replaceChildren();
  if ('adoptedStyleSheets' in this.shadow) this.shadow.adoptedStyleSheets = [];
  if (ewInstances.get(this.host) === this) ewInstances.delete(this.host);
  var waiters = this.waiters;
  this.waiters = [];
  waiters.forEach(function (fn) { fn(); });
};

Widget.prototype.publicApi = function () {
  var w = this;
  return {
    element: w.host,
    /** Applies a partial selection; throws (code, path) and changes nothing if it is bad. */
    select: function (partial) {
      w.alive();
      var before = JSON.stringify(w.h.state());
      var state = w.h.select(partial);
      w.changed(before, state);
      return state;
    },
    state: function () { w.alive(); return w.h.state(); },
    views: function () { w.alive(); return w.h.views(); },
    table: function () { w.alive(); return w.h.table(); },
    csv: function () { w.alive(); return w.h.csv(); },
    summary: function () { w.alive(); return w.h.summary(); },
    title: function () { w.alive(); return w.h.title(); },
    /** SVG of the chart; width defaults to the width on screen (or 640), dark to the theme shown. */
    svg: function (width, dark) {
      w.alive();
      return w.h.svg(width == null ? (w.last ? w.last.width : 640) : width, dark == null ? w.isDark() : !!dark);
    },
    /** PNG of the chart (default 2× the on-screen width), as a Blob. */
    png: function (opts) {
      w.alive();
      opts = opts || {};
      var c = document.createElement('canvas');
      try {
        w.h.render_to(c, opts.width == null ? (w.last ? w.last.width : 640) : opts.width, opts.dpr == null ? 2 : opts.dpr, opts.dark == null ? w.isDark() : !!opts.dark);
      } finally {
        // render_to lays the chart out at the export width, which replaces the scene that
        // hit-testing uses: lay the live chart out again.
        w.dirty = true;
        w.renderNow();
      }
      return new Promise(function (resolve, reject) {
        c.toBlob(function (b) { if (b) resolve(b); else reject(ewError('export_failed', 'png', 'the canvas could not be encoded')); }, 'image/png');
      });
    },
    /**
     * Shows a big host series as a line chart: {label, unit, x, y} with x, y Float64Arrays of
     * equal length (x ascending, all finite). Throws (code, path naming the index) if not.
     * Selecting a view (or region, topic, chart, indicators) goes back to the dataset.
     */
    setSeries: function (series) {
      w.alive();
      series = series || {};
      w.h.set_series(String(series.label == null ? '' : series.label), String(series.unit == null ? '' : series.unit), series.x, series.y);
      w.dirty = true;
      w.labels();
      w.hideTip();
      w.live.textContent = '';
      w.schedule();
    },
    /** Legend toggle by series index (what a click on a legend entry does). */
    toggleSeries: function (index) { w.alive(); return w.toggle(index); },
    /** Keyboard focus: "next", "prev", "first", "last" or "none"; returns the hit info or null. */
    focus: function (how) {
      w.alive();
      if (w.frame) w.renderNow();
      return w.move(how);
    },
    /** Resolves after the pending render (at once if none is pending). */
    rendered: function () {
      if (w.destroyed || !w.frame) return Promise.resolve();
      return new Promise(function (resolve) { w.waiters.push(resolve); });
    },
    destroy: function () { w.destroy(); }
  };
};

function ewWasm(name) {
  return function () {
    if (!ewLoaded) throw ewError('not_ready', name, 'wait for EconWidget.ready() first');
    return wasm_bindgen[name].apply(null, arguments);
  };
}

var EconWidget = {
  ready: ready,
  mount: mount,
  fields: EW_FIELDS.slice(),
  schemaVersion: ewWasm('schemaVersion'),
  validateDataset: ewWasm('validateDataset')
};

if (typeof window !== 'undefined') window.EconWidget = EconWidget;
