// Reading and writing the wasm binary format, for the build scripts and the benchmark.

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

/** `n` as unsigned LEB128. */
export function encUleb(n) {
  const out = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return Buffer.from(out);
}

/** A name as the binary format writes it: its UTF-8 length, then the bytes. */
export const encName = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([encUleb(b.length), b]); };

/** Short names for imports and exports: a … z, A … Z, then aa, ab, … (valid JS identifiers, never a keyword). */
export function shortName(i) {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let s = '';
  do {
    s = abc[i % abc.length] + s;
    i = Math.floor(i / abc.length) - 1;
  } while (i >= 0);
  return s;
}

/** The name at `buf[at]`: [string, offset after it]. */
export function readName(buf, at) {
  const [n, p] = uleb(buf, at);
  return [buf.subarray(p, p + n).toString('utf8'), p + n];
}

/**
 * `wasm` with the entries of section `id` (imports: 2, exports: 7) rewritten: `entry(at)`
 * reads one entry at `at` and returns [its new bytes, the offset after it]. The other
 * sections are copied as they are.
 */
export function rewriteSection(wasm, id, entry, what) {
  const parts = [wasm.subarray(0, 8)];
  for (const sec of sections(wasm)) {
    if (sec.id !== id) {
      parts.push(wasm.subarray(sec.start, sec.end));
      continue;
    }
    let [count, p] = uleb(wasm, sec.bodyAt);
    const entries = [encUleb(count)];
    for (let i = 0; i < count; i++) {
      let bytes;
      [bytes, p] = entry(p);
      entries.push(bytes);
    }
    if (p !== sec.end) throw new Error(`${what}: section ${id} did not parse to its end`);
    const body = Buffer.concat(entries);
    parts.push(Buffer.from([id]), encUleb(body.length), body);
  }
  return Buffer.concat(parts);
}
