// Types of the Node entry (dist/econ-widget.node.mjs, .cjs): the browser API plus createChart().
import type { MountOptions, Selection, State, Table, View, EconWidgetApi } from './econ-widget.js';

export * from './econ-widget.js';

/** A chart without a DOM: SVG, CSV and tables in Node. */
export interface HeadlessChart {
  select(partial: Selection): State;
  state(): State;
  views(): View[];
  table(): Table;
  csv(): string;
  summary(): string;
  title(): string;
  svg(width?: number, dark?: boolean): string;
  destroy(): void;
}

/** Call ready() first. Options as for mount() (without tableToggle). */
export function createChart(options?: Omit<MountOptions, 'tableToggle'>): HeadlessChart;

declare const EconWidget: EconWidgetApi & { createChart: typeof createChart };
export default EconWidget;
