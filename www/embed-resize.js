/*! econ-widget iframe resizer — MIT. Docs: docs/embedding.md */
// For the page that embeds www/embed.html in an <iframe>: sets each such iframe's height to
// the height its content reports ({type: 'econ-widget:height', id, height} by postMessage), so
// the chart never scrolls inside the frame. A message only resizes the iframe that sent it.
// It never makes a frame shorter than the snippet made it: its data-heights ("w:h …", the
// heights the explorer measured per width; reserved at once for frames already on the page,
// so place this script right after the iframe) or else its height attribute — a frame that
// reports its small loading note first does not shrink and grow again.
(function () {
  'use strict';
  var floors = new WeakMap(); // iframe → {spec, attr}

  /** Height from "w:h w:h …" at `width`: that of the widest width up to it (else the first). */
  function fromSpec(spec, width) {
    var h = 0;
    String(spec || '').replace(/(\d+):(\d+)/g, function (m, a, b) {
      if (!h || width >= +a) h = +b;
    });
    return h;
  }

  /** The least height of a frame: what its snippet set, at its width now. */
  function floor(frame) {
    var f = floors.get(frame);
    if (!f) {
      f = { spec: frame.getAttribute('data-heights'), attr: Math.ceil(Number(frame.getAttribute('height'))) || 0 };
      floors.set(frame, f);
    }
    return fromSpec(f.spec, frame.getBoundingClientRect().width) || (f.attr > 0 && f.attr < 100000 ? f.attr : 0);
  }

  function apply(frame, height) {
    height = Math.max(height, floor(frame));
    if (!height) return;
    frame.setAttribute('height', String(height));
    frame.style.height = height + 'px';
  }

  function reserveAll() {
    var frames = document.querySelectorAll('iframe[data-heights]');
    for (var i = 0; i < frames.length; i++) {
      if (!floors.has(frames[i])) apply(frames[i], 0);
    }
  }

  if (window.econWidgetResize) {
    if (typeof window.econWidgetResize.scan === 'function') window.econWidgetResize.scan();
    return;
  }
  window.econWidgetResize = { scan: reserveAll };
  reserveAll();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', reserveAll);
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || typeof d !== 'object' || d.type !== 'econ-widget:height') return;
    var height = Math.ceil(Number(d.height));
    if (!(height > 0 && height < 100000)) return;
    var frame = null;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length && !frame; i++) {
      if (frames[i].contentWindow === e.source) frame = frames[i];
    }
    if (!frame && typeof d.id === 'string' && d.id) {
      // A frame nested in another: match by id, but only one showing the sender's origin.
      var byId = document.getElementById(d.id);
      try {
        if (byId && byId.tagName === 'IFRAME' && new URL(byId.src, location.href).origin === e.origin) frame = byId;
      } catch (err) { /* a bad src: no match */ }
    }
    if (!frame) return;
    apply(frame, height);
  });
})();
