//! The embedded dataset in a compact binary form. `src/data/dataset.json` stays the source
//! of truth; `cargo run --example pack_dataset` parses and validates it natively and writes
//! `dataset.bin`, which the wasm carries instead of the JSON (a test fails when the two
//! disagree). At start-up the widget then decodes lengths and bytes — no JSON tokenizing, no
//! re-validation of data that was validated at build time — which was most of the time
//! before the first chart. Host datasets still arrive as JSON and are fully validated.
//!
//! Layout: the magic `EWD6`; four string tables (`Kind`: English text, ids, Chinese text,
//! quotes), each its length in bytes, then every string in UTF-8 followed by a NUL (1 byte
//! that gzip codes in a few bits, where a length was a byte of noise); then every field
//! of `RawDataset` in declaration order. Counts and lengths are LEB128 varints. A string is a
//! reference into its kind's table (`Writer::string`), an optional string 0 (none) or the
//! reference + 1; numbers are decimals (`Writer::f64`); enums one byte: the variant's position in
//! its name table (`KINDS`, `BOUNDS`, `SERIES`, `ChartKind::ALL`).
//!
//! Each distinct string is stored once, like with like, and a string's first use costs one
//! byte: gzip compresses each kind of text better in one run than interleaved with numbers
//! and ids. `gzip -9` of dataset.bin: 20.6 KB with the strings inline in the records, 16.3 KB
//! in tables.

use super::*;

const MAGIC: &[u8; 4] = b"EWD6";

/// Encodes a (validated) dataset: a first pass over the records collects the strings, the
/// second writes the table and the records.
pub fn pack(raw: &RawDataset) -> Vec<u8> {
    let mut collect = Writer { out: Vec::new(), tables: Default::default(), next: None };
    records(&mut collect, raw);
    let mut w = Writer { out: MAGIC.to_vec(), tables: Default::default(), next: Some([0; KINDS_OF_STRING]) };
    for table in &collect.tables {
        let text: Vec<u8> = table.iter().flat_map(|s| s.bytes().chain([0])).collect();
        assert!(
            table.iter().all(|s| !s.contains('\0')),
            "a dataset string contains NUL (the validator rejects control characters)"
        );
        w.len(text.len());
        w.out.extend_from_slice(&text);
    }
    w.tables = collect.tables;
    records(&mut w, raw);
    w.out
}

fn records<'a>(w: &mut Writer<'a>, raw: &'a RawDataset) {
    let charts = chart_table();
    w.str(&raw.schema);
    w.list(&raw.documents, |w, d| {
        w.str(&d.doc);
        w.text(&d.title);
        w.str(&d.date);
        w.text(&d.publisher);
        w.opt_str(d.url.as_deref());
    });
    w.list(&raw.regions, |w, r| {
        w.str(&r.id);
        w.text(&r.name);
        w.opt_str(r.parent.as_deref());
    });
    w.list(&raw.topics, |w, t| {
        w.str(&t.id);
        w.text(&t.name);
    });
    w.list(&raw.units, |w, u| {
        w.str(&u.id);
        w.text(&u.name);
        w.str(&u.dimension);
        w.f64(u.factor);
    });
    w.list(&raw.indicators, |w, i| {
        w.str(&i.id);
        w.str(&i.topic);
        w.text(&i.name);
    });
    w.list(&raw.values, |w, v| {
        w.str(&v.id);
        w.str(&v.indicator);
        w.str(&v.region);
        w.str(&v.period);
        w.byte(code(&KINDS, v.kind));
        w.byte(v.target_kind.map_or(0, |k| code(&KINDS, k) + 1));
        w.byte(code(&BOUNDS, v.bound));
        w.f64(v.value);
        w.opt_str(v.printed.as_deref());
        w.str(&v.unit);
        w.opt_text(v.subject.as_ref());
        w.opt_text(v.note.as_ref());
        w.opt_text(v.period_text.as_ref());
        w.byte(v.derived.as_ref().map_or(0, |d| code(&OPS, d.op) + 1));
        if let Some(d) = &v.derived {
            w.strs(&d.inputs);
        }
        w.source(&v.source);
    });
    w.list(&raw.groups, |w, g| {
        w.str(&g.id);
        w.text(&g.name);
        w.str(&g.whole);
        w.strs(&g.parts);
        w.byte(g.tolerance.is_some() as u8);
        w.f64(g.tolerance.unwrap_or(0.0));
    });
    w.list(&raw.targets, |w, t| {
        w.str(&t.id);
        w.text(&t.name);
        w.str(&t.actual);
        w.str(&t.target);
    });
    w.list(&raw.milestones, |w, m| {
        w.str(&m.id);
        w.str(&m.region);
        w.len(m.year as usize);
        w.text(&m.text);
        w.source(&m.source);
    });
    w.list(&raw.views, |w, v| {
        w.str(&v.id);
        w.str(&v.region);
        w.str(&v.topic);
        w.text(&v.title);
        w.byte(code(&charts, v.chart));
        w.strs(&v.values);
        w.byte(v.series.map_or(0, |s| code(&SERIES, s) + 1));
        w.opt_str(v.group.as_deref());
        w.strs(&v.targets);
        w.strs(&v.milestones);
        w.list(&v.charts, |w, &c| w.byte(code(&charts, c)));
    });
}

/// Decodes what `pack` wrote. Never panics: damaged bytes give a `corrupt_dataset` error.
pub fn unpack(bytes: &[u8]) -> Result<RawDataset> {
    let charts = chart_table();
    let mut r = Reader { b: bytes, i: 0, bad: false, tables: Default::default(), next: [0; KINDS_OF_STRING] };
    if r.take(4) != Some(&MAGIC[..]) {
        return Err(corrupt());
    }
    for k in 0..KINDS_OF_STRING {
        r.tables[k] = r.string_table();
    }
    let raw = RawDataset {
        schema: r.str(),
        documents: r.list(|r| Document {
            doc: r.str(),
            title: r.text(),
            date: r.str(),
            publisher: r.text(),
            url: r.opt_str(),
        }),
        regions: r.list(|r| Region { id: r.str(), name: r.text(), parent: r.opt_str() }),
        topics: r.list(|r| Topic { id: r.str(), name: r.text() }),
        units: r.list(|r| Unit { id: r.str(), name: r.text(), dimension: r.str(), factor: r.f64() }),
        indicators: r.list(|r| Indicator { id: r.str(), topic: r.str(), name: r.text() }),
        values: r.list(|r| Value {
            id: r.str(),
            indicator: r.str(),
            region: r.str(),
            period: r.str(),
            kind: r.pick(&KINDS),
            target_kind: r.pick_opt(&KINDS),
            bound: r.pick(&BOUNDS),
            value: r.f64(),
            printed: r.opt_str(),
            unit: r.str(),
            subject: r.opt_text(),
            note: r.opt_text(),
            // Written after `note` (fields are read in the order written here).
            period_text: r.opt_text(),
            derived: r.pick_opt(&OPS).map(|op| Derived { op, inputs: r.strs() }),
            source: r.source(),
        }),
        groups: r.list(|r| {
            let (id, name, whole, parts) = (r.str(), r.text(), r.str(), r.strs());
            let has_tolerance = r.byte() != 0;
            let tolerance = r.f64();
            Group { id, name, whole, parts, tolerance: has_tolerance.then_some(tolerance) }
        }),
        targets: r.list(|r| TargetPair { id: r.str(), name: r.text(), actual: r.str(), target: r.str() }),
        milestones: r.list(|r| {
            let (id, region) = (r.str(), r.str());
            let year = u16::try_from(r.varint()).unwrap_or_else(|_| {
                r.bad = true;
                0
            });
            Milestone { id, region, year, text: r.text(), source: r.source() }
        }),
        views: r.list(|r| ViewDef {
            id: r.str(),
            region: r.str(),
            topic: r.str(),
            title: r.text(),
            chart: r.pick(&charts),
            values: r.strs(),
            series: r.pick_opt(&SERIES),
            group: r.opt_str(),
            targets: r.strs(),
            milestones: r.strs(),
            charts: r.list(|r| r.pick(&charts)),
        }),
    };
    if r.bad || r.i != bytes.len() {
        return Err(corrupt());
    }
    Ok(raw)
}

/// Charts by id, in the shape of the other enums' tables (`super::KINDS`…).
fn chart_table() -> [(&'static str, ChartKind); 6] {
    ChartKind::ALL.map(|c| (c.id(), c))
}

/// An enum variant's code: its position in its table (`super::KINDS`…).
fn code<T: PartialEq>(table: &[(&str, T)], t: T) -> u8 {
    table.iter().position(|(_, x)| *x == t).unwrap_or(0) as u8
}

fn corrupt() -> Error {
    Error::new("corrupt_dataset", "", "the embedded dataset is damaged: rebuild with scripts/build.sh")
}

/// `Writer::f64`'s marker for a number kept as its 8 bytes.
const RAW: u8 = 0xFF;

/// The string tables, one per kind of string (`Kind`).
const KINDS_OF_STRING: usize = 4;

/// What a string is: each kind has its own table, one run of like text for gzip. In this
/// order Chinese labels sit next to the quotes they come from (gzip finds shared phrases
/// closer): 0.2 KB less than ids first.
#[derive(Clone, Copy)]
enum Kind {
    En,
    Id,
    Zh,
    Quote,
}

struct Writer<'a> {
    out: Vec<u8>,
    /// Per kind, each distinct string in order of first use.
    tables: [Vec<&'a str>; KINDS_OF_STRING],
    /// Per kind, how many strings the records have used so far; None on the first pass.
    next: Option<[usize; KINDS_OF_STRING]>,
}

impl<'a> Writer<'a> {
    fn byte(&mut self, b: u8) {
        self.out.push(b);
    }
    fn len(&mut self, n: usize) {
        self.varint(n as u64);
    }
    fn varint(&mut self, mut n: u64) {
        loop {
            let low = (n & 0x7F) as u8;
            n >>= 7;
            if n == 0 {
                self.out.push(low);
                return;
            }
            self.out.push(low | 0x80);
        }
    }
    /// A string reference, + `plus`: 0 for the next string of its table (the first use of a
    /// string, since the tables are in order of first use; most text is used once), else its
    /// number in the table + 1. On the first pass, notes the string instead.
    fn string(&mut self, s: &'a str, kind: Kind, plus: usize) {
        let table = &mut self.tables[kind as usize];
        let known = table.iter().position(|&t| t == s);
        let Some(next) = self.next.as_mut().map(|n| &mut n[kind as usize]) else {
            if known.is_none() {
                table.push(s);
            }
            return;
        };
        let code = match known {
            Some(i) if i < *next => i + 1,
            _ => {
                *next += 1;
                0
            }
        };
        self.len(code + plus);
    }
    fn str(&mut self, s: &'a str) {
        self.string(s, Kind::Id, 0);
    }
    fn opt_str(&mut self, s: Option<&'a str>) {
        match s {
            None => self.len(0),
            Some(s) => self.string(s, Kind::Id, 1),
        }
    }
    fn strs(&mut self, items: &'a [String]) {
        self.len(items.len());
        items.iter().for_each(|s| self.str(s));
    }
    fn text(&mut self, t: &'a Text) {
        self.string(&t.zh, Kind::Zh, 0);
        self.string(&t.en, Kind::En, 0);
    }
    fn opt_text(&mut self, t: Option<&'a Text>) {
        self.byte(t.is_some() as u8);
        if let Some(t) = t {
            self.text(t);
        }
    }
    /// A number as a decimal: a byte `k` and the zigzag varint of `n`, for `n / 10^k` — 2 to 4
    /// bytes where the f64 took 8 of noise to gzip. Division of exact integers is correctly
    /// rounded, so it gives back the very f64 the JSON parsed; anything else (k > 15, |n| ≥ 2^53)
    /// is `RAW` then the f64.
    fn f64(&mut self, v: f64) {
        let mut scale = 1.0;
        for k in 0..16u8 {
            let n = (v * scale).round() as i64;
            if n.unsigned_abs() < 1 << 53 && (n as f64 / scale).to_bits() == v.to_bits() {
                self.byte(k);
                self.varint(((n << 1) ^ (n >> 63)) as u64);
                return;
            }
            scale *= 10.0;
        }
        self.byte(RAW);
        self.out.extend_from_slice(&v.to_le_bytes());
    }
    fn source(&mut self, s: &'a Source) {
        self.str(&s.doc);
        self.string(&s.quote, Kind::Quote, 0);
    }
    fn list<T>(&mut self, items: &'a [T], mut item: impl FnMut(&mut Writer<'a>, &'a T)) {
        self.len(items.len());
        for x in items {
            item(self, x);
        }
    }
}

/// Reads without `?` at every field: a failed read marks the reader bad and returns an empty
/// value, and `unpack` checks once at the end. (With an early return per field, each one
/// carried its own copy of the drop code for the fields read so far: 15 KB of wasm.)
struct Reader<'a> {
    b: &'a [u8],
    i: usize,
    bad: bool,
    /// The string tables (`Kind`) and how many strings of each the records have used.
    tables: [Vec<&'a str>; KINDS_OF_STRING],
    next: [usize; KINDS_OF_STRING],
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.i.checked_add(n).filter(|&e| e <= self.b.len());
        match end {
            Some(end) if !self.bad => {
                let s = &self.b[self.i..end];
                self.i = end;
                Some(s)
            }
            _ => {
                self.bad = true;
                None
            }
        }
    }
    fn byte(&mut self) -> u8 {
        self.take(1).map_or(0, |b| b[0])
    }
    fn varint(&mut self) -> usize {
        let n = self.varint64();
        usize::try_from(n).unwrap_or_else(|_| {
            self.bad = true;
            0
        })
    }
    fn varint64(&mut self) -> u64 {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte();
            n |= ((b & 0x7F) as u64) << shift;
            if b & 0x80 == 0 {
                return n;
            }
        }
        self.bad = true;
        0
    }
    /// A count or length: none can exceed the bytes that are left.
    fn len(&mut self) -> usize {
        let n = self.varint();
        if n <= self.b.len() - self.i.min(self.b.len()) {
            return n;
        }
        self.bad = true;
        0
    }
    /// A table: its length in bytes, then each string followed by a NUL; checked as UTF-8 once.
    fn string_table(&mut self) -> Vec<&'a str> {
        let n = self.len();
        match self.take(n).map(std::str::from_utf8) {
            Some(Ok(all)) => all.split_terminator('\0').collect(),
            _ => {
                self.bad = true;
                Vec::new()
            }
        }
    }
    /// The string a reference `code` names (see `Writer::string`).
    fn resolve(&mut self, kind: Kind, code: usize) -> String {
        let (table, next) = (&self.tables[kind as usize], &mut self.next[kind as usize]);
        let n = match code {
            0 => {
                *next += 1;
                *next - 1
            }
            _ => code - 1,
        };
        match table.get(n) {
            Some(s) => s.to_string(),
            None => {
                self.bad = true;
                String::new()
            }
        }
    }
    fn string(&mut self, kind: Kind) -> String {
        let code = self.varint();
        self.resolve(kind, code)
    }
    fn str(&mut self) -> String {
        self.string(Kind::Id)
    }
    fn opt_str(&mut self) -> Option<String> {
        match self.varint() {
            0 => None,
            code => Some(self.resolve(Kind::Id, code - 1)),
        }
    }
    fn strs(&mut self) -> Vec<String> {
        self.list(|r| r.str())
    }
    fn text(&mut self) -> Text {
        Text { zh: self.string(Kind::Zh), en: self.string(Kind::En) }
    }
    fn opt_text(&mut self) -> Option<Text> {
        match self.byte() {
            0 => None,
            _ => Some(self.text()),
        }
    }
    /// What `Writer::f64` wrote: `n / 10^k`, or a raw f64.
    fn f64(&mut self) -> f64 {
        let k = self.byte();
        if k == RAW {
            let mut a = [0u8; 8];
            if let Some(b) = self.take(8) {
                a.copy_from_slice(b);
            }
            return f64::from_le_bytes(a);
        }
        if k > 15 {
            self.bad = true;
        }
        let z = self.varint64();
        let n = ((z >> 1) as i64 ^ -((z & 1) as i64)) as f64;
        let mut scale = 1.0;
        for _ in 0..k.min(15) {
            scale *= 10.0;
        }
        n / scale
    }
    /// An enum from its code byte.
    fn pick<T: Copy>(&mut self, table: &[(&str, T)]) -> T {
        match table.get(self.byte() as usize) {
            Some(&(_, t)) => t,
            None => {
                self.bad = true;
                table[0].1
            }
        }
    }
    /// An optional enum: 0 for none, else its code + 1.
    fn pick_opt<T: Copy>(&mut self, table: &[(&str, T)]) -> Option<T> {
        match self.byte() {
            0 => None,
            k => match table.get(k as usize - 1) {
                Some(&(_, t)) => Some(t),
                None => {
                    self.bad = true;
                    None
                }
            },
        }
    }
    fn source(&mut self) -> Source {
        Source { doc: self.str(), quote: self.string(Kind::Quote) }
    }
    fn list<T>(&mut self, mut item: impl FnMut(&mut Reader<'a>) -> T) -> Vec<T> {
        let n = self.len();
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            if self.bad {
                break;
            }
            out.push(item(self));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_reference_past_its_table_is_corrupt_data() {
        // Four empty tables, then the schema: string 5 of an empty table.
        let bytes = [&MAGIC[..], &[0, 0, 0, 0, 6]].concat();
        assert_eq!(unpack(&bytes).unwrap_err().code, "corrupt_dataset");
        // A table whose length cuts a character in two.
        let bytes = [&MAGIC[..], &[4], "é中".as_bytes(), &[0, 0, 0, 0]].concat();
        assert_eq!(unpack(&bytes).unwrap_err().code, "corrupt_dataset");
    }

    #[test]
    fn numbers_come_back_bit_for_bit() {
        let tricky = [0.0, -0.0, 0.1, 0.3, 949.6, -3.25, 1e12, 123456.789, 1e-20, 2f64.powi(60), f64::MAX, 1.0 / 3.0];
        for v in tricky {
            let mut w = Writer { out: Vec::new(), tables: Default::default(), next: None };
            w.f64(v);
            let mut r = Reader { b: &w.out, i: 0, bad: false, tables: Default::default(), next: [0; KINDS_OF_STRING] };
            assert_eq!(r.f64().to_bits(), v.to_bits(), "{v} packed as {:?}", w.out);
            assert!(!r.bad && r.i == w.out.len(), "{v}");
        }
    }
}
