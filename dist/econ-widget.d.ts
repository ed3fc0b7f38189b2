// Types of econ-widget's public JS API (www/src/api.js): the npm package's ES module
// (dist/econ-widget.mjs) and, as `EconWidget`, the classic scripts' global.
// Checked by tests/browser/types.test.mjs (a correct use compiles under --strict; wrong ones fail).

export type ChartKind = 'bar' | 'grouped_bar' | 'composition' | 'line' | 'bullet' | 'timeline';
export type Lang = 'zh' | 'en';
export type Theme = 'auto' | 'light' | 'dark';
export type Sort = 'none' | 'asc' | 'desc';

/** A partial selection: what select() and mount() take. Unknown fields are rejected. */
export interface Selection {
  view?: string;
  region?: string;
  topic?: string;
  /** A subset of the view's indicator ids. */
  indicators?: readonly string[];
  chart?: ChartKind;
  lang?: Lang;
  theme?: Theme;
  sort?: Sort;
  /** Series keys switched off in the legend. */
  hidden?: readonly string[];
  /** An editor's headline in place of the view's title (one line, ≤ 120 characters; "" for the view's own). */
  title?: string;
  /** An editor's description under the headline (≤ 300 characters); the unit and source lines stay. */
  description?: string;
  /** The one item drawn in colour, the others muted: a category or series label (either language, ≤ 300 characters) or a series key. */
  highlight?: string;
}

/** The full selection on screen (state(), select(), econ-widget:change). */
export interface State {
  view: string;
  region: string;
  topic: string;
  chart: ChartKind;
  indicators: string[];
  lang: Lang;
  theme: Theme;
  sort: Sort;
  hidden: string[];
  /** "" when not set. */
  title: string;
  description: string;
  highlight: string;
}

/** A host dataset (docs/dataset.md): JSON text or the parsed object. */
export type Dataset = string | { readonly [key: string]: unknown };

export interface MountOptions extends Selection {
  /** A host dataset of the embedded one's schema (the full builds only). */
  data?: Dataset;
  /** A "show data table" button under the chart. */
  tableToggle?: boolean;
  /** The chart's height in CSS px (120–4000), which a line chart fills; other charts are as tall as their content. */
  height?: number;
  /** The chart's width ÷ height instead of a height: a number (1.5) or "16:9" (from 1:4 to 4:1). */
  aspect?: number | string;
}

/** Where the wasm comes from (ready()); the default is the file beside the script or module. */
export interface ReadyOptions {
  /**
   * A URL, the bytes, or a Response (or its promise). (A WebAssembly.Module works too; it is left
   * out here because TypeScript's Module type is empty and would let any value through.)
   */
  wasm?: string | URL | BufferSource | Response | PromiseLike<Response>;
  /** An SRI hash for a `wasm` URL ("sha384-…"). */
  integrity?: string;
  /** A URL for the default wasm file name (e.g. a CDN's hashed name). */
  locateFile?: (file: string, scriptUrl: string | null) => string | URL;
}

export interface View {
  id: string;
  region: string;
  region_name: string;
  topic: string;
  topic_name: string;
  title: string;
  chart: ChartKind;
  charts: ChartKind[];
  indicators: { id: string; name: string }[];
}

export interface Table {
  caption: string;
  columns: string[];
  rows: string[][];
}

export interface SourceRef {
  doc: string;
  doc_title: string;
  doc_date: string;
  /** The verbatim quote that contains the number. */
  quote: string;
}

/** What is under the pointer or keyboard focus: a datum, or a legend entry. */
export interface Datum {
  kind: 'datum' | 'point' | 'legend';
  index: number;
  position: number | null;
  count: number;
  label: string;
  series: string;
  value: string;
  period: string;
  value_kind: string;
  share: string | null;
  detail: string | null;
  sources: SourceRef[];
  announce: string;
  x: number;
  y: number;
  ring: number[];
}

/** A host series for setSeries(): x ascending, equal lengths, finite. */
export interface Series {
  label?: string | number | null;
  unit?: string | number | null;
  x: Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array | Uint8ClampedArray | readonly number[];
  y: Series['x'];
}

/** Every error the API throws: `code` and `path` name the problem. */
export interface EconWidgetError extends Error {
  name: 'EconWidgetError';
  code: string;
  path: string;
  detail: string;
}

export interface RenderDetail {
  width: number;
  height: number;
  dpr: number;
  dark: boolean;
}

export interface ErrorDetail {
  code: string;
  path: string;
  message: string;
}

/** The events a widget's element fires (bubbling, composed), by their short names for on(). */
export interface EventMap {
  change: State;
  render: RenderDetail;
  error: ErrorDetail;
  /** The datum under the pointer, or null when it leaves. */
  hover: Datum | null;
  /** A click or tap on a datum or legend entry. */
  click: Datum;
  /** The datum keyboard focus moved to, or null when it left. */
  focus: Datum | null;
}

declare global {
  /** The classic scripts (dist/econ-widget.js, .full.js, .inline.js) define it. */
  interface Window {
    EconWidget?: EconWidgetApi;
  }
  interface HTMLElementEventMap {
    'econ-widget:change': CustomEvent<State>;
    'econ-widget:render': CustomEvent<RenderDetail>;
    'econ-widget:error': CustomEvent<ErrorDetail>;
    'econ-widget:hover': CustomEvent<Datum | null>;
    'econ-widget:click': CustomEvent<Datum>;
    'econ-widget:focus': CustomEvent<Datum | null>;
  }
}

export interface PngOptions {
  width?: number;
  dpr?: number;
  dark?: boolean;
}

export interface Handle {
  readonly element: HTMLElement;
  /** Applies a partial selection; throws (code, path) and changes nothing if it is bad. */
  select(partial: Selection): State;
  state(): State;
  views(): View[];
  table(): Table;
  /** The table as CSV (UTF-8 with BOM). */
  csv(): string;
  summary(): string;
  title(): string;
  /** The chart as SVG (the full builds only). */
  svg(width?: number, dark?: boolean): string;
  png(options?: PngOptions): Promise<Blob>;
  /** A host series as a line chart (the full builds only); selecting a view goes back. */
  setSeries(series: Series): State;
  /** New data of the same schema; keeps the selection where the new data allows it. */
  setData(data: Dataset): State;
  /** Lays the chart out for the element's size now (after a size change the page made). */
  resize(): RenderDetail | null;
  toggleSeries(index: number): State;
  focus(how: 'next' | 'prev' | 'first' | 'last' | 'none'): Datum | null;
  /** Listens to econ-widget:<type> on the element; returns the function that stops it. */
  on<K extends keyof EventMap>(type: K, listener: (detail: EventMap[K], event: CustomEvent<EventMap[K]>) => void): () => void;
  /** Resolves after the pending render. */
  rendered(): Promise<void>;
  destroy(): void;
}

export const version: string;
export const fields: readonly string[];
export function ready(options?: ReadyOptions): Promise<EconWidgetApi>;
export function mount(element: Element, options?: MountOptions): Promise<Handle>;
/** Throws the dataset's first problem (code, path); the full builds only. */
export function validateDataset(data: Dataset): void;
export function schemaVersion(): string;

/** A figure of a text checked against the embedded dataset (offsets in UTF-16 code units). */
export interface Finding {
  text: string;
  start: number;
  end: number;
  status: 'match' | 'contradicts' | 'unknown';
  fact?: string;
  expected?: string;
}
export interface CheckOptions {
  lang?: 'zh' | 'en';
  region?: string | null;
  period?: string | null;
}
/** One dataset value as a fact reference's card shows it (display: the figure in the card's language). */
export interface Fact {
  id: string;
  display: string;
  zh: string;
  en: string;
  period: string;
  region: string;
  indicator: string;
  subject: string;
  quote: string;
  doc: { title: string; publisher: string; date: string } | null;
}

export interface EconWidgetApi {
  readonly version: string;
  readonly fields: readonly string[];
  ready: typeof ready;
  mount: typeof mount;
  validateDataset: typeof validateDataset;
  schemaVersion: typeof schemaVersion;
  /** Checks the figures in a text; the full builds only (econ-widget.js rejects with host_data_unavailable). */
  checkText(text: string, options?: CheckOptions): Promise<Finding[]>;
  /** One value's card, null for an id the dataset lacks; the full builds only (econ-widget.js rejects with host_data_unavailable). */
  fact(id: string, options?: { lang?: 'zh' | 'en' }): Promise<Fact | null>;
}

declare const EconWidget: EconWidgetApi;
export default EconWidget;
