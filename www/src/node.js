// The Node entry's addition to the JS API (scripts/bundle.mjs appends it after api.js in
// dist/econ-widget.node.mjs and .cjs only): charts without a DOM, for SVG, CSV and table output
// on a server or at build time. The same wasm (the full build) and the same checks as mount().

/**
 * A chart without an element: `options` as for mount() (a partial selection, `data`). Throws
 * (code, path) on bad options; call ready() first. `destroy()` frees its wasm memory.
 */
EconWidget.createChart = function (options) {
  if (!ewLoaded) throw ewError('not_ready', 'createChart', 'wait for EconWidget.ready() first');
  options = options == null ? {} : options;
  if (typeof options !== 'object') throw ewError('bad_type', 'options', 'expected an object of options, got ' + ewDescribe(options));
  var init = ewPlain(options, 'selection', 0, 'data');
  var h = new wasm_bindgen.WidgetHandle(options.data != null ? ewDatasetText(options.data) : null, init);
  var alive = function () {
    if (!h) throw ewError('destroyed', 'chart', 'this chart was destroyed');
    return h;
  };
  return {
    select: function (partial) { return alive().select(ewPlain(partial, 'selection', 0)); },
    state: function () { return alive().state(); },
    views: function () { return alive().views(); },
    table: function () { return alive().table(); },
    csv: function () { return alive().csv(); },
    summary: function () { return alive().summary(); },
    title: function () { return alive().title(); },
    svg: function (width, dark) {
      if (width != null && typeof width !== 'number') throw ewError('bad_type', 'width', 'expected a number of CSS px, got ' + ewDescribe(width));
      return alive().svg(width == null ? 640 : width, !!dark);
    },
    destroy: function () {
      if (h) h.free();
      h = null;
    }
  };
};
