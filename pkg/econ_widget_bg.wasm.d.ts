/* tslint:disable */
/* eslint-disable */
export const memory: WebAssembly.Memory;
export const __wbg_widgethandle_free: (a: number, b: number) => void;
export const schemaVersion: () => [number, number];
export const validateDataset: (a: any) => [number, number];
export const widgethandle_csv: (a: number) => [number, number];
export const widgethandle_focus: (a: number, b: any, c: any) => [number, number, number];
export const widgethandle_hover: (a: number, b: any, c: number, d: number) => [number, number, number];
export const widgethandle_new: (a: any, b: any) => [number, number, number];
export const widgethandle_render: (a: number, b: any, c: number, d: number, e: number) => [number, number, number];
export const widgethandle_render_to: (a: number, b: any, c: number, d: number, e: number) => [number, number, number];
export const widgethandle_select: (a: number, b: any) => [number, number, number];
export const widgethandle_set_series: (a: number, b: any, c: any, d: any, e: any) => [number, number];
export const widgethandle_state: (a: number) => any;
export const widgethandle_summary: (a: number) => [number, number];
export const widgethandle_svg: (a: number, b: number, c: number) => [number, number, number, number];
export const widgethandle_table: (a: number) => any;
export const widgethandle_title: (a: number) => [number, number];
export const widgethandle_toggle_series: (a: number, b: number) => [number, number, number];
export const widgethandle_views: (a: number) => any;
export const __wbindgen_malloc: (a: number, b: number) => number;
export const __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
export const __wbindgen_free: (a: number, b: number, c: number) => void;
export const __wbindgen_exn_store: (a: number) => void;
export const __externref_table_alloc: () => number;
export const __wbindgen_externrefs: WebAssembly.Table;
export const __externref_table_dealloc: (a: number) => void;
export const __wbindgen_start: () => void;
