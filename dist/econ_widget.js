let wasm_bindgen = (function(exports) {
    let script_src;
    if (typeof document !== 'undefined' && document.currentScript !== null) {
        script_src = new URL(document.currentScript.src, location.href).toString();
    }

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
                throw new Error(`failed to fetch Wasm: ${module.status} ${module.statusText} fetching '${module.url}'`);
            }

            if (typeof WebAssembly.instantiateStreaming === 'function') {
                try {
                    return await WebAssembly.instantiateStreaming(module, imports);
                } catch (e) {
                    const validResponse = expectedResponseType(module.type);

                    if (validResponse && module.headers.get('Content-Type') !== 'application/wasm') {
                        console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n", e);

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

        if (module_or_path !== undefined) {
            if (Object.getPrototypeOf(module_or_path) === Object.prototype) {
                ({module_or_path} = module_or_path)
            } else {
                console.warn('using deprecated parameters for the initialization function; pass a single object instead')
            }
        }

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

    return Object.assign(__wbg_init, { initSync }, exports);
})({ __proto__: null });
