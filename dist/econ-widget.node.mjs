/*! econ-widget 0.1.0 | MIT */
import { readFile } from 'node:fs/promises';
const EconWidget = (function () {
'use strict';
function ewGlue() {
let wasm_bindgen = (function(exports) {
    let script_src;

    class WidgetHandle {
        __destroy_into_raw() {
            const ptr = this.__wbg_ptr;
            this.__wbg_ptr = 0;
            WidgetHandleFinalization.unregister(this);
            return ptr;
        }
        free() {
            const ptr = this.__destroy_into_raw();
            wasm.__wbg_widgethandle_free(ptr, 0);
        }
        /**
         * @returns {string}
         */
        csv() {
            let deferred2_0;
            let deferred2_1;
            try {
                const ret = wasm.widgethandle_csv(this.__wbg_ptr);
                var ptr1 = ret[0];
                var len1 = ret[1];
                if (ret[3]) {
                    ptr1 = 0; len1 = 0;
                    throw takeFromExternrefTable0(ret[2]);
                }
                deferred2_0 = ptr1;
                deferred2_1 = len1;
                return getStringFromWasm0(ptr1, len1);
            } finally {
                wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
            }
        }
        /**
         * The height (CSS px) a line chart is laid out to fill (an editor's height or aspect
         * ratio); 0 for the height its width gives. Takes effect at the next render.
         * @param {number} height
         */
        fit(height) {
            wasm.widgethandle_fit(this.__wbg_ptr, height);
        }
        /**
         * Keyboard: "next", "prev", "first", "last" or "none".
         * @param {any} how
         * @returns {any}
         */
        focus(how) {
            const ret = wasm.widgethandle_focus(this.__wbg_ptr, how);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            return takeFromExternrefTable0(ret[0]);
        }
        /**
         * Hover: what is under (x, y) CSS px, or null. Its `ring` is the box the JS shell rings
         * with a bordered element: a pointer move redraws no canvas.
         * @param {number} x
         * @param {number} y
         * @returns {any}
         */
        hover(x, y) {
            const ret = wasm.widgethandle_hover(this.__wbg_ptr, x, y);
            return ret;
        }
        /**
         * `data`: undefined/null for the embedded dataset, or a host dataset as JSON text or a
         * plain object. `init`: a partial selection.
         * @param {any} data
         * @param {any} init
         */
        constructor(data, init) {
            const ret = wasm.widgethandle_new(data, init);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            this.__wbg_ptr = ret[0];
            WidgetHandleFinalization.register(this, this.__wbg_ptr, this);
            return this;
        }
        /**
         * Lays out for `width` CSS px, sizes the canvas for `dpr` and paints it. Returns the
         * height in CSS px the element needs. On error the canvas keeps its last chart.
         * @param {any} canvas
         * @param {number} width
         * @param {number} dpr
         * @param {boolean} dark
         * @returns {number}
         */
        render(canvas, width, dpr, dark) {
            const ret = wasm.widgethandle_render(this.__wbg_ptr, canvas, width, dpr, dark);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            return ret[0];
        }
        /**
         * Paints the chart on another canvas (PNG export at 2×) without touching the live one:
         * hover and focus keep using the scene on screen.
         * @param {any} canvas
         * @param {number} width
         * @param {number} dpr
         * @param {boolean} dark
         * @returns {number}
         */
        render_to(canvas, width, dpr, dark) {
            const ret = wasm.widgethandle_render_to(this.__wbg_ptr, canvas, width, dpr, dark);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            return ret[0];
        }
        /**
         * Applies a partial selection and returns the full new one. A bad selection throws and
         * changes nothing.
         * @param {any} patch
         * @returns {any}
         */
        select(patch) {
            const ret = wasm.widgethandle_select(this.__wbg_ptr, patch);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            return takeFromExternrefTable0(ret[0]);
        }
        /**
         * Shows a host series as a line chart: `x` and `y` are Float64Arrays, copied once into
         * wasm memory (see `host_series::read`). Errors name the offending index. The one-chart
         * build has no such method: its JS API answers `host_data_unavailable` first.
         * @param {any} label
         * @param {any} unit
         * @param {Float64Array} x
         * @param {Float64Array} y
         */
        set_series(label, unit, x, y) {
            const ret = wasm.widgethandle_set_series(this.__wbg_ptr, label, unit, x, y);
            if (ret[1]) {
                throw takeFromExternrefTable0(ret[0]);
            }
        }
        /**
         * @returns {any}
         */
        state() {
            const ret = wasm.widgethandle_state(this.__wbg_ptr);
            return ret;
        }
        /**
         * @returns {string}
         */
        summary() {
            let deferred1_0;
            let deferred1_1;
            try {
                const ret = wasm.widgethandle_summary(this.__wbg_ptr);
                deferred1_0 = ret[0];
                deferred1_1 = ret[1];
                return getStringFromWasm0(ret[0], ret[1]);
            } finally {
                wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
            }
        }
        /**
         * The chart as SVG text (the full build only, as `set_series`).
         * @param {number} width
         * @param {boolean} dark
         * @returns {string}
         */
        svg(width, dark) {
            let deferred2_0;
            let deferred2_1;
            try {
                const ret = wasm.widgethandle_svg(this.__wbg_ptr, width, dark);
                var ptr1 = ret[0];
                var len1 = ret[1];
                if (ret[3]) {
                    ptr1 = 0; len1 = 0;
                    throw takeFromExternrefTable0(ret[2]);
                }
                deferred2_0 = ptr1;
                deferred2_1 = len1;
                return getStringFromWasm0(ptr1, len1);
            } finally {
                wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
            }
        }
        /**
         * @returns {any}
         */
        table() {
            const ret = wasm.widgethandle_table(this.__wbg_ptr);
            return ret;
        }
        /**
         * @returns {string}
         */
        title() {
            let deferred1_0;
            let deferred1_1;
            try {
                const ret = wasm.widgethandle_title(this.__wbg_ptr);
                deferred1_0 = ret[0];
                deferred1_1 = ret[1];
                return getStringFromWasm0(ret[0], ret[1]);
            } finally {
                wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
            }
        }
        /**
         * Legend click. Returns the new selection; the caller re-renders.
         * @param {number} index
         * @returns {any}
         */
        toggle_series(index) {
            const ret = wasm.widgethandle_toggle_series(this.__wbg_ptr, index);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            return takeFromExternrefTable0(ret[0]);
        }
        /**
         * @returns {any}
         */
        views() {
            const ret = wasm.widgethandle_views(this.__wbg_ptr);
            return ret;
        }
    }
    if (Symbol.dispose) WidgetHandle.prototype[Symbol.dispose] = WidgetHandle.prototype.free;
    exports.WidgetHandle = WidgetHandle;

    /**
     * The text checker: `[{text, start, end, status, fact?, expected?}]`, offsets in UTF-16
     * code units; `region` and `period` may be null. The arguments are read in the full build
     * only: the one-chart build's stub is the error alone (its argument checks cost 0.45 KB gzip).
     * @param {any} text
     * @param {any} lang
     * @param {any} region
     * @param {any} period
     * @returns {any}
     */
    function checkText(text, lang, region, period) {
        const ret = wasm.checkText(text, lang, region, period);
        if (ret[2]) {
            throw takeFromExternrefTable0(ret[1]);
        }
        return takeFromExternrefTable0(ret[0]);
    }
    exports.checkText = checkText;

    /**
     * A value for a fact reference's card (src/facts.rs `fact_card`), as fields joined by U+001F
     * (www/src/api.js `fact` splits them); "" for an id the dataset lacks. As one string it needs
     * no JSON writer.
     * @param {any} id
     * @param {any} lang
     * @returns {string}
     */
    function factInfo(id, lang) {
        let deferred2_0;
        let deferred2_1;
        try {
            const ret = wasm.factInfo(id, lang);
            var ptr1 = ret[0];
            var len1 = ret[1];
            if (ret[3]) {
                ptr1 = 0; len1 = 0;
                throw takeFromExternrefTable0(ret[2]);
            }
            deferred2_0 = ptr1;
            deferred2_1 = len1;
            return getStringFromWasm0(ptr1, len1);
        } finally {
            wasm.__wbindgen_free(deferred2_0, deferred2_1, 1);
        }
    }
    exports.factInfo = factInfo;

    /**
     * The schema id this build reads (for host pages that check before passing data).
     * @returns {string}
     */
    function schemaVersion() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.schemaVersion();
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.__wbindgen_free(deferred1_0, deferred1_1, 1);
        }
    }
    exports.schemaVersion = schemaVersion;

    /**
     * Validates a host dataset without creating a widget; throws the first problem found.
     * @param {any} data
     */
    function validateDataset(data) {
        const ret = wasm.validateDataset(data);
        if (ret[1]) {
            throw takeFromExternrefTable0(ret[0]);
        }
    }
    exports.validateDataset = validateDataset;
    function __wbg_get_imports() {
        const import0 = {
            __proto__: null,
            U: function(arg0, arg1) {
                const ret = Error(getStringFromWasm0(arg0, arg1));
                return ret;
            },
            Q: function(arg0) {
                const ret = Number(arg0);
                return ret;
            },
            a: function(arg0, arg1) {
                const ret = String(arg1);
                const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
                const len1 = WASM_VECTOR_LEN;
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
            },
            R: function(arg0, arg1) {
                const v = arg1;
                const ret = typeof(v) === 'bigint' ? v : undefined;
                getDataViewMemory0().setBigInt64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? BigInt(0) : ret, true);
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
            },
            S: function(arg0) {
                const v = arg0;
                const ret = typeof(v) === 'boolean' ? v : undefined;
                return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
            },
            T: function(arg0, arg1) {
                const ret = debugString(arg1);
                const ptr1 = passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
                const len1 = WASM_VECTOR_LEN;
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
            },
            V: function(arg0, arg1) {
                const ret = arg0 in arg1;
                return ret;
            },
            W: function(arg0) {
                const ret = typeof(arg0) === 'bigint';
                return ret;
            },
            X: function(arg0) {
                const ret = typeof(arg0) === 'function';
                return ret;
            },
            Y: function(arg0) {
                const ret = arg0 === null;
                return ret;
            },
            Z: function(arg0) {
                const val = arg0;
                const ret = typeof(val) === 'object' && val !== null;
                return ret;
            },
            aa: function(arg0) {
                const ret = typeof(arg0) === 'string';
                return ret;
            },
            ab: function(arg0) {
                const ret = arg0 === undefined;
                return ret;
            },
            ac: function(arg0, arg1) {
                const ret = arg0 === arg1;
                return ret;
            },
            ad: function(arg0, arg1) {
                const ret = arg0 == arg1;
                return ret;
            },
            ae: function(arg0, arg1) {
                const obj = arg1;
                const ret = typeof(obj) === 'number' ? obj : undefined;
                getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
            },
            af: function(arg0, arg1) {
                const obj = arg1;
                const ret = typeof(obj) === 'string' ? obj : undefined;
                var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.__wbindgen_malloc, wasm.__wbindgen_realloc);
                var len1 = WASM_VECTOR_LEN;
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
            },
            ag: function(arg0, arg1) {
                throw new Error(getStringFromWasm0(arg0, arg1));
            },
            ah: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4, arg5) {
                arg0.arc(arg1, arg2, arg3, arg4, arg5);
            }, arguments); },
            ai: function(arg0) {
                arg0.beginPath();
            },
            s: function() { return handleError(function (arg0, arg1) {
                const ret = arg0.call(arg1);
                return ret;
            }, arguments); },
            v: function(arg0) {
                const ret = arg0.done;
                return ret;
            },
            A: function(arg0) {
                const ret = Object.entries(arg0);
                return ret;
            },
            ak: function(arg0, arg1, arg2, arg3, arg4) {
                arg0.fillRect(arg1, arg2, arg3, arg4);
            },
            al: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
                arg0.fillText(getStringFromWasm0(arg1, arg2), arg3, arg4);
            }, arguments); },
            aj: function(arg0) {
                arg0.fill();
            },
            aw: function() { return handleError(function (arg0, arg1, arg2) {
                const ret = arg0.getContext(getStringFromWasm0(arg1, arg2));
                return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
            }, arguments); },
            E: function() { return handleError(function (arg0, arg1) {
                const ret = Reflect.getOwnPropertyDescriptor(arg0, arg1);
                return ret;
            }, arguments); },
            B: function(arg0) {
                const ret = Object.getPrototypeOf(arg0);
                return ret;
            },
            D: function() { return handleError(function (arg0, arg1) {
                const ret = Reflect.get(arg0, arg1);
                return ret;
            }, arguments); },
            F: function() { return handleError(function (arg0, arg1) {
                const ret = Reflect.get(arg0, arg1);
                return ret;
            }, arguments); },
            k: function(arg0, arg1) {
                const ret = arg0[arg1 >>> 0];
                return ret;
            },
            l: function(arg0, arg1) {
                const ret = arg0[arg1 >>> 0];
                return ret;
            },
            ax: function(arg0) {
                const ret = arg0.height;
                return ret;
            },
            M: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof ArrayBuffer;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            av: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof CanvasRenderingContext2D;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            N: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof Error;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            aB: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof HTMLCanvasElement;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            O: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof Map;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            P: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof Uint8Array;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            i: function(arg0) {
                const ret = Array.isArray(arg0);
                return ret;
            },
            z: function(arg0) {
                const ret = Number.isSafeInteger(arg0);
                return ret;
            },
            H: function() {
                const ret = Symbol.iterator;
                return ret;
            },
            K: function(arg0) {
                const ret = arg0.length;
                return ret;
            },
            m: function(arg0) {
                const ret = arg0.length;
                return ret;
            },
            am: function(arg0, arg1, arg2) {
                arg0.lineTo(arg1, arg2);
            },
            o: function(arg0) {
                const ret = arg0.message;
                return ret;
            },
            an: function(arg0, arg1, arg2) {
                arg0.moveTo(arg1, arg2);
            },
            L: function(arg0) {
                const ret = new Uint8Array(arg0);
                return ret;
            },
            j: function() {
                const ret = new Array();
                return ret;
            },
            p: function(arg0, arg1) {
                const ret = new Error(getStringFromWasm0(arg0, arg1));
                return ret;
            },
            f: function() { return handleError(function (arg0, arg1, arg2) {
                const ret = new Float64Array(arg0, arg1 >>> 0, arg2 >>> 0);
                return ret;
            }, arguments); },
            C: function() {
                const ret = new Object();
                return ret;
            },
            r: function(arg0) {
                const ret = new Float64Array(arg0 >>> 0);
                return ret;
            },
            t: function(arg0) {
                const ret = arg0.next;
                return ret;
            },
            u: function() { return handleError(function (arg0) {
                const ret = arg0.next();
                return ret;
            }, arguments); },
            x: function() { return handleError(function (arg0, arg1) {
                const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
                return ret;
            }, arguments); },
            J: function(arg0, arg1, arg2) {
                Uint8Array.prototype.set.call(getArrayU8FromWasm0(arg0, arg1), arg2);
            },
            g: function() { return handleError(function (arg0, arg1, arg2) {
                Float64Array.prototype.set.call(getArrayF64FromWasm0(arg0, arg1), arg2);
            }, arguments); },
            n: function(arg0, arg1) {
                const ret = arg0.push(arg1);
                return ret;
            },
            G: function() { return handleError(function (arg0, arg1, arg2) {
                const ret = Reflect.set(arg0, arg1, arg2);
                return ret;
            }, arguments); },
            ao: function(arg0, arg1) {
                arg0.fillStyle = arg1;
            },
            ap: function(arg0, arg1, arg2) {
                arg0.font = getStringFromWasm0(arg1, arg2);
            },
            ay: function(arg0, arg1) {
                arg0.height = arg1 >>> 0;
            },
            aq: function(arg0, arg1) {
                arg0.lineWidth = arg1;
            },
            q: function(arg0, arg1, arg2) {
                arg0.name = getStringFromWasm0(arg1, arg2);
            },
            ar: function(arg0, arg1) {
                arg0.strokeStyle = arg1;
            },
            as: function(arg0, arg1, arg2) {
                arg0.textAlign = getStringFromWasm0(arg1, arg2);
            },
            at: function(arg0, arg1, arg2) {
                arg0.textBaseline = getStringFromWasm0(arg1, arg2);
            },
            az: function(arg0, arg1) {
                arg0.width = arg1 >>> 0;
            },
            y: function() { return handleError(function (arg0) {
                const ret = JSON.stringify(arg0);
                return ret;
            }, arguments); },
            __wbg_strokeRect_92ff808375332184: function(arg0, arg1, arg2, arg3, arg4) {
                arg0.strokeRect(arg1, arg2, arg3, arg4);
            },
            au: function(arg0) {
                arg0.stroke();
            },
            I: function() {
                const ret = Symbol.toStringTag;
                return ret;
            },
            w: function(arg0) {
                const ret = arg0.value;
                return ret;
            },
            aA: function(arg0) {
                const ret = arg0.width;
                return ret;
            },
            b: function(arg0) {
                // Cast intrinsic for `F64 -> Externref`.
                const ret = arg0;
                return ret;
            },
            c: function(arg0) {
                // Cast intrinsic for `I64 -> Externref`.
                const ret = arg0;
                return ret;
            },
            d: function(arg0, arg1) {
                // Cast intrinsic for `Ref(String) -> Externref`.
                const ret = getStringFromWasm0(arg0, arg1);
                return ret;
            },
            e: function(arg0) {
                // Cast intrinsic for `U64 -> Externref`.
                const ret = BigInt.asUintN(64, arg0);
                return ret;
            },
            h: function() {
                const table = wasm.__wbindgen_externrefs;
                table.set(0, undefined);
                table.set(1024, undefined);
                table.set(1025, null);
                table.set(1026, true);
                table.set(1027, false);
            },
        };
        return {
            __proto__: null,
            "a": import0,
        };
    }

    const WidgetHandleFinalization = (typeof FinalizationRegistry === 'undefined')
        ? { register: () => {}, unregister: () => {} }
        : new FinalizationRegistry(ptr => wasm.__wbg_widgethandle_free(ptr, 1));

    function addToExternrefTable0(obj) {
        const idx = wasm.__externref_table_alloc();
        wasm.__wbindgen_externrefs.set(idx, obj);
        return idx;
    }

    function debugString(val) {
        switch (typeof val) {
            // primitive types
            case 'number':
            case 'boolean':
            case 'undefined':
            return `${val}`;
            case 'string':
            return JSON.stringify(val);
            case 'bigint':
            return `${val}n`;
            case 'symbol':
            return val.description !== undefined
                ? `Symbol(${val.description})`
                : 'Symbol';
            case 'function':
            return typeof val.name === 'string' && val.name !== ''
                ? `Function(${val.name})`
                : 'Function';
            case 'object': {
                if (val === null) {
                    return 'null';
                }
                // objects
                if (Array.isArray(val)) {
                    return '[' + Array.from(val, debugString).join(', ') + ']';
                }
                // errors
                if (val instanceof Error) {
                    return `${val.name}: ${val.message}\n${val.stack}`;
                }

                const toStringOutput = toString.call(val);
                // Test for built-in
                const className = /\[object ([^\]]+)\]/.exec(toStringOutput)?.[1];

                // Failed to match the standard '[object ClassName]'
                if (className === undefined) {
                    return toStringOutput;
                }
                if (className === 'Object') {
                    // we're a user defined class or Object
                    // JSON.stringify avoids problems with cycles, and is generally much
                    // easier than looping through ownProperties of `val`.
                    try {
                        return 'Object(' + JSON.stringify(val) + ')';
                    } catch (_) {
                        return 'Object';
                    }
                }
                // TODO we could test for more things here, like `Set`s and `Map`s.
                return className;
            }
            // Per MDN: 'This list of values is exhaustive.'
            // https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Operators/typeof#description
        }
    }

    function getArrayF64FromWasm0(ptr, len) {
        ptr = ptr >>> 0;
        return getFloat64ArrayMemory0().subarray(ptr / 8, ptr / 8 + len);
    }

    function getArrayU8FromWasm0(ptr, len) {
        ptr = ptr >>> 0;
        return getUint8ArrayMemory0().subarray(ptr / 1, ptr / 1 + len);
    }

    let cachedDataViewMemory0 = null;
    function getDataViewMemory0() {
        if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
            cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
        }
        return cachedDataViewMemory0;
    }

    let cachedFloat64ArrayMemory0 = null;
    function getFloat64ArrayMemory0() {
        if (cachedFloat64ArrayMemory0 === null || cachedFloat64ArrayMemory0.byteLength === 0) {
            cachedFloat64ArrayMemory0 = new Float64Array(wasm.memory.buffer);
        }
        return cachedFloat64ArrayMemory0;
    }

    function getStringFromWasm0(ptr, len) {
        ptr = ptr >>> 0;
        return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
    }

    let cachedUint8ArrayMemory0 = null;
    function getUint8ArrayMemory0() {
        if (cachedUint8ArrayMemory0 === null || cachedUint8ArrayMemory0.byteLength === 0) {
            cachedUint8ArrayMemory0 = new Uint8Array(wasm.memory.buffer);
        }
        return cachedUint8ArrayMemory0;
    }

    function handleError(f, args) {
        try {
            return f.apply(this, args);
        } catch (e) {
            const idx = addToExternrefTable0(e);
            wasm.__wbindgen_exn_store(idx);
        }
    }

    function isLikeNone(x) {
        return x === undefined || x === null;
    }

    function passStringToWasm0(arg, malloc, realloc) {
        if (realloc === undefined) {
            const buf = cachedTextEncoder.encode(arg);
            const ptr = malloc(buf.length, 1) >>> 0;
            getUint8ArrayMemory0().subarray(ptr, ptr + buf.length).set(buf);
            WASM_VECTOR_LEN = buf.length;
            return ptr;
        }

        let len = arg.length;
        let ptr = malloc(len, 1) >>> 0;

        const mem = getUint8ArrayMemory0();

        let offset = 0;

        for (; offset < len; offset++) {
            const code = arg.charCodeAt(offset);
            if (code > 0x7F) break;
            mem[ptr + offset] = code;
        }
        if (offset !== len) {
            if (offset !== 0) {
                arg = arg.slice(offset);
            }
            ptr = realloc(ptr, len, len = offset + arg.length * 3, 1) >>> 0;
            const view = getUint8ArrayMemory0().subarray(ptr + offset, ptr + len);
            const ret = cachedTextEncoder.encodeInto(arg, view);

            offset += ret.written;
            ptr = realloc(ptr, len, offset, 1) >>> 0;
        }

        WASM_VECTOR_LEN = offset;
        return ptr;
    }

    function takeFromExternrefTable0(idx) {
        const value = wasm.__wbindgen_externrefs.get(idx);
        wasm.__externref_table_dealloc(idx);
        return value;
    }

    let cachedTextDecoder = new TextDecoder('utf-8', { ignoreBOM: true });
    cachedTextDecoder.decode();
    function decodeText(bytes) {
        return cachedTextDecoder.decode(bytes);
    }

    const cachedTextEncoder = new TextEncoder();

    if (!('encodeInto' in cachedTextEncoder)) {
        cachedTextEncoder.encodeInto = function (arg, view) {
            const buf = cachedTextEncoder.encode(arg);
            view.set(buf);
            return {
                read: arg.length,
                written: buf.length
            };
        };
    }

    let WASM_VECTOR_LEN = 0;

    let wasmModule, wasmInstance, wasm;
    function __wbg_finalize_init(instance, module) {
        wasmInstance = instance;
        wasm = instance.exports;
        wasmModule = module;
        cachedDataViewMemory0 = null;
        cachedFloat64ArrayMemory0 = null;
        cachedUint8ArrayMemory0 = null;
        wasm.__wbindgen_start();
        return wasm;
    }

    async function __wbg_load(module, imports) {
        if (typeof Response === 'function' && module instanceof Response) {
            if (!module.ok) {
                throw ewError('load_failed', 'wasm', module.url + ': HTTP ' + module.status);
            }

            if (typeof WebAssembly.instantiateStreaming === 'function') {
                try {
                    return await WebAssembly.instantiateStreaming(module, imports);
                } catch (e) {
                    const validResponse = expectedResponseType(module.type);

                    if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                        console.warn("econ-widget: " + module.url + ": Content-Type " + module.headers.get("Content-Type") + ", not application/wasm (docs/serving.md): compiled the slower way");

                    } else { throw e; }
                }
            }

            const bytes = await module.arrayBuffer();
            return await WebAssembly.instantiate(bytes, imports);
        } else {
            const instance = await WebAssembly.instantiate(module, imports);

            if (instance instanceof WebAssembly.Instance) {
                return { instance, module };
            } else {
                return instance;
            }
        }

        function expectedResponseType(type) {
            switch (type) {
                case 'basic': case 'cors': case 'default': return true;
            }
            return false;
        }
    }

    function initSync(module) {
        if (wasm !== undefined) return wasm;


        if (module !== undefined) {
            if (Object.getPrototypeOf(module) === Object.prototype) {
                ({module} = module)
            } else {
                console.warn('using deprecated parameters for `initSync()`; pass a single object instead')
            }
        }

        const imports = __wbg_get_imports();
        if (!(module instanceof WebAssembly.Module)) {
            module = new WebAssembly.Module(module);
        }
        const instance = new WebAssembly.Instance(module, imports);
        return __wbg_finalize_init(instance, module);
    }

    let __wbg_init_promise;
    async function __wbg_init(module_or_path) {
        if (wasm !== undefined) return wasm;
        if (__wbg_init_promise === undefined) {
            __wbg_init_promise = __wbg_init_once(module_or_path);
            __wbg_init_promise.catch(() => { __wbg_init_promise = undefined; });
        }
        return __wbg_init_promise;
    }

    async function __wbg_init_once(module_or_path) {

        ({module_or_path} = module_or_path);

        if (module_or_path === undefined && script_src !== undefined) {
            module_or_path = script_src.replace(/\.js$/, "_bg.wasm");
        }
        const imports = __wbg_get_imports();

        if (typeof module_or_path === 'string' || (typeof Request === 'function' && module_or_path instanceof Request) || (typeof URL === 'function' && module_or_path instanceof URL)) {
            module_or_path = fetch(module_or_path);
        }

        const { instance, module } = await __wbg_load(await module_or_path, imports);

        return __wbg_finalize_init(instance, module);
    }

    return Object.assign(__wbg_init, exports);
})({ __proto__: null });

return wasm_bindgen;
}
var wasm_bindgen = ewGlue();
var EW_HOST_DATA = true;
var EW_MODULE = true;
var EW_WASM_SOURCE = null;
var EW_WASM_FILE = "econ_widget_full_bg.wasm";
var EW_VERSION = "0.1.0";
var EW_WASM_INTEGRITY = "sha256-ZbGMJmGDJ73/ttaIUE/f+tWZy6Vwzg586GxTWW1Qp0I=";
var EW_DEFAULT_WASM = function () { return readFile(new URL('./econ_widget_full_bg.wasm', import.meta.url)); };
// econ-widget's JS API (window.EconWidget, or the ES module's exports). scripts/bundle.mjs
// appends this file, inside one IIFE, after wasm-bindgen's no-modules glue (which defines
// `wasm_bindgen`) and the build's constants: EW_WASM_SOURCE (the wasm as base64, or null: then
// EW_WASM_FILE is fetched from next to this script, or EW_DEFAULT_WASM() gives it), EW_VERSION,
// EW_WASM_INTEGRITY (the wasm's SRI hash) and EW_MODULE (true in the ES modules). Everything here is DOM glue: sizing, events, tooltip, accessibility.
// The chart, hit-testing and all text come from Rust (src/web.rs).
// EW_HOST_DATA is a constant set by scripts/bundle.mjs: true in the bundles with the host-data
// wasm (econ-widget.full.js, econ-widget.inline.js), false in the one-chart econ-widget.js,
// where each `if (!EW_HOST_DATA) throw ewUnavailable(…)` makes the host-data code after it
// dead, and terser drops that code and the helpers only it uses (ewDatasetText, ewNumbers, …).

// Captured while the script runs: document.currentScript is null afterwards.
var EW_SCRIPT_URL = (typeof document !== 'undefined' && document.currentScript && document.currentScript.src) || null;
var EW_FIELDS = ['view', 'region', 'topic', 'indicators', 'chart', 'lang', 'theme', 'sort', 'hidden'];

var ewReady = null;
var ewLoaded = false;
var ewMemory = null; // the wasm instance's WebAssembly.Memory (for EconWidget._memoryBytes)
var ewInstances = new WeakMap();
var ewSheet = null;
// A trapped wasm instance is discarded, never reused (its stack pointer, borrow flags and heap
// may be left mid-call, its memory grown for good): the widgets still on it move to a fresh
// one (Widget.rehome). ewGlue() (scripts/bundle.mjs) makes a fresh copy of wasm-bindgen's glue,
// which holds one instance; ewLive are the widgets not destroyed.
var ewLive = new Set();
var ewReadyOptions; // what the page's first ready() was given: a fresh instance loads the same wasm
// Between beforeprint and afterprint: widgets (also those made meanwhile) draw for paper.
var ewPrinting = false;
if (typeof window !== 'undefined' && window.addEventListener) {
  window.addEventListener('beforeprint', function () { ewPrinting = true; });
  window.addEventListener('afterprint', function () { ewPrinting = false; });
}

var EW_CSS = [
  ':host{display:block;position:relative;min-width:0;max-width:100%;',
  "font:13px/1.45 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif;color:#1f2328}",
  ':host([hidden]){display:none}',
  'slot,.ew-small .ew-chart{display:none}.ew-small slot{display:block}::slotted(img){max-width:100%;height:auto}',
  '.ew-chart{position:relative;display:block;outline:none;border-radius:4px}',
  '.ew-chart:focus-visible{outline:2px solid #1a66d2;outline-offset:2px}',
  '.ew-chart.ew-dark:focus-visible{outline-color:#7eb3ff}',
  '.ew-canvas{display:block;max-width:none;touch-action:pan-x pan-y}',
  '.ew-canvas.ew-clickable{cursor:pointer}',
  // The hover/focus ring: a bordered box moved over the mark's ring box (from the wasm) with a
  // transform, on its own layer, so a pointer move redraws no canvas. 2 px of the focus colour
  // just outside the mark, on 2 px of the background beyond it (3:1 on any series colour).
  '.ew-ring{display:none;position:absolute;left:0;top:0;box-sizing:border-box;border:2px solid #1f2328;box-shadow:0 0 0 2px #fff;pointer-events:none;will-change:transform}',
  '.ew-dark .ew-ring{border-color:#fff;box-shadow:0 0 0 2px #15191e}',
  '.ew-tip{position:absolute;left:0;top:0;z-index:2;box-sizing:border-box;max-width:min(320px,100%);',
  'padding:8px 10px;border:1px solid #c8ced6;border-radius:6px;background:#fff;color:#1f2328;',
  'box-shadow:0 4px 14px rgba(0,0,0,.16);pointer-events:none;overflow:hidden;overflow-wrap:anywhere;font-size:13px}',
  '.ew-tip[hidden]{display:none}',
  '.ew-dark .ew-tip{background:#1f2428;color:#e6edf3;border-color:#444c56;box-shadow:0 4px 14px rgba(0,0,0,.5)}',
  '.ew-tip-label{font-weight:700;margin:0 0 2px}',
  '.ew-tip-value{font-size:16px;font-weight:700;margin:0}',
  '.ew-tip-meta,.ew-tip-detail{margin:2px 0 0}',
  '.ew-tip-source{margin:6px 0 0;padding-top:6px;border-top:1px solid #d8dee4;color:#57606a;font-size:12px}',
  '.ew-dark .ew-tip-source{border-top-color:#3d444d;color:#9da7b3}',
  '.ew-tip-quote{margin:2px 0 0;font-style:normal;color:#57606a;font-size:12px}',
  '.ew-dark .ew-tip-quote{color:#9da7b3}',
  // Print: the chart only (no buttons, no tooltip or ring), scaled into the page's width.
  '@media print{.ew-table-toggle,.ew-tip,.ew-ring{display:none!important}.ew-canvas{max-width:100%;height:auto!important}.ew-chart,.ew-extra{break-inside:avoid}}',
  '.ew-sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}',
  // Host pages cannot break the layout: everything sits in one block (so a page's flex or grid
  // rule on the host lays out a single child), and the inner boxes reset what they would
  // inherit from the page. A page's display:none on the host still hides the widget.
  '.ew-root{display:block;position:relative;box-sizing:border-box;width:100%;min-width:0;max-width:100%;margin:0;padding:0;border:0;float:none}',
  ".ew-chart,.ew-extra,.ew-sr{font:13px/1.45 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif;",
  'color:#1f2328;letter-spacing:normal;word-spacing:normal;text-transform:none;text-indent:0;text-align:left;text-shadow:none;font-style:normal;visibility:visible;direction:ltr}',
  // English in a Latin face (a CJK font draws curly quotes full-width), Chinese inside it (a
  // tooltip's verbatim quote) in the CJK one: the canvas picks alike (src/draw.rs LATIN_STACK).
  ".ew-root :lang(en){font-family:'Helvetica Neue',Arial,'Liberation Sans','Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif}",
  ".ew-root :lang(zh){font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Hiragino Sans GB','Microsoft YaHei',system-ui,sans-serif}",
  '.ew-chart,.ew-extra{white-space:normal}',
  // The optional data table (mount option tableToggle), in the chart's colours.
  '.ew-extra{display:block;margin:0;padding:0 12px 10px;background:#fff}.ew-extra a{color:inherit}',
  '.ew-extra.ew-dark{background:#15191e;color:#e6edf3}',
  '.ew-table-toggle{font:inherit;font-size:12px;color:inherit;background:transparent;border:1px solid #6e7781;border-radius:4px;padding:2px 10px;min-height:26px;cursor:pointer}',
  '.ew-dark .ew-table-toggle{border-color:#8b949e}',
  '.ew-table-toggle:focus-visible,.ew-table:focus-visible{outline:2px solid #1a66d2;outline-offset:2px}',
  '.ew-dark .ew-table-toggle:focus-visible,.ew-dark .ew-table:focus-visible{outline-color:#7eb3ff}',
  '.ew-table{overflow-x:auto;max-width:100%;margin:6px 0 0}',
  '.ew-table[hidden]{display:none}',
  '.ew-table table{border-collapse:collapse;font-size:12px;min-width:100%}',
  '.ew-table caption{text-align:left;font-weight:700;padding:2px 0 6px}',
  '.ew-table th,.ew-table td{border:1px solid #c8ced6;padding:3px 6px;text-align:left;vertical-align:top;white-space:normal;overflow-wrap:normal}',
  '.ew-table thead th{background:#f6f8fa;white-space:nowrap}',
  '.ew-dark .ew-table th,.ew-dark .ew-table td{border-color:#444c56}',
  '.ew-dark .ew-table thead th{background:#1f2428}'
].join('');

var EW_TEXT = {
  zh: {
    roledesc: '图表',
    showTable: '显示数据表',
    hideTable: '隐藏数据表',
    tableRegion: '数据表',
    hint: '按方向键逐项浏览数据（图例在最后，按回车键显示或隐藏系列），按 Home、End 跳到首项、末项，按 Esc 退出。',
    source: '来源：',
    share: '占比 ',
    docTitle: function (t) { return '《' + t + '》'; },
    quote: function (q) { return '“' + q + '”'; }
  },
  en: {
    roledesc: 'chart',
    showTable: 'Show data table',
    hideTable: 'Hide data table',
    tableRegion: 'Data table',
    hint: 'Use the arrow keys to step through the data (legend entries come last; Enter shows or hides a series), Home and End to jump to the first and last item, Escape to leave.',
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

/** A JS value as error messages name it (strings clipped like Rust's `clip`). */
function ewDescribe(v) {
  var t = typeof v;
  if (v === null) return 'null';
  if (t === 'string') return "string '" + ewClip(v) + "'";
  if (t === 'number' || t === 'boolean') return t + ' ' + String(v);
  if (t === 'bigint') return 'BigInt ' + String(v) + 'n';
  if (t === 'symbol') return 'a symbol';
  if (t === 'function') return 'a function';
  if (t === 'undefined') return 'undefined';
  if (Array.isArray(v)) return 'an array';
  try {
    var tag = Object.prototype.toString.call(v).slice(8, -1);
    if (tag && tag !== 'Object') return 'a ' + tag;
  } catch (e) { /* a Proxy whose traps throw */ }
  return 'an object';
}

/**
 * `e`, thrown by a call into the instance `glue`, as the API reports it. Rust answers with
 * coded errors only; anything else is a trap (RuntimeError: unreachable, memory access out of
 * bounds) or an exception that unwound through wasm and left its handle borrowed ("recursive
 * use of an object detected" next time): the instance is discarded and this is an internal_error.
 */
function ewTrapped(e, glue) {
  if (e && e.code) return e;
  if (!glue.dead) {
    glue.dead = true;
    if (glue === wasm_bindgen) {
      wasm_bindgen = ewGlue();
      ewReady = null;
      ewLoaded = false;
      ewMemory = null;
    }
    ready(ewReadyOptions).then(function () {
      ewLive.forEach(function (w) { if (w.g === glue && !w.broken) w.rehome(); });
    }, function () { /* offline: they stay where they are */ });
  }
  return ewError('internal_error', 'wasm', 'wasm trapped (' + ewClip(String(e && e.message)) + '): destroy() and mount again');
}

/** The wasm handle as the widget calls it: a trap answers that call and every later one with internal_error. */
function ewGuard(w, raw) {
  return new Proxy(raw, {
    get: function (t, k) {
      var f = t[k];
      if (typeof f !== 'function') return f;
      return function () {
        if (w.broken) throw ewError('internal_error', 'wasm', w.broken);
        try {
          return f.apply(t, arguments);
        } catch (e) {
          var err = ewTrapped(e, w.g);
          if (err !== e) w.stop(err);
          throw err;
        }
      };
    }
  });
}

function ewClip(s) {
  return s.length > 60 ? s.slice(0, 60) + '\u2026' : s;
}

/**
 * A copy of `v` made only of JSON values (strings, finite numbers, booleans, null, arrays,
 * plain objects), so that what crosses into wasm cannot throw half-way (a getter, a Proxy
 * trap), nest without end (a cycle) or change meaning (NaN and Infinity would become null).
 * Undefined fields are left out, as if absent; `skip` is a top-level key left out too.
 * Throws bad_type with the path of the offending field.
 */
function ewPlain(v, path, depth, skip) {
  var t = typeof v;
  if (v === null || t === 'string' || t === 'boolean' || (t === 'number' && isFinite(v))) return v;
  if (t !== 'object') throw ewError('bad_type', path, 'expected a JSON value, got ' + ewDescribe(v));
  if (depth >= 8) throw ewError('bad_type', path, 'nested more than 8 levels deep (a cycle?)');
  try {
    if (Array.isArray(v)) {
      var list = [];
      for (var i = 0; i < v.length; i++) list.push(ewPlain(v[i], path + '[' + i + ']', depth + 1));
      return list;
    }
    var proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) throw ewError('bad_type', path, 'expected a plain object, got ' + ewDescribe(v));
    var out = {};
    Object.keys(v).forEach(function (k) {
      if (depth === 0 && k === skip) return;
      var x;
      try {
        x = v[k];
      } catch (e) {
        throw ewError('bad_type', path + '.' + ewClip(k), 'reading it threw ' + String((e && e.message) || e));
      }
      // defineProperty: a "__proto__" key stays a field (and is then reported as unknown).
      if (x !== undefined) Object.defineProperty(out, k, { value: ewPlain(x, path + '.' + ewClip(k), depth + 1), enumerable: true, writable: true, configurable: true });
    });
    return out;
  } catch (e) {
    if (e && e.name === 'EconWidgetError') throw e;
    throw ewError('bad_type', path, 'reading it threw ' + String((e && e.message) || e));
  }
}

/**
 * The one-chart bundle's answer to host datasets (path data), host series (series) and SVG
 * export (svg), in the words of the one-chart wasm (src/web.rs host_dataset, show_series,
 * export_svg). Given in JS, so that bundle carries none of the JS that prepares them for wasm.
 */
function ewUnavailable(path) {
  return ewError('host_data_unavailable', path, 'this build of econ-widget ' + (path === 'svg'
    ? 'draws on canvas only: load econ-widget.full.js to export SVG'
    : 'shows only its embedded dataset: load econ-widget.full.js to pass your own' + (path === 'series' ? ' series' : '')));
}

var EW_MAX_DATASET_BYTES = 4194304; // src/data/mod.rs MAX_DATASET_BYTES

/** A host dataset for wasm: JSON text as is, an object as JSON text. */
function ewDatasetText(data) {
  var text;
  if (typeof data === 'string') {
    text = data;
  } else if (data !== null && typeof data === 'object') {
    try {
      text = JSON.stringify(data);
    } catch (e) {
      throw ewError('bad_type', 'data', 'the dataset object cannot be turned into JSON: ' + String((e && e.message) || e));
    }
  }
  if (typeof text !== 'string') throw ewError('bad_type', 'data', 'expected the dataset as a JSON string or an object, got ' + ewDescribe(data));
  // Each UTF-16 unit is at least one UTF-8 byte: refused here, it is never copied into wasm
  // memory (which never shrinks). Rust checks the exact byte count of what gets through.
  if (text.length > EW_MAX_DATASET_BYTES) throw ewError('dataset_too_large', 'data', 'dataset is at least ' + text.length + ' bytes; the limit is ' + EW_MAX_DATASET_BYTES + ' bytes');
  return text;
}

/** setSeries' x or y: a plain array of numbers or a numeric typed array, at most 10,000,000 long. */
var EW_NUMERIC_ARRAYS = ['Float64Array', 'Float32Array', 'Int32Array', 'Uint32Array', 'Int16Array', 'Uint16Array', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray'];
var EW_MAX_POINTS = 10000000; // src/series.rs MAX_POINTS

function ewNumbers(a, path) {
  var plain = Array.isArray(a);
  var typed = !plain && a !== null && typeof a === 'object' && ArrayBuffer.isView(a) && EW_NUMERIC_ARRAYS.indexOf(Object.prototype.toString.call(a).slice(8, -1)) >= 0;
  if (!plain && !typed) throw ewError('bad_type', path, 'expected a Float64Array or an array of numbers, got ' + ewDescribe(a));
  // Checked before copying into wasm memory, which never shrinks.
  if (a.length > EW_MAX_POINTS) throw ewError('series_too_large', path, a.length + ' points; the limit is ' + EW_MAX_POINTS);
  if (plain) {
    for (var i = 0; i < a.length; i++) {
      if (typeof a[i] !== 'number') throw ewError('bad_type', path + '[' + i + ']', 'expected a number, got ' + ewDescribe(a[i]));
    }
  }
  // The wasm side reads Float64Arrays (src/web.rs host_series); other arrays are converted here.
  return typed && Object.prototype.toString.call(a) === '[object Float64Array]' ? a : new Float64Array(a);
}

/** setSeries' label or unit: a string (a number is turned into one; null or undefined is empty). */
function ewLabel(v, path) {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  throw ewError('bad_type', path, 'expected a string, got ' + ewDescribe(v));
}

function ewBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  var bin = atob(text);
  var out = new Uint8Array(bin.length);
  for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Where the wasm comes from. `options.wasm`: a URL (string or URL, fetched with
 * `options.integrity` if given), bytes, a Response (or its promise) or a WebAssembly.Module — for
 * bundler asset URLs, CDNs and hashed names; `options.locateFile(file, scriptUrl)`: a URL for
 * the default file name. Otherwise the inlined wasm, or the file beside the script (or module),
 * fetched with the SRI hash the build recorded (EW_WASM_INTEGRITY).
 */
function ewWasmSource(o) {
  var wasm = o.wasm;
  var integrity = o.integrity;
  if (wasm == null && typeof o.locateFile === 'function') {
    wasm = o.locateFile(EW_WASM_FILE, EW_SCRIPT_URL);
    integrity = integrity || EW_WASM_INTEGRITY;
  }
  if (wasm == null) {
    if (EW_WASM_SOURCE) return ewBase64(EW_WASM_SOURCE);
    wasm = EW_DEFAULT_WASM ? EW_DEFAULT_WASM() : EW_SCRIPT_URL ? new URL(EW_WASM_FILE, EW_SCRIPT_URL) : null;
    if (wasm == null) throw ewError('wasm_unavailable', 'wasm', 'cannot tell where ' + EW_WASM_FILE + ' is: load econ-widget.js with a <script src> or pass ready({wasm})');
    integrity = EW_WASM_INTEGRITY;
  }
  // A URL string is fetched as fetch() reads it: relative to the page.
  return typeof wasm === 'string' || wasm instanceof URL ? ewFetch(String(wasm), integrity) : wasm;
}

/**
 * Fetches the wasm; a failed fetch says which file and why (load_failed, path 'wasm'), where
 * fetch() itself says only "Failed to fetch": asked again without the hash it loads (an SRI
 * mismatch, or a status), as no-cors it loads (CORS: no Access-Control-Allow-Origin), or neither
 * (the network). A response's bad status or Content-Type the glue reports (GLUE_CUTS in
 * scripts/bundle.mjs), naming the file too.
 */
function ewFetch(url, integrity) {
  return fetch(url, { integrity: integrity || '' }).catch(function () {
    // (A 404 under a hash fails as a mismatch: its status comes from the second fetch.)
    return fetch(url).then(function (r) {
      return r.ok ? 'SRI integrity mismatch' : 'HTTP ' + r.status;
    }, function () {
      return fetch(url, { mode: 'no-cors' }).then(function () {
        return 'CORS: no Access-Control-Allow-Origin';
      }, function () {
        return 'network error';
      });
    }).then(function (why) {
      throw ewError('load_failed', 'wasm', url + ': ' + why);
    });
  });
}

/**
 * Instantiates the wasm once per page; every widget shares it. Options (the first call's count):
 * wasm, integrity, locateFile (see ewWasmSource).
 */
function ready(options) {
  if (!ewReady) {
    ewReadyOptions = options;
    ewReady = Promise.resolve()
      .then(function () {
        var o = options == null ? {} : options;
        if (typeof o !== 'object') throw ewError('bad_type', 'ready', 'expected an object of options, got ' + ewDescribe(o));
        return wasm_bindgen({ module_or_path: ewWasmSource(o) });
      })
      .then(function (exports) {
        ewMemory = (exports && exports.memory) || null;
        ewLoaded = true;
        return EconWidget;
      });
    // A failed load (e.g. offline) may be retried by the next call.
    // (The embed loader logs the error; a page's own ready() rejects with it.)
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

/** A source quote's language: zh-CN where it has Chinese (the seeds' verbatim words), else the element's own. */
function ewQuoteLang(node, text) {
  if (/[\u2E80-\u9FFF]/.test(text)) node.setAttribute('lang', 'zh-CN');
  else node.removeAttribute('lang');
}

function para(cls, text) {
  var p = el('p', cls);
  p.textContent = text;
  return p;
}

/**
 * An editor's chart height (CSS px, 120–4000) or aspect ratio (width ÷ height: a number or
 * "16:9", 1:4 to 4:1); 0 when not given.
 */
function ewFitOption(v, key) {
  if (v == null) return 0;
  var aspect = key === 'aspect', p = String(v).split(':');
  var r = typeof v === 'number' ? v : aspect && p.length === 2 ? p[0] / p[1] : NaN;
  if (!(aspect ? r >= 0.25 && r <= 4 : r >= 120 && r <= 4000)) throw ewError('bad_argument', 'options.' + key, 'expected ' + (aspect ? '"4:1" to "1:4"' : '120 to 4000 (CSS px)') + ', got ' + ewDescribe(v));
  return r;
}

/**
 * Mounts a widget in `element` (its shadow root). Options: a partial selection (view, region,
 * topic, indicators, chart, lang, theme, sort, hidden), `data` (a host dataset as JSON text
 * or object; default the embedded one; econ-widget.full.js only: the one-chart bundle
 * econ-widget.js throws host_data_unavailable), `tableToggle` (true: a "show data table" button under
 * the chart, as embeds have; docs/embedding.md), and `height` (CSS px) or `aspect` (width ÷ height,
 * a number or "16:9"): the chart's height, which a line chart fills. Resolves with the handle once the first chart is drawn
 * (if the element has a usable width).
 */
function mount(element, options) {
  return ready().then(function () {
    if (!element || element.nodeType !== 1) throw ewError('bad_argument', 'element', 'mount() needs an element to draw in, got ' + ewDescribe(element));
    options = options || {};
    if (typeof options !== 'object') throw ewError('bad_type', 'options', 'expected an object of options, got ' + ewDescribe(options));
    var init = ewPlain(options, 'selection', 0, 'data');
    // Light unless asked: a dark OS must not put a black box in a white article (docs/embedding.md).
    if (init.theme == null) init.theme = 'light';
    // tableToggle, height and aspect are DOM options, not part of the selection.
    var dom = { tableToggle: init.tableToggle === true, height: ewFitOption(init.height, 'height'), aspect: ewFitOption(init.aspect, 'aspect') };
    if (dom.height && dom.aspect) throw ewError('bad_argument', 'options.aspect', 'give height or aspect, not both');
    delete init.tableToggle;
    delete init.height;
    delete init.aspect;
    var data = options.data;
    // Host datasets need the full build. Refused here, so the one-chart bundle has no dataset JS.
    if (!EW_HOST_DATA && data != null) throw ewUnavailable('data');
    // Throws (code, path) on bad options or data, before anything on the page changes.
    dom.data = EW_HOST_DATA && data != null ? ewDatasetText(data) : null;
    var glue = wasm_bindgen;
    var wasmHandle;
    try {
      wasmHandle = new glue.WidgetHandle(dom.data, init);
    } catch (e) {
      throw ewTrapped(e, glue);
    }
    var previous = ewInstances.get(element);
    if (previous) previous.destroy();
    var w;
    try {
      w = new Widget(element, wasmHandle, dom, glue);
    } catch (e) {
      try { wasmHandle.free(); } catch (x) { /* a trapped instance */ }
      throw e;
    }
    ewInstances.set(element, w);
    return w.api;
  });
}

function Widget(host, h, options, glue) {
  var self = this;
  this.host = host;
  // What a fresh instance needs to rebuild this widget after a trap: the glue it is on, the
  // host dataset text, the last state (changed()) and the host series (setSeries).
  this.g = glue;
  this.raw = h;
  this.h = ewGuard(this, h);
  this.data = (options && options.data) || null;
  this.fitHeight = (options && options.height) || 0;
  this.fitAspect = (options && options.aspect) || 0;
  this.fitted = 0; // the height the wasm lays line charts out to fill now
  this.series = null;
  this.broken = null; // the message of the trap that stopped this widget
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
  var overlay = el('div', 'ew-ring', { 'aria-hidden': 'true' });
  var tip = el('div', 'ew-tip', { role: 'tooltip', id: 'ew-tip' });
  tip.hidden = true;
  chart.append(canvas, overlay, tip);
  // Summary and key hint: the chart's description only (aria-describedby reads hidden
  // elements), not text a screen reader's browse mode would read a second time.
  var desc = el('p', 'ew-sr', { id: 'ew-desc' });
  var hint = el('p', 'ew-sr', { id: 'ew-hint' });
  desc.hidden = hint.hidden = true;
  var live = el('div', 'ew-sr ew-live', { 'aria-live': 'polite', 'aria-atomic': 'true' });
  var root = el('div', 'ew-root');
  // The host's own content (a snippet's static image and caption), shown when too narrow.
  root.append(chart, el('slot'), desc, hint, live);
  shadow.append(root);
  Object.assign(this, { root: root, chart: chart, canvas: canvas, overlay: overlay, tip: tip, desc: desc, hint: hint, live: live });
  if (options && options.tableToggle) this.tableUi();

  this.on(canvas, 'pointermove', function (e) { self.pointer(e); });
  // The canvas's place (Widget.point) is read afresh when a pointer comes in or taps.
  this.on(canvas, 'pointerenter', function () { self.rect = null; });
  this.on(canvas, 'pointerdown', function (e) { self.rect = null; self.pointer(e); });
  // A finger lifting off also "leaves": keep the tapped point's tooltip until the next tap.
  this.on(canvas, 'pointerleave', function (e) { if (e.pointerType !== 'touch') self.unhover(); });
  this.on(canvas, 'click', function (e) { self.click(e); });
  this.on(chart, 'keydown', function (e) { self.key(e); });
  this.on(chart, 'blur', function () { self.leave(); });

  if (typeof matchMedia === 'function') {
    this.scheme = matchMedia('(prefers-color-scheme: dark)');
    this.on(this.scheme, 'change', function () {
      if (self.h && self.sel.theme === 'auto') { self.dirty = true; self.schedule(); }
    });
    this.watchDpr();
  }
  // Print: redrawn light at 3× (sharp on paper, not a 96 ppi bitmap), then back after.
  this.on(window, 'beforeprint', function () { self.renderNow(); });
  this.on(window, 'afterprint', function () { self.schedule(); });
  // Page zoom changes devicePixelRatio and fires resize; renderNow skips when nothing changed.
  this.on(window, 'resize', function () { self.rect = null; self.schedule(); });
  // A scroll moves the canvas, and the room around a tooltip: the next move places it anew.
  this.on(window, 'scroll', function () { self.rect = self.tipKey = null; }, { capture: true, passive: true });
  if (typeof ResizeObserver === 'function') {
    this.ro = new ResizeObserver(function () { self.schedule(); });
    this.ro.observe(host);
  }

  this.sel = this.h.state();
  ewLive.add(this);
  this.labels();
  this.renderNow();
  this.api = this.publicApi();
}

/** After a trap in this widget's own call: it answers internal_error from now on (ewGuard). */
Widget.prototype.stop = function (err) {
  if (this.broken) return;
  this.broken = err.detail;
  // Never called into again, not even by wasm-bindgen's finalizer.
  this.raw.__destroy_into_raw();
  this.fail(err);
};

/** A widget whose instance trapped elsewhere: the same state on the fresh instance, redrawn. */
Widget.prototype.rehome = function () {
  var old = this.raw;
  var raw;
  try {
    // chart 'line' in the state means the host series (fullState), set again below.
    raw = new wasm_bindgen.WidgetHandle(this.data, EW_HOST_DATA && this.series ? Object.assign({}, this.sel, { chart: undefined }) : this.sel);
  } catch (e) {
    this.stop(ewTrapped(e, wasm_bindgen));
    return;
  }
  try {
    var s = this.series;
    if (EW_HOST_DATA && s) raw.set_series(s.label, s.unit, ewNumbers(s.x.deref(), 'series.x'), ewNumbers(s.y.deref(), 'series.y'));
  } catch (e) {
    this.series = null; // changed since, or let go by the page: the dataset view is shown
  }
  old.__destroy_into_raw();
  this.g = wasm_bindgen;
  this.raw = raw;
  this.h = ewGuard(this, raw);
  this.dirty = true;
  this.schedule();
};

Widget.prototype.on = function (target, type, fn, opts) {
  target.addEventListener(type, fn, opts);
  this.listeners.push([target, type, fn, opts]);
};

Widget.prototype.off = function (target, type, fn) {
  this.listeners = this.listeners.filter(function (l) {
    var match = l[0] === target && l[1] === type && l[2] === fn;
    // With the options it was added with: a capture listener is removed only with capture.
    if (match) target.removeEventListener(type, fn, l[3]);
    return !match;
  });
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
  return EW_TEXT[this.sel.lang] || EW_TEXT.zh;
};

Widget.prototype.isDark = function () {
  // The JS copy of the state (changed()): a render never starts with a wasm call that could trap.
  var theme = this.sel.theme;
  return theme === 'dark' || (theme === 'auto' && !!this.scheme && this.scheme.matches);
};

/** Accessible name and description, in the chart's language. */
Widget.prototype.labels = function () {
  var t = this.text();
  var lang = this.sel.lang;
  this.lang = lang; // for showTip: no wasm state() per move
  this.chart.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  this.chart.setAttribute('aria-label', this.h.title());
  this.chart.setAttribute('aria-roledescription', t.roledesc);
  this.desc.setAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  this.desc.textContent = this.h.summary();
  this.hint.textContent = t.hint;
  if (this.extra) this.tableLabels();
};

/** A "show data table" button under the chart and a real <table> of the chart's data. */
Widget.prototype.tableUi = function () {
  var self = this;
  var extra = el('div', 'ew-extra');
  var button = el('button', 'ew-table-toggle', { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'ew-table' });
  var wrap = el('div', 'ew-table', { id: 'ew-table', role: 'region', tabindex: '0' });
  wrap.hidden = true;
  extra.append(button, wrap);
  this.desc.parentNode.insertBefore(extra, this.desc);
  Object.assign(this, { extra: extra, tableButton: button, tableWrap: wrap });
  this.on(button, 'click', function () { self.showTable(wrap.hidden); });
};

Widget.prototype.showTable = function (open) {
  if (!this.extra || this.broken) return;
  this.tableWrap.hidden = !open;
  this.tableButton.setAttribute('aria-expanded', String(!!open));
  this.tableLabels();
};

Widget.prototype.tableLabels = function () {
  var t = this.text();
  var open = !this.tableWrap.hidden;
  this.extra.setAttribute('lang', this.sel.lang === 'zh' ? 'zh-CN' : 'en');
  this.tableButton.textContent = open ? t.hideTable : t.showTable;
  this.tableWrap.setAttribute('aria-label', t.tableRegion);
  if (!open) {
    this.tableWrap.replaceChildren();
    return;
  }
  var data = this.h.table();
  var table = el('table');
  var caption = el('caption');
  caption.textContent = data.caption;
  var head = el('thead');
  var hr = el('tr');
  data.columns.forEach(function (c) {
    var th = el('th', null, { scope: 'col' });
    th.textContent = c;
    hr.append(th);
  });
  head.append(hr);
  var body = el('tbody');
  // The readers' table ends with source and quote (src/widget.rs table); a host series' has neither.
  var src = data.sources.length ? data.columns.length - 2 : -9;
  var sep = this.sel.lang === 'zh' ? '；' : '; ';
  data.rows.forEach(function (row, r) {
    var tr = el('tr');
    var docs = data.sources[r] || [];
    row.forEach(function (cell, i) {
      var c = i === 0 ? el('th', null, { scope: 'row' }) : el('td');
      // A source the dataset gives a URL for is a link (validated http(s); set as an attribute,
      // never markup). The embedded dataset has none: host data only.
      if (EW_HOST_DATA && i === src && docs.some(function (d) { return d[1]; })) {
        docs.forEach(function (d, k) {
          if (k) c.append(sep);
          if (!d[1]) return c.append(d[0]);
          var a = el('a', null, { href: d[1] });
          a.textContent = d[0];
          c.append(a);
        });
      } else c.textContent = cell;
      // The quote is the text's own words: Chinese in an English table too.
      if (i === src + 1) ewQuoteLang(c, cell);
      tr.append(c);
    });
    body.append(tr);
  });
  table.append(caption, head, body);
  this.tableWrap.replaceChildren(table);
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
  this.rect = null;
  try {
    // The root's width: the chart itself is hidden while too small.
    var width = this.root.getBoundingClientRect().width;
    var dpr = ewPrinting ? Math.max(3, window.devicePixelRatio || 1) : window.devicePixelRatio || 1;
    var dark = !ewPrinting && this.isDark();
    // An editor's height, or the aspect ratio's at this width.
    var fit = this.fitHeight || (this.fitAspect && width >= 120 ? Math.min(8192, Math.round(width / this.fitAspect)) : 0);
    if (fit !== this.fitted) {
      this.h.fit(fit);
      this.fitted = fit;
      this.dirty = true;
    }
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
      // Narrower than a chart can be (MIN_WIDTH in src/widget.rs), yet shown (not 0 px): the
      // fallback instead of a blank box, and a note saying so.
      var small = width > 0 && width < 120;
      if (small && this.errorCode !== e.code) console.warn('econ-widget: ' + e.code + ': ' + e.message + ': fallback shown');
      this.small(small);
      this.fail(e);
      return;
    }
    this.small(false);
    var cssW = Math.floor(width) + 'px';
    var cssH = height + 'px';
    this.canvas.style.width = cssW;
    this.canvas.style.height = cssH;
    this.chart.classList.toggle('ew-dark', dark);
    if (this.extra) this.extra.classList.toggle('ew-dark', dark);
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

/** Too small: the chart hidden, the host's content shown, else the description (no blank box). */
Widget.prototype.small = function (on) {
  this.root.classList.toggle('ew-small', on);
  var show = on && !this.host.children.length;
  this.desc.classList.toggle('ew-sr', !show);
  this.desc.hidden = !show;
};

/** A render error keeps the last chart and is reported once (until a render succeeds). */
Widget.prototype.fail = function (e) {
  var code = (e && e.code) || 'render_failed';
  if (this.errorCode === code) return;
  this.errorCode = code;
  this.host.dispatchEvent(new CustomEvent('econ-widget:error', { bubbles: true, composed: true, detail: { code: code, path: (e && e.path) || '', message: (e && e.message) || String(e) } }));
};

Widget.prototype.clearOverlay = function () {
  this.ring(null);
  this.canvas.classList.remove('ew-clickable');
};

/** Rings the hovered or focused mark (`info.ring`: its box in CSS px), or hides the ring. */
Widget.prototype.ring = function (info) {
  var r = info && info.ring;
  var key = r ? r.join() : '';
  if (key === this.ringKey) return;
  this.ringKey = key;
  var s = this.overlay.style;
  if (!r) {
    s.display = 'none';
    return;
  }
  // At whole device pixels, so the border stays as sharp as the chart.
  var d = this.last ? this.last.dpr : 1;
  var snap = function (v) { return Math.round(v * d) / d + 'px'; };
  s.width = snap(r[2] + 6);
  s.height = snap(r[3] + 6);
  s.transform = 'translate(' + snap(r[0] - 3) + ',' + snap(r[1] - 3) + ')';
  s.display = 'block';
};

/** In the canvas's CSS px; its place is kept until a render, resize, scroll, pointerenter or pointerdown. */
Widget.prototype.point = function (e) {
  var r = this.place();
  return { x: e.clientX - r.left, y: e.clientY - r.top };
};

/**
 * The canvas's place on screen and the viewport's size (the root's client box), read together
 * once until a render, resize, scroll, pointerenter or pointerdown (this.rect = null): read on
 * every move, after the ring or the tooltip has changed, either would force a layout.
 */
Widget.prototype.place = function () {
  if (!this.rect) {
    this.rect = this.canvas.getBoundingClientRect();
    var doc = document.documentElement;
    this.vp = [doc.clientWidth, doc.clientHeight];
  }
  return this.rect;
};

/** What is under a pointer event (and ring it), or null; undefined when nothing can be asked. */
Widget.prototype.hitAt = function (e) {
  if (this.destroyed || !this.last) return undefined;
  var p = this.point(e);
  try {
    var info = this.h.hover(p.x, p.y);
    this.ring(info);
    return info;
  } catch (err) {
    return undefined;
  }
};

Widget.prototype.pointer = function (e) {
  var info = this.hitAt(e);
  if (info === undefined) return;
  this.canvas.classList.toggle('ew-clickable', !!info && info.kind === 'legend');
  if (info) this.showTip(info);
  else this.hideTip();
  this.hovered(info);
};

/** `econ-widget:hover` with the datum when the one under the pointer changes (null: none). */
Widget.prototype.hovered = function (info) {
  var key = info ? info.kind + info.index : '';
  if (key === (this.hoverKey || '')) return;
  this.hoverKey = key;
  this.emit('hover', info);
};

/** A bubbling, composed `econ-widget:<type>` event on the element. */
Widget.prototype.emit = function (type, detail) {
  this.host.dispatchEvent(new CustomEvent('econ-widget:' + type, { bubbles: true, composed: true, detail: detail }));
};

Widget.prototype.unhover = function () {
  if (this.destroyed) return;
  this.clearOverlay();
  this.hideTip();
  this.hovered(null);
};

Widget.prototype.click = function (e) {
  var info = this.hitAt(e);
  if (!info) return;
  this.emit('click', info);
  if (info.kind === 'legend') this.toggle(info.index);
};

Widget.prototype.toggle = function (index) {
  var before = JSON.stringify(this.h.state());
  var state = this.h.toggle_series(index);
  this.changed(before, state);
  return state;
};

var EW_KEYS = { ArrowRight: 'next', ArrowDown: 'next', ArrowLeft: 'prev', ArrowUp: 'prev', Home: 'first', End: 'last', Escape: 'none' };

Widget.prototype.key = function (e) {
  if (e.altKey || e.ctrlKey || e.metaKey || this.destroyed || this.broken) return;
  if ((e.key === 'Enter' || e.key === ' ') && this.focused && this.focused.kind === 'legend') {
    e.preventDefault();
    this.toggleFocused(this.focused.index);
    return;
  }
  var how = EW_KEYS[e.key];
  if (!how) return;
  e.preventDefault();
  // Keyboard order follows the chart on screen: draw a pending change first.
  if (this.frame) this.renderNow();
  this.move(how);
};

// Enter on a legend entry: switch the series, redraw, and keep focus on that entry so its new
// state is announced (the keyboard equivalent of clicking it).
Widget.prototype.toggleFocused = function (index) {
  this.toggle(index);
  if (this.frame) this.renderNow();
  var info = this.move('last');
  while (info && !(info.kind === 'legend' && info.index === index)) {
    var prev = info;
    info = this.move('prev');
    if (info && info.kind === prev.kind && info.index === prev.index) break;
  }
};

Widget.prototype.move = function (how) {
  var info = this.h.focus(how);
  this.ring(info);
  if ((info ? info.kind + info.index : '') !== (this.focused ? this.focused.kind + this.focused.index : '')) this.emit('focus', info);
  this.focused = info;
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
    this.h.focus('none');
  } catch (e) { /* nothing focused */ }
  this.ring(null);
  if (this.focused) this.emit('focus', null);
  this.focused = null;
  this.hideTip();
};

Widget.prototype.showTip = function (info) {
  var tip = this.tip;
  // The point on screen already (a new state or chart hides the tooltip first): nothing to do.
  var key = [info.kind, info.index, info.x, info.y, info.label, info.series, info.value].join('\u0000');
  if (key === this.tipKey && !tip.hidden) return;
  this.tipKey = key;
  var lang = this.lang;
  var t = EW_TEXT[lang] || EW_TEXT.zh;
  // The tooltip as a flat list of [tag, class, text]; when its shape is the one on screen
  // (moving along a line), only the texts change — no nodes are made or dropped per move.
  var rows = [];
  var label = info.label + (info.series && info.series !== info.label ? ' · ' + info.series : '');
  rows.push(['p', 'ew-tip-label', label]);
  if (info.kind !== 'legend') {
    rows.push(['p', 'ew-tip-value', info.value]);
    var meta = [info.period, info.value_kind].filter(Boolean);
    if (info.share) meta.push(t.share + info.share);
    if (meta.length) rows.push(['p', 'ew-tip-meta', meta.join(' · ')]);
  }
  if (info.detail) rows.push(['p', 'ew-tip-detail', info.detail]);
  (info.sources || []).forEach(function (s) {
    rows.push(['p', 'ew-tip-doc ew-tip-source', t.source + t.docTitle(s.doc_title) + (s.doc_date ? ' ' + s.doc_date : '')]);
    if (s.quote) rows.push(['blockquote', 'ew-tip-quote', t.quote(s.quote)]);
  });
  var shape = rows.map(function (r) { return r[0] + '.' + r[1]; }).join('|');
  if (shape !== this.tipShape) {
    tip.replaceChildren.apply(tip, rows.map(function (r) { return el(r[0], r[1]); }));
    this.tipShape = shape;
  }
  for (var i = 0; i < rows.length; i++) {
    var node = tip.children[i];
    if (node.textContent !== rows[i][2]) {
      node.textContent = rows[i][2];
      // A verbatim Chinese quote in an English tooltip: read and drawn as Chinese.
      if (rows[i][0] === 'blockquote') ewQuoteLang(node, rows[i][2]);
    }
  }
  var tipLang = lang === 'zh' ? 'zh-CN' : 'en';
  if (tip.getAttribute('lang') !== tipLang) tip.setAttribute('lang', tipLang);
  if (tip.hidden) tip.hidden = false;
  // Beside the point, on the side with more room, flipped and clamped into the part of the
  // chart that is on screen (in an iframe: the frame), without reading the tooltip's size (that
  // would force a layout on every pointer move): the transform's percentages are the tooltip's
  // own size, so clamp(min, want, max - 100%) keeps its far edge in as well.
  var width = this.last ? this.last.width : this.chart.clientWidth;
  var height = this.last ? this.last.height : this.chart.clientHeight;
  // Where it may go: the chart's box cut to the viewport less its scrollbars (the root's client
  // box: no layout of its own), unless hardly any of the chart is on screen. The canvas's place
  // is the one pointer moves keep (Widget.point); keyboard focus reads it once per key.
  var r = this.place();
  // 2 px in: the border and shadow stay inside too.
  var L = Math.max(0, -r.left) + 2;
  var T = Math.max(0, -r.top) + 2;
  var R = Math.min(width, this.vp[0] - r.left) - 2;
  var B = Math.min(height, this.vp[1] - r.top) - 2;
  if (R - L < 60 || B - T < 40) {
    L = T = 0;
    R = width;
    B = height;
  }
  var toLeft = info.x - L > R - info.x;
  var above = info.y - T > B - info.y;
  var maxWidth = Math.max(0, Math.min(320, R - L, Math.max(toLeft ? info.x - 12 - L : R - info.x - 12, 180))) + 'px';
  var st = tip.style;
  if (st.maxWidth !== maxWidth) st.maxWidth = maxWidth;
  var maxHeight = B - T + 'px';
  if (st.maxHeight !== maxHeight) st.maxHeight = maxHeight;
  st.transform = 'translate(' + ewClamp(L, toLeft ? info.x - 12 : info.x + 12, toLeft, R) + ',' + ewClamp(T, above ? info.y - 10 : info.y + 14, above, B) + ')';
};

/** A tooltip offset from `at` (less its own size if `before`), kept in [lo, hi - its size], whole px. */
function ewClamp(lo, at, before, hi) {
  var r = Math.round;
  return 'clamp(' + r(lo) + 'px,' + (before ? 'calc(' + r(at) + 'px - 100%)' : r(at) + 'px') + ',calc(' + r(hi) + 'px - 100%))';
}

Widget.prototype.hideTip = function () {
  if (!this.tip.hidden) this.tip.hidden = true;
  this.tipKey = null;
};

/**
 * After a selection change: new labels, a new chart, and one `econ-widget:change`. `newData`
 * (setSeries, setData): redraw even when the state reads the same; the event only if it changed.
 */
Widget.prototype.changed = function (before, state, newData) {
  this.sel = state;
  var same = JSON.stringify(state) === before;
  if (same && !newData) return;
  this.dirty = true;
  this.labels();
  this.hideTip();
  this.live.textContent = '';
  this.schedule();
  if (!same) this.host.dispatchEvent(new CustomEvent('econ-widget:change', { bubbles: true, composed: true, detail: state }));
};

/** The selection, with chart 'line' while a host series (setSeries) is shown. */
Widget.prototype.fullState = function () {
  var s = this.h.state();
  if (EW_HOST_DATA && this.series) s.chart = 'line';
  return s;
};

Widget.prototype.alive = function () {
  if (this.destroyed) throw ewError('destroyed', 'widget', 'this widget was destroyed');
  if (this.broken) throw ewError('internal_error', 'wasm', this.broken);
};

Widget.prototype.destroy = function () {
  if (this.destroyed) return;
  this.destroyed = true;
  if (this.frame) cancelAnimationFrame(this.frame);
  this.frame = 0;
  if (this.ro) this.ro.disconnect();
  this.listeners.forEach(function (l) { l[0].removeEventListener(l[1], l[2], l[3]); });
  this.listeners = [];
  this.dprQuery = null;
  ewLive.delete(this);
  try {
    this.h.free();
  } catch (e) { /* a trapped instance: nothing to free */ }
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
      var patch = ewPlain(partial, 'selection', 0);
      var before = JSON.stringify(w.fullState());
      var state = w.h.select(patch);
      // As src/widget.rs select: choosing a view (or region, topic, chart, indicators) leaves a host series.
      if (EW_HOST_DATA && w.series && patch && ['view', 'region', 'topic', 'chart', 'indicators'].some(function (k) { return k in patch; })) w.series = null;
      state = w.fullState();
      w.changed(before, state);
      return state;
    },
    state: function () { w.alive(); return w.fullState(); },
    views: function () { w.alive(); return w.h.views(); },
    table: function () { w.alive(); return w.h.table(); },
    csv: function () { w.alive(); return w.h.csv(); },
    summary: function () { w.alive(); return w.h.summary(); },
    title: function () { w.alive(); return w.h.title(); },
    /**
     * SVG of the chart; width defaults to the width on screen (or 640), dark to the theme shown.
     * econ-widget.full.js only: the one-chart bundle (econ-widget.js) throws
     * host_data_unavailable (path svg) and the chart stays as it is.
     */
    svg: function (width, dark) {
      w.alive();
      // SVG export needs the full build (plotters-svg). Refused here, so the one-chart bundle
      // has none of the JS around it.
      if (!EW_HOST_DATA) throw ewUnavailable('svg');
      if (width != null && typeof width !== 'number') throw ewError('bad_type', 'width', 'expected a number of CSS px, got ' + ewDescribe(width));
      return w.h.svg(width == null ? (w.last ? w.last.width : 640) : width, dark == null ? w.isDark() : !!dark);
    },
    /** PNG of the chart (default 2× the on-screen width), as a Blob. */
    png: function (opts) {
      w.alive();
      opts = opts == null ? {} : opts;
      if (typeof opts !== 'object') throw ewError('bad_type', 'png', 'expected an object of options, got ' + ewDescribe(opts));
      ['width', 'dpr'].forEach(function (k) {
        if (opts[k] != null && typeof opts[k] !== 'number') throw ewError('bad_type', 'png.' + k, 'expected a number, got ' + ewDescribe(opts[k]));
      });
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
     * equal length (x ascending, all finite and within ±1e15). Throws (code, path naming the index) if not.
     * Selecting a view (or region, topic, chart, indicators) goes back to the dataset.
     * econ-widget.full.js only: the one-chart bundle (econ-widget.js) throws
     * host_data_unavailable (path series) and the chart stays as it is.
     */
    setSeries: function (series) {
      w.alive();
      // Host series need the full build. Refused here, so the one-chart bundle has no series JS.
      if (!EW_HOST_DATA) throw ewUnavailable('series');
      series = series == null ? {} : series;
      if (typeof series !== 'object') throw ewError('bad_type', 'series', 'expected {label, unit, x, y}, got ' + ewDescribe(series));
      Object.keys(series).forEach(function (k) {
        if (['label', 'unit', 'x', 'y'].indexOf(k) < 0) throw ewError('unknown_field', 'series.' + ewClip(k), "unknown field '" + ewClip(k) + "' (known: label, unit, x, y)");
      });
      var label = ewLabel(series.label, 'series.label');
      var unit = ewLabel(series.unit, 'series.unit');
      var before = JSON.stringify(w.fullState());
      w.h.set_series(label, unit, ewNumbers(series.x, 'series.x'), ewNumbers(series.y, 'series.y'));
      // Truthy while a series is shown; kept to rebuild the widget on a fresh instance after a
      // trap, with the page's own arrays held weakly: held strongly, a million points (16 MB)
      // outlived the page's references to them, for a rebuild that may never come.
      var hold = function (a) { return typeof WeakRef === 'function' && a && typeof a === 'object' ? new WeakRef(a) : { deref: function () { return a; } }; };
      w.series = { label: label, unit: unit, x: hold(series.x), y: hold(series.y) };
      // A new series is new data even when the state reads the same: draw it.
      var state = w.fullState();
      w.changed(before, state, true);
      return state;
    },
    /**
     * New data of the same schema (JSON text or an object): the same view, chart and language
     * where the new data has them, else its first view. Throws (code, path) and changes nothing
     * if the data is bad. The full builds only.
     */
    setData: function (data) {
      w.alive();
      if (!EW_HOST_DATA) throw ewUnavailable('data');
      var text = ewDatasetText(data);
      var s = w.h.state();
      var tries = [
        { view: s.view, chart: s.chart, indicators: s.indicators, lang: s.lang, theme: s.theme, sort: s.sort, hidden: s.hidden },
        { view: s.view, lang: s.lang, theme: s.theme, sort: s.sort },
        { lang: s.lang, theme: s.theme }
      ];
      var h = null;
      for (var i = 0; !h; i++) {
        try {
          h = new wasm_bindgen.WidgetHandle(text, tries[i]);
        } catch (e) {
          // A trap discards the instance (ewTrapped); the widget moves to a fresh one.
          if (!(e && e.code)) throw ewTrapped(e, wasm_bindgen);
          // A selection the new data cannot show: try a smaller one. Bad data throws as is.
          if (i === tries.length - 1 || !e || String(e.path).indexOf('selection') !== 0) throw e;
        }
      }
      var before = JSON.stringify(w.fullState());
      var old = w.h;
      // Guarded like the first handle, with what a fresh instance would need (Widget.rehome).
      w.raw = h;
      w.h = ewGuard(w, h);
      w.g = wasm_bindgen;
      w.data = text;
      old.free();
      w.series = null;
      var state = w.fullState();
      w.changed(before, state, true);
      return state;
    },
    /** Lays the chart out for the element's size now; returns what is on screen. */
    resize: function () {
      w.alive();
      w.rect = null;
      w.renderNow();
      return w.last ? { width: w.last.width, height: w.last.height, dpr: w.last.dpr, dark: w.last.dark } : null;
    },
    /** Listens to `econ-widget:<type>` (change, render, error, hover, click, focus) with its detail; returns the unsubscribe function. */
    on: function (type, listener) {
      w.alive();
      if (typeof type !== 'string' || typeof listener !== 'function') throw ewError('bad_type', 'on', 'expected an event name and a function');
      var fn = function (e) { listener(e.detail, e); };
      w.on(w.host, 'econ-widget:' + type, fn);
      return function () { w.off(w.host, 'econ-widget:' + type, fn); };
    },
    /** Legend toggle by series index (what a click on a legend entry does). */
    toggleSeries: function (index) {
      w.alive();
      // wasm would read 'abc', NaN or 2**32 as series 0.
      if (typeof index !== 'number' || !(index >= 0 && index <= 4294967295 && Math.floor(index) === index)) {
        throw ewError('bad_type', 'series', 'expected a series index (a whole number from 0), got ' + ewDescribe(index));
      }
      return w.toggle(index);
    },
    /** Keyboard focus: "next", "prev", "first", "last" or "none"; returns the hit info or null. */
    focus: function (how) {
      w.alive();
      // A non-string would reach wasm as a malformed string (and corrupt its heap).
      if (typeof how !== 'string') throw ewError('bad_type', 'focus', 'expected next, prev, first, last or none, got ' + ewDescribe(how));
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

/** checkText/fact options: an object of strings (or null) under the given keys. */
function ewFactOptions(options, keys) {
  if (options == null) return {};
  if (typeof options !== 'object') throw ewError('bad_type', 'options', 'expected an object of options, got ' + ewDescribe(options));
  var o = {};
  keys.forEach(function (k) {
    var v = options[k];
    if (v != null && typeof v !== 'string') throw ewError('bad_type', 'options.' + k, 'expected a string, got ' + ewDescribe(v));
    o[k] = v;
  });
  if (o.lang != null && o.lang !== 'zh' && o.lang !== 'en') throw ewError('bad_argument', 'options.lang', "lang must be zh or en, got '" + ewClip(o.lang) + "'");
  return o;
}

function ewWasm(name) {
  return function () {
    if (!ewLoaded) throw ewError('not_ready', name, 'wait for EconWidget.ready() first');
    var glue = wasm_bindgen;
    try {
      return glue[name].apply(null, arguments);
    } catch (e) {
      throw ewTrapped(e, glue);
    }
  };
}

var EconWidget = {
  version: EW_VERSION,
  ready: ready,
  mount: mount,
  fields: EW_FIELDS.slice(),
  schemaVersion: ewWasm('schemaVersion'),
  /**
   * Validates a host dataset (JSON text or an object); throws the first problem (code, path).
   * econ-widget.full.js only: the one-chart bundle (econ-widget.js) throws host_data_unavailable.
   */
  validateDataset: function (data) {
    if (!ewLoaded) throw ewError('not_ready', 'validateDataset', 'wait for EconWidget.ready() first');
    // Host datasets need the full build (the one-chart wasm has no dataset reader).
    if (!EW_HOST_DATA) throw ewUnavailable('data');
    return ewWasm('validateDataset')(ewDatasetText(data));
  },
  /**
   * Checks the figures in a text against the embedded dataset (src/facts.rs): resolves to
   * [{text, start, end, status: 'match' | 'contradicts' | 'unknown', fact?, expected?}], with
   * start/end in UTF-16 code units (text.slice(start, end) is the figure). options: {lang,
   * region?, period?}. econ-widget.full.js only: econ-widget.js rejects with host_data_unavailable.
   */
  checkText: function (text, options) {
    return ready().then(function () {
      if (!EW_HOST_DATA) throw ewError('host_data_unavailable', 'checkText', 'load econ-widget.full.js to check texts');
      if (typeof text !== 'string') throw ewError('bad_type', 'text', 'expected the text to check, got ' + ewDescribe(text));
      var o = ewFactOptions(options, ['lang', 'region', 'period']);
      return wasm_bindgen.checkText(text, o.lang || 'zh', o.region == null ? null : o.region, o.period == null ? null : o.period);
    });
  },
  /**
   * One dataset value for a fact reference (www/src/facts.js): resolves to {id, display, zh, en,
   * period, region, indicator, subject, quote, doc: {title, publisher, date}} in options.lang
   * (display: the figure in that language), or null for an id the dataset lacks.
   * econ-widget.full.js only: econ-widget.js rejects with host_data_unavailable (fact
   * references read their cards from dist/econ-facts.js, which embeds them).
   */
  fact: function (id, options) {
    return ready().then(function () {
      if (!EW_HOST_DATA) throw ewError('host_data_unavailable', 'fact', 'load econ-widget.full.js for EconWidget.fact');
      if (typeof id !== 'string') throw ewError('bad_type', 'id', 'expected a value id, got ' + ewDescribe(id));
      var lang = options && options.lang === 'en' ? 'en' : 'zh';
      var f = wasm_bindgen.factInfo(id, lang).split('\x1f'); // src/web.rs fact_info
      return f.length < 10 ? null : { id: id, display: f[lang === 'en' ? 1 : 0], zh: f[0], en: f[1], period: f[2], region: f[3], indicator: f[4], subject: f[5], quote: f[6], doc: f[7] ? { title: f[7], publisher: f[8], date: f[9] } : null };
    });
  },
  /**
   * For tests and debugging only: the size in bytes of the wasm linear memory every widget on
   * the page shares (0 before ready()). Read-only; wasm memory grows but never shrinks.
   */
  _memoryBytes: function () { return ewMemory ? ewMemory.buffer.byteLength : 0; }
};

if (EW_HOST_DATA) {
  /**
   * For tests only (econ-widget.full.js and .inline.js): the next wasm call of this handle
   * traps, as a panic or a corrupted heap would (its pointer is moved out of the wasm memory:
   * a real "memory access out of bounds"), to show that a trap never poisons the page.
   */
  EconWidget._trapNextCall = function (handle) {
    var w = handle && ewInstances.get(handle.element);
    if (w && !w.destroyed) w.raw.__wbg_ptr = 0x7ffffff8;
  };
}

// The classic scripts define window.EconWidget; the ES modules export it instead.
if (!EW_MODULE && typeof window !== 'undefined') window.EconWidget = EconWidget;

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
return EconWidget;
})();
export default EconWidget;
export const { version, ready, mount, validateDataset, schemaVersion, fields } = EconWidget;
export const { createChart } = EconWidget;
