// Makes the panic locations in a wasm's data all alike: every `core::panic::Location`
// record (file name pointer and length, line, column: four u32 in the data segment) is set to
// the first record's file and line 0, column 0. On wasm32-unknown-unknown nobody can read them:
// the crate installs no panic hook, std's default hook writes to a stderr that does not exist,
// and panic = "abort" traps, so a panic shows as a wasm `unreachable` trap with its stack
// whatever its location says. Alike, the records cost gzip almost nothing: 0.55 KB gzip of the
// one-chart wasm (measured), what `-Zlocation-detail=none` would save of the data, on stable
// Rust. Code and sizes stay as they are; only bytes inside the data segment change.
//
// Usage: node scripts/strip-panic-locations.mjs <wasm>   (rewrites the file in place)
import { readFileSync, writeFileSync } from 'node:fs';
import { sections, uleb } from './wasm-binary.mjs';

/** The signed LEB128 number at `buf[at]`: [value, offset after it]. */
function sleb(buf, at) {
  let n = 0, shift = 0, b;
  do {
    b = buf[at++];
    n |= (b & 0x7f) << shift;
    shift += 7;
  } while (b & 0x80);
  if (shift < 32 && b & 0x40) n |= -1 << shift;
  return [n, at];
}

/** Active data segments of memory 0 at constant addresses: {addr, at (file offset), len}. */
function dataSegments(buf) {
  const data = sections(buf).find((s) => s.id === 11);
  if (!data) return [];
  let [count, at] = uleb(buf, data.bodyAt);
  const segs = [];
  for (let k = 0; k < count; k++) {
    if (buf[at] !== 0 || buf[at + 1] !== 0x41) throw new Error(`data segment ${k}: not an active segment at an i32.const address`);
    let addr;
    [addr, at] = sleb(buf, at + 2);
    if (buf[at++] !== 0x0b) throw new Error(`data segment ${k}: offset expression is not a constant`);
    const [len, bytesAt] = uleb(buf, at);
    segs.push({ addr, at: bytesAt, len });
    at = bytesAt + len;
  }
  return segs;
}

export function stripPanicLocations(buf) {
  const segs = dataSegments(buf);
  const bytesAt = (addr, len) => {
    const s = segs.find((s) => addr >= s.addr && addr + len <= s.addr + s.len);
    return s ? buf.subarray(s.at + addr - s.addr, s.at + addr - s.addr + len) : null;
  };
  let first = null, count = 0;
  for (const s of segs) {
    // Records are 4-aligned in memory.
    for (let o = (4 - (s.addr % 4)) % 4; o + 16 <= s.len; o += 4) {
      const at = s.at + o;
      const ptr = buf.readUInt32LE(at), len = buf.readUInt32LE(at + 4);
      if (len < 4 || len > 300) continue;
      const name = bytesAt(ptr, len);
      // A file name: printable ASCII ending in ".rs", then a plausible line and column.
      if (!name || !/^[ -~]+\.rs$/.test(name.toString('latin1'))) continue;
      if (buf.readUInt32LE(at + 8) > 1e6 || buf.readUInt32LE(at + 12) > 1e4) continue;
      first ??= [ptr, len];
      buf.writeUInt32LE(first[0], at);
      buf.writeUInt32LE(first[1], at + 4);
      buf.writeUInt32LE(0, at + 8);
      buf.writeUInt32LE(0, at + 12);
      count++;
    }
  }
  return count;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const buf = Buffer.from(readFileSync(file));
  const n = stripPanicLocations(buf);
  // None found means the data's layout changed under this script: say so rather than pass.
  if (n === 0) throw new Error(`${file}: no panic locations found`);
  writeFileSync(file, buf);
  console.log(`${file}: ${n} panic locations made alike`);
}
