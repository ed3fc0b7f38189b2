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
            wasm.a(ptr, 0);
        }
        /**
         * @returns {string}
         */
        csv() {
            let deferred2_0;
            let deferred2_1;
            try {
                const ret = wasm.c(this.__wbg_ptr);
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
                wasm.u(deferred2_0, deferred2_1, 1);
            }
        }
        /**
         * The height (CSS px) a line chart is laid out to fill (an editor's height or aspect
         * ratio); 0 for the height its width gives. Takes effect at the next render.
         * @param {number} height
         */
        fit(height) {
            wasm.d(this.__wbg_ptr, height);
        }
        /**
         * Keyboard: "next", "prev", "first", "last" or "none".
         * @param {any} how
         * @returns {any}
         */
        focus(how) {
            const ret = wasm.e(this.__wbg_ptr, how);
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
            const ret = wasm.f(this.__wbg_ptr, x, y);
            return ret;
        }
        /**
         * `data`: undefined/null for the embedded dataset, or a host dataset as JSON text or a
         * plain object. `init`: a partial selection.
         * @param {any} data
         * @param {any} init
         */
        constructor(data, init) {
            const ret = wasm.g(data, init);
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
            const ret = wasm.h(this.__wbg_ptr, canvas, width, dpr, dark);
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
            const ret = wasm.i(this.__wbg_ptr, canvas, width, dpr, dark);
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
            const ret = wasm.j(this.__wbg_ptr, patch);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            return takeFromExternrefTable0(ret[0]);
        }
        /**
         * @returns {any}
         */
        state() {
            const ret = wasm.k(this.__wbg_ptr);
            return ret;
        }
        /**
         * @returns {string}
         */
        summary() {
            let deferred1_0;
            let deferred1_1;
            try {
                const ret = wasm.l(this.__wbg_ptr);
                deferred1_0 = ret[0];
                deferred1_1 = ret[1];
                return getStringFromWasm0(ret[0], ret[1]);
            } finally {
                wasm.u(deferred1_0, deferred1_1, 1);
            }
        }
        /**
         * @returns {any}
         */
        table() {
            const ret = wasm.m(this.__wbg_ptr);
            return ret;
        }
        /**
         * @returns {string}
         */
        title() {
            let deferred1_0;
            let deferred1_1;
            try {
                const ret = wasm.n(this.__wbg_ptr);
                deferred1_0 = ret[0];
                deferred1_1 = ret[1];
                return getStringFromWasm0(ret[0], ret[1]);
            } finally {
                wasm.u(deferred1_0, deferred1_1, 1);
            }
        }
        /**
         * Legend click. Returns the new selection; the caller re-renders.
         * @param {number} index
         * @returns {any}
         */
        toggle_series(index) {
            const ret = wasm.o(this.__wbg_ptr, index);
            if (ret[2]) {
                throw takeFromExternrefTable0(ret[1]);
            }
            return takeFromExternrefTable0(ret[0]);
        }
        /**
         * @returns {any}
         */
        views() {
            const ret = wasm.p(this.__wbg_ptr);
            return ret;
        }
    }
    if (Symbol.dispose) WidgetHandle.prototype[Symbol.dispose] = WidgetHandle.prototype.free;
    exports.WidgetHandle = WidgetHandle;

    /**
     * The schema id this build reads (for host pages that check before passing data).
     * @returns {string}
     */
    function schemaVersion() {
        let deferred1_0;
        let deferred1_1;
        try {
            const ret = wasm.b();
            deferred1_0 = ret[0];
            deferred1_1 = ret[1];
            return getStringFromWasm0(ret[0], ret[1]);
        } finally {
            wasm.u(deferred1_0, deferred1_1, 1);
        }
    }
    exports.schemaVersion = schemaVersion;
    function __wbg_get_imports() {
        const import0 = {
            __proto__: null,
            o: function(arg0) {
                const v = arg0;
                const ret = typeof(v) === 'boolean' ? v : undefined;
                return isLikeNone(ret) ? 0xFFFFFF : ret ? 1 : 0;
            },
            p: function(arg0) {
                const ret = arg0 === null;
                return ret;
            },
            q: function(arg0) {
                const val = arg0;
                const ret = typeof(val) === 'object' && val !== null;
                return ret;
            },
            r: function(arg0) {
                const ret = arg0 === undefined;
                return ret;
            },
            s: function(arg0, arg1) {
                const obj = arg1;
                const ret = typeof(obj) === 'number' ? obj : undefined;
                getDataViewMemory0().setFloat64((arg0 >>> 0) + 8 * 1, isLikeNone(ret) ? 0 : ret, true);
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, !isLikeNone(ret), true);
            },
            t: function(arg0, arg1) {
                const obj = arg1;
                const ret = typeof(obj) === 'string' ? obj : undefined;
                var ptr1 = isLikeNone(ret) ? 0 : passStringToWasm0(ret, wasm.s, wasm.t);
                var len1 = WASM_VECTOR_LEN;
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 1, len1, true);
                getDataViewMemory0().setInt32((arg0 >>> 0) + 4 * 0, ptr1, true);
            },
            u: function(arg0, arg1) {
                throw new Error(getStringFromWasm0(arg0, arg1));
            },
            v: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4, arg5) {
                arg0.arc(arg1, arg2, arg3, arg4, arg5);
            }, arguments); },
            w: function(arg0) {
                arg0.beginPath();
            },
            y: function(arg0, arg1, arg2, arg3, arg4) {
                arg0.fillRect(arg1, arg2, arg3, arg4);
            },
            z: function() { return handleError(function (arg0, arg1, arg2, arg3, arg4) {
                arg0.fillText(getStringFromWasm0(arg1, arg2), arg3, arg4);
            }, arguments); },
            x: function(arg0) {
                arg0.fill();
            },
            K: function() { return handleError(function (arg0, arg1, arg2) {
                const ret = arg0.getContext(getStringFromWasm0(arg1, arg2));
                return isLikeNone(ret) ? 0 : addToExternrefTable0(ret);
            }, arguments); },
            l: function() { return handleError(function (arg0, arg1) {
                const ret = Reflect.get(arg0, arg1);
                return ret;
            }, arguments); },
            d: function(arg0, arg1) {
                const ret = arg0[arg1 >>> 0];
                return ret;
            },
            L: function(arg0) {
                const ret = arg0.height;
                return ret;
            },
            J: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof CanvasRenderingContext2D;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            n: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof Error;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            P: function(arg0) {
                let result;
                try {
                    result = arg0 instanceof HTMLCanvasElement;
                } catch (_) {
                    result = false;
                }
                const ret = result;
                return ret;
            },
            c: function(arg0) {
                const ret = Array.isArray(arg0);
                return ret;
            },
            k: function(arg0) {
                const ret = Object.keys(arg0);
                return ret;
            },
            e: function(arg0) {
                const ret = arg0.length;
                return ret;
            },
            A: function(arg0, arg1, arg2) {
                arg0.lineTo(arg1, arg2);
            },
            f: function(arg0) {
                const ret = arg0.message;
                return ret;
            },
            B: function(arg0, arg1, arg2) {
                arg0.moveTo(arg1, arg2);
            },
            g: function(arg0, arg1) {
                const ret = new Error(getStringFromWasm0(arg0, arg1));
                return ret;
            },
            i: function() { return handleError(function (arg0, arg1) {
                const ret = JSON.parse(getStringFromWasm0(arg0, arg1));
                return ret;
            }, arguments); },
            m: function() { return handleError(function (arg0, arg1, arg2) {
                const ret = Reflect.set(arg0, arg1, arg2);
                return ret;
            }, arguments); },
            C: function(arg0, arg1) {
                arg0.fillStyle = arg1;
            },
            D: function(arg0, arg1, arg2) {
                arg0.font = getStringFromWasm0(arg1, arg2);
            },
            M: function(arg0, arg1) {
                arg0.height = arg1 >>> 0;
            },
            E: function(arg0, arg1) {
                arg0.lineWidth = arg1;
            },
            h: function(arg0, arg1, arg2) {
                arg0.name = getStringFromWasm0(arg1, arg2);
            },
            F: function(arg0, arg1) {
                arg0.strokeStyle = arg1;
            },
            G: function(arg0, arg1, arg2) {
                arg0.textAlign = getStringFromWasm0(arg1, arg2);
            },
            H: function(arg0, arg1, arg2) {
                arg0.textBaseline = getStringFromWasm0(arg1, arg2);
            },
            N: function(arg0, arg1) {
                arg0.width = arg1 >>> 0;
            },
            j: function() { return handleError(function (arg0) {
                const ret = JSON.stringify(arg0);
                return ret;
            }, arguments); },
            __wbg_strokeRect_92ff808375332184: function(arg0, arg1, arg2, arg3, arg4) {
                arg0.strokeRect(arg1, arg2, arg3, arg4);
            },
            I: function(arg0) {
                arg0.stroke();
            },
            O: function(arg0) {
                const ret = arg0.width;
                return ret;
            },
            a: function(arg0, arg1) {
                // Cast intrinsic for `Ref(String) -> Externref`.
                const ret = getStringFromWasm0(arg0, arg1);
                return ret;
            },
            b: function() {
                const table = wasm.x;
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
        : new FinalizationRegistry(ptr => wasm.a(ptr, 1));

    function addToExternrefTable0(obj) {
        const idx = wasm.w();
        wasm.x.set(idx, obj);
        return idx;
    }

    let cachedDataViewMemory0 = null;
    function getDataViewMemory0() {
        if (cachedDataViewMemory0 === null || cachedDataViewMemory0.buffer.detached === true || (cachedDataViewMemory0.buffer.detached === undefined && cachedDataViewMemory0.buffer !== wasm.memory.buffer)) {
            cachedDataViewMemory0 = new DataView(wasm.memory.buffer);
        }
        return cachedDataViewMemory0;
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
            wasm.v(idx);
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
        const value = wasm.x.get(idx);
        wasm.y(idx);
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
        cachedUint8ArrayMemory0 = null;
        wasm.z();
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
