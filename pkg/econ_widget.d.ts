declare namespace wasm_bindgen {
    /* tslint:disable */
    /* eslint-disable */

    export class WidgetHandle {
        free(): void;
        [Symbol.dispose](): void;
        csv(): string;
        /**
         * Keyboard: "next", "prev", "first", "last" or "none".
         */
        focus(overlay: any, how: any): any;
        /**
         * Hover: returns what is under (x, y) CSS px (or null) and rings it on the overlay —
         * the chart canvas is not touched.
         */
        hover(overlay: any, x: number, y: number): any;
        /**
         * `data`: undefined/null for the embedded dataset, or a host dataset as JSON text or a
         * plain object. `init`: a partial selection.
         */
        constructor(data: any, init: any);
        /**
         * Lays out for `width` CSS px, sizes the canvas for `dpr` and paints it. Returns the
         * height in CSS px the element needs. On error the canvas keeps its last chart.
         */
        render(canvas: any, width: number, dpr: number, dark: boolean): number;
        /**
         * Paints the chart on another canvas (PNG export at 2×) without touching the live one:
         * hover and focus keep using the scene on screen.
         */
        render_to(canvas: any, width: number, dpr: number, dark: boolean): number;
        /**
         * Applies a partial selection and returns the full new one. A bad selection throws and
         * changes nothing.
         */
        select(patch: any): any;
        /**
         * Shows a host series as a line chart: `x` and `y` are Float64Arrays, copied once into
         * wasm memory (see `host_series::read`). Errors name the offending index. The one-chart
         * build answers `host_data_unavailable` (see `show_series`).
         */
        set_series(label: any, unit: any, x: Float64Array, y: Float64Array): void;
        state(): any;
        summary(): string;
        /**
         * The chart as SVG text. The one-chart build answers `host_data_unavailable` (see
         * `export_svg`).
         */
        svg(width: number, dark: boolean): string;
        table(): any;
        title(): string;
        /**
         * Legend click. Returns the new selection; the caller re-renders.
         */
        toggle_series(index: number): any;
        views(): any;
    }

    /**
     * The schema id this build reads (for host pages that check before passing data).
     */
    export function schemaVersion(): string;

    /**
     * Validates a host dataset without creating a widget; throws the first problem found.
     */
    export function validateDataset(data: any): void;

}
declare type InitInput = RequestInfo | URL | Response | BufferSource | WebAssembly.Module;

declare interface InitOutput {
    readonly memory: WebAssembly.Memory;
    readonly __wbg_widgethandle_free: (a: number, b: number) => void;
    readonly schemaVersion: () => [number, number];
    readonly validateDataset: (a: any) => [number, number];
    readonly widgethandle_csv: (a: number) => [number, number];
    readonly widgethandle_focus: (a: number, b: any, c: any) => [number, number, number];
    readonly widgethandle_hover: (a: number, b: any, c: number, d: number) => [number, number, number];
    readonly widgethandle_new: (a: any, b: any) => [number, number, number];
    readonly widgethandle_render: (a: number, b: any, c: number, d: number, e: number) => [number, number, number];
    readonly widgethandle_render_to: (a: number, b: any, c: number, d: number, e: number) => [number, number, number];
    readonly widgethandle_select: (a: number, b: any) => [number, number, number];
    readonly widgethandle_set_series: (a: number, b: any, c: any, d: any, e: any) => [number, number];
    readonly widgethandle_state: (a: number) => any;
    readonly widgethandle_summary: (a: number) => [number, number];
    readonly widgethandle_svg: (a: number, b: number, c: number) => [number, number, number, number];
    readonly widgethandle_table: (a: number) => any;
    readonly widgethandle_title: (a: number) => [number, number];
    readonly widgethandle_toggle_series: (a: number, b: number) => [number, number, number];
    readonly widgethandle_views: (a: number) => any;
    readonly __wbindgen_malloc: (a: number, b: number) => number;
    readonly __wbindgen_realloc: (a: number, b: number, c: number, d: number) => number;
    readonly __wbindgen_free: (a: number, b: number, c: number) => void;
    readonly __wbindgen_exn_store: (a: number) => void;
    readonly __externref_table_alloc: () => number;
    readonly __wbindgen_externrefs: WebAssembly.Table;
    readonly __externref_table_dealloc: (a: number) => void;
    readonly __wbindgen_start: () => void;
}

declare type SyncInitInput = BufferSource | WebAssembly.Module;

declare namespace wasm_bindgen {
    /**
     * Instantiates the given `module`, which can either be bytes or
     * a precompiled `WebAssembly.Module`.
     *
     * @param {{ module: SyncInitInput }} module - Passing `SyncInitInput` directly is deprecated.
     *
     * @returns {InitOutput}
     */
    export function initSync(module: { module: SyncInitInput } | SyncInitInput): InitOutput;
}

/**
 * If `module_or_path` is {RequestInfo} or {URL}, makes a request and
 * for everything else, calls `WebAssembly.instantiate` directly.
 *
 * @param {{ module_or_path: InitInput | Promise<InitInput> }} module_or_path - Passing `InitInput` directly is deprecated.
 *
 * @returns {Promise<InitOutput>}
 */
declare function wasm_bindgen (module_or_path?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>): Promise<InitOutput>;
