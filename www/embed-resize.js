/*! econ-widget iframe resizer — MIT. Docs: docs/embedding.md */
// For the page that embeds www/embed.html in an <iframe>: sets each such iframe's height to
// the height its content reports ({type: 'econ-widget:height', id, height} by postMessage), so
// the chart never scrolls inside the frame. A message only resizes the iframe that sent it.
(function () {
  'use strict';
  if (window.econWidgetResize) return;
  window.econWidgetResize = true;
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
    frame.setAttribute('height', String(height));
    frame.style.height = height + 'px';
  });
})();
