// Reading the wasm binary format, for the build scripts and the benchmark.

/** The unsigned LEB128 number at `buf[at]`: [value, offset after it]. */
export function uleb(buf, at) {
  let n = 0, shift = 0, b;
  do {
    b = buf[at++];
    n += (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  return [n, at];
}

/**
 * The sections of a wasm module, in order: `id`, `start` (the id byte), `bodyAt`, `end`, and
 * for a custom section (id 0) its `name`.
 */
export function sections(buf) {
  const out = [];
  let at = 8;
  while (at < buf.length) {
    const id = buf[at];
    const [size, bodyAt] = uleb(buf, at + 1);
    const s = { id, start: at, bodyAt, end: bodyAt + size };
    if (id === 0) {
      const [n, nameAt] = uleb(buf, bodyAt);
      s.name = buf.subarray(nameAt, nameAt + n).toString();
    }
    out.push(s);
    at = s.end;
  }
  return out;
}
