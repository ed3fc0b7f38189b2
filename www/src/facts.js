/*! econ-widget fact references — MIT. Docs: docs/embedding.md#fact-references */
// Loaded by the embed loader (www/embed.js) only on pages with fact references:
//   <span data-econ-fact="d000.jz.gdp.2023H1">949.6亿元</span>
// Each becomes a focusable reference to the dataset value: focus, hover or tap opens a card
// (a non-modal role=dialog after the span, described by it) with the value, period, region,
// the verbatim quote and its source, and "show in chart" when a widget on the page holds the
// value. The span gets data-econ-status ok | mismatch | unknown (its printed number against
// the value, in zh or en notation); a mismatch warns in the console. With data-econ-check on
// the loader's script tag, mismatches and unknown ids are marked on the page for editors.
// Dataset text reaches the DOM only as textContent. Without JavaScript the span stays text.
(function () {
  'use strict';
  if (window.EconWidgetFacts) return;
  var TEXT = {
    zh: { label: '数据来源', show: '在图表中显示', source: '来源：', title: function (t) { return '《' + t + '》'; }, quote: function (q) { return '“' + q + '”'; }, sep: '，' },
    en: { label: 'Fact source', show: 'Show in chart', source: 'Source: ', title: function (t) { return t; }, quote: function (q) { return '\u201c' + q + '\u201d'; }, sep: ', ' }
  };
  var CSS = [
    '.econ-fact[data-econ-status]{cursor:help;text-decoration:underline dotted;text-underline-offset:3px}',
    '.econ-fact:focus-visible{outline:2px solid #1a66d2;outline-offset:1px;border-radius:2px}',
    '.econ-fact-card{position:absolute;z-index:2147483000;display:block;box-sizing:border-box;width:max-content;max-width:min(340px,92vw);margin:0;padding:8px 10px;background:#fff;color:#1f2328;border:1px solid #8c959f;border-radius:6px;box-shadow:0 4px 14px rgba(0,0,0,.18);font:13px/1.5 system-ui,sans-serif;text-align:left;text-indent:0;letter-spacing:normal;font-style:normal;font-weight:400;white-space:normal}',
    '.econ-fact-card[hidden]{display:none}',
    '.econ-fact-card span{display:block}',
    '.econ-fact-card .econ-fact-value{font-size:15px;font-weight:700}',
    '.econ-fact-card .econ-fact-meta,.econ-fact-card .econ-fact-source{color:#57606a;font-size:12px}',
    '.econ-fact-card .econ-fact-quote{margin:4px 0;padding-left:8px;border-left:3px solid #c8ced6}',
    '.econ-fact-card button{font:inherit;font-size:12px;margin-top:6px;padding:2px 10px;min-height:26px;color:inherit;background:transparent;border:1px solid #6e7781;border-radius:4px;cursor:pointer}',
    '.econ-fact-card button:focus-visible{outline:2px solid #1a66d2;outline-offset:2px}',
    '@media (prefers-color-scheme:dark){.econ-fact-card{background:#1f2428;color:#e6edf3;border-color:#6e7681}.econ-fact-card .econ-fact-meta,.econ-fact-card .econ-fact-source{color:#9da7b3}}',
    // Check mode (data-econ-check on the loader): what an editor must look at, in colour and in words.
    '.econ-fact-check .econ-fact[data-econ-status=mismatch]{background:#ffebe9;color:#82071e;text-decoration:underline wavy #cf222e}',
    '.econ-fact-check .econ-fact[data-econ-status=mismatch]::after{content:" \\2260  " attr(data-econ-expected);font-size:.85em}',
    '.econ-fact-check .econ-fact[data-econ-status=unknown]{background:#fff8c5;color:#4d2d00;text-decoration:underline wavy #9a6700}',
    '.econ-fact-check .econ-fact[data-econ-status=unknown]::after{content:" ?";font-size:.85em}'
  ].join('');
  // Every value's card, printed at build time by src/facts.rs fact_card (examples/fact_cards.rs)
  // and put here by scripts/bundle.mjs: {s: strings, ids: value ids, rows: per id the indexes
  // in s of its 10 zh fields, then of its en period, region, indicator, subject, doc title and
  // publisher}. The one-chart wasm an article page loads carries no card code.
  var CARDS = EW_FACT_CARDS;
  var EN = [0, 1, 10, 11, 12, 13, 6, 14, 15, 9];

  /** The value's card in lang, {id, display, zh, en, period, region, indicator, subject, quote, doc}, or null. */
  function card(id, lang) {
    var r = CARDS.rows[CARDS.ids.indexOf(id)];
    if (!r) return null;
    var f = EN.map(function (k, j) { return CARDS.s[r[lang === 'en' ? k : j]]; });
    return { id: id, display: f[lang === 'en' ? 1 : 0], zh: f[0], en: f[1], period: f[2], region: f[3], indicator: f[4], subject: f[5], quote: f[6], doc: f[7] ? { title: f[7], publisher: f[8], date: f[9] } : null };
  }
  var seen = new WeakSet();
  var count = 0;
  var open = null; // the reference whose card is showing

  function styles() {
    if (styles.done) return;
    styles.done = true;
    // A constructed sheet: allowed under style-src 'self', where a <style> element is not.
    if ('adoptedStyleSheets' in document && typeof CSSStyleSheet === 'function') {
      try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
        return;
      } catch (e) { /* an older engine: fall back below */ }
    }
    var s = document.createElement('style');
    s.textContent = CSS;
    document.head.appendChild(s);
  }

  function langOf(el) {
    var l = el.closest('[lang]');
    return l && /^en/i.test(l.getAttribute('lang')) ? 'en' : 'zh';
  }

  var MULT = { '万亿': 1e12, '亿': 1e8, '万': 1e4, '千': 1e3, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
  /**
   * The first figure in a text as {v, tol, unit}: "949.6亿元" → 949.6e8 (±0.05e8) 元, "94.96
   * billion yuan" → 94.96e9 yuan. Bound words around it (以上, at least) are left out. The text
   * checker (src/facts.rs) reads figures fully; this is the little a span needs, in JS because
   * the one-chart wasm an article page loads has no room for the checker.
   */
  function quantity(s) {
    var m = /(-?\d[\d,]*(?:\.\d+)?)(?:\/(\d+))?\s*(万亿|亿|万|千|thousand|million|billion|trillion)?\s*[余多]?\s*(.*)$/i.exec(s);
    if (!m) return null;
    var n = parseFloat(m[1].replace(/,/g, ''));
    var tol = 0.5 * Math.pow(10, -((m[1].split('.')[1] || '').length));
    if (m[2]) { n /= parseFloat(m[2]); tol = 5e-4; }
    var mult = m[3] ? MULT[m[3].toLowerCase()] : 1;
    var unit = m[4].replace(/(以上|以下|以内|左右)$/, '').trim().toLowerCase();
    // A rank reads 第6名, 第6 or 6th: one unit whatever the notation.
    if (/^(名|st|nd|rd|th)$/.test(unit) || (!unit && /第\s*$/.test(s.slice(0, m.index)))) unit = 'rank';
    return { v: n * mult, tol: tol * mult, unit: unit };
  }

  /** Whether the span's printed figure is the fact's (in zh or en notation). */
  function agrees(printed, info) {
    var p = quantity(printed);
    return [info.zh, info.en].some(function (form) {
      var f = quantity(form);
      if (!p || !f) return printed.trim() === form || form.indexOf(printed.trim()) >= 0;
      return p.unit === f.unit && Math.abs(p.v - f.v) <= Math.max(p.tol, f.tol) + 1e-9 * Math.abs(f.v);
    });
  }

  function part(cls, text) {
    var s = document.createElement('span');
    s.className = cls;
    s.textContent = text;
    return s;
  }

  /** Widgets on the page showing the fact: [{el, handle}] (by its quote and figure in their data table). */
  function holders(info) {
    var embed = window.EconWidgetEmbed;
    var list = document.querySelectorAll('[data-econ-widget]');
    return Promise.all(Array.prototype.map.call(list, function (el) {
      var p = embed && embed.get(el);
      return p ? p.then(function (h) {
        try {
          var lang = h.state().lang;
          var cells = [].concat.apply([], h.table().rows);
          var has = cells.indexOf(info.quote) >= 0 && cells.indexOf(lang === 'en' ? info.en : info.zh) >= 0;
          return has ? { el: el, handle: h } : null;
        } catch (e) { return null; }
      }, function () { return null; }) : null;
    })).then(function (all) { return all.filter(Boolean); });
  }

  /** Moves the widget's keyboard focus to the fact's datum (its tooltip shows, and is announced). */
  function showInChart(w, info) {
    var h = w.handle;
    var lang = h.state().lang;
    var want = lang === 'en' ? info.en : info.zh;
    var chart = w.el.shadowRoot && w.el.shadowRoot.querySelector('[tabindex]');
    w.el.scrollIntoView({ block: 'nearest' });
    if (chart) chart.focus();
    var info0 = h.focus('first');
    for (var i = 0; info0 && i < 10000; i++) {
      var quoted = (info0.sources || []).some(function (s) { return s.quote === info.quote; });
      if (quoted && info0.value.indexOf(want) >= 0) return true;
      var next = h.focus('next');
      if (!next || (next.index === info0.index && next.kind === info0.kind)) break;
      info0 = next;
    }
    return false;
  }

  function Ref(el, info, printed) {
    var self = this;
    var lang = langOf(el);
    var t = TEXT[lang];
    this.el = el;
    var card = document.createElement('span');
    card.className = 'econ-fact-card';
    card.id = 'econ-fact-card-' + (++count);
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-label', t.label);
    card.setAttribute('lang', lang === 'en' ? 'en' : 'zh-CN');
    card.hidden = true;
    var title = info.indicator + (info.subject ? t.sep + info.subject : '');
    // The reference is described by the card's text (not by the card: its label would win).
    var body = part('econ-fact-body', '');
    body.id = card.id + '-text';
    body.append(
      part('econ-fact-name', title),
      part('econ-fact-value', info.display),
      part('econ-fact-meta', [info.region, info.period].filter(Boolean).join(' · ')),
      part('econ-fact-quote', t.quote(info.quote))
    );
    if (info.doc) body.append(part('econ-fact-source', t.source + t.title(info.doc.title) + ' · ' + info.doc.publisher + ' · ' + info.doc.date));
    card.append(body);
    this.card = card;
    el.after(card);
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    el.setAttribute('aria-expanded', 'false');
    el.setAttribute('aria-controls', card.id);
    el.setAttribute('aria-describedby', body.id);
    el.addEventListener('mouseenter', function () { self.show(false); });
    el.addEventListener('mouseleave', function () { self.later(); });
    card.addEventListener('mouseenter', function () { clearTimeout(self.timer); });
    card.addEventListener('mouseleave', function () { self.later(); });
    el.addEventListener('focus', function () { self.show(false); });
    el.addEventListener('click', function (e) { e.preventDefault(); self.show(true); });
    el.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); self.show(true); }
    });
    [el, card].forEach(function (n) {
      n.addEventListener('focusout', function (e) {
        if (!(e.relatedTarget && (e.relatedTarget === el || card.contains(e.relatedTarget)))) self.hide();
      });
    });
    holders(info).then(function (ws) {
      if (!ws.length) return;
      var b = document.createElement('button');
      b.type = 'button';
      b.textContent = t.show;
      b.addEventListener('click', function () { self.hide(); showInChart(ws[0], info); });
      card.append(b);
    });
  }
  Ref.prototype.show = function (pinned) {
    clearTimeout(this.timer);
    if (open && open !== this) open.hide();
    open = this;
    this.pinned = this.pinned || pinned;
    // Below the reference, in its offset parent's coordinates (the card is the span's sibling).
    this.card.style.left = this.el.offsetLeft + 'px';
    this.card.style.top = (this.el.offsetTop + this.el.offsetHeight + 4) + 'px';
    this.card.hidden = false;
    // Kept inside the viewport's width (a reference near the right edge, a phone).
    var over = this.card.getBoundingClientRect().right - document.documentElement.clientWidth + 4;
    if (over > 0) this.card.style.left = Math.max(0, this.el.offsetLeft - over) + 'px';
    this.el.setAttribute('aria-expanded', 'true');
  };
  Ref.prototype.hide = function () {
    clearTimeout(this.timer);
    this.card.hidden = true;
    this.pinned = false;
    this.el.setAttribute('aria-expanded', 'false');
    if (open === this) open = null;
  };
  // A pointer leaving: a moment to reach the card (WCAG 1.4.13: hoverable), unless pinned.
  Ref.prototype.later = function () {
    var self = this;
    clearTimeout(this.timer);
    if (this.pinned || this.el === document.activeElement) return;
    this.timer = setTimeout(function () { self.hide(); }, 300);
  };

  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || !open) return;
    var r = open;
    var inside = r.card.contains(document.activeElement);
    r.hide();
    if (inside) r.el.focus({ preventScroll: true });
    // Focus stays on the reference: hovering focus must not reopen what Escape closed.
  });
  document.addEventListener('pointerdown', function (e) {
    if (open && !open.card.contains(e.target) && e.target !== open.el) open.hide();
  });

  /** Resolves the references under root (the document by default) once each. */
  function scan(root) {
    // Check mode: data-econ-check on the loader's script tag.
    if (document.querySelector('script[data-econ-check]')) document.documentElement.classList.add('econ-fact-check');
    var list = Array.prototype.filter.call((root || document).querySelectorAll('[data-econ-fact]'), function (el) {
      if (seen.has(el)) return false;
      seen.add(el);
      return true;
    });
    if (!list.length) return Promise.resolve([]);
    styles();
    return window.EconWidgetEmbed.load().then(function (EW) {
      return Promise.all(list.map(function (el) {
        var id = el.getAttribute('data-econ-fact') || '';
        var printed = el.textContent;
        return Promise.resolve(card(id, langOf(el))).then(function (info) {
          el.classList.add('econ-fact');
          if (!info) {
            el.setAttribute('data-econ-status', 'unknown');
            if (window.console) console.warn('econ-widget: fact reference "' + id + '" is not in the dataset');
            return el;
          }
          var ok = agrees(printed, info);
          el.setAttribute('data-econ-status', ok ? 'ok' : 'mismatch');
          if (!ok) {
            el.setAttribute('data-econ-expected', info.display);
            if (window.console) console.warn('econ-widget: fact "' + id + '" is printed as "' + printed.trim() + '" but the dataset has ' + info.zh + ' (' + info.en + ')');
          }
          new Ref(el, info, printed); // eslint-disable-line no-new
          return el;
        });
      }));
    });
  }

  window.EconWidgetFacts = {
    scan: function (root) {
      return scan(root).catch(function (e) { if (window.console) console.error('econ-widget: ' + ((e && e.message) || e)); });
    },
    agrees: agrees
  };
  // The loader adds this script when it finds references: resolve those now.
  window.EconWidgetFacts.scan();
})();
