//! The embedded dataset in a compact binary form. `src/data/dataset.json` stays the source
//! of truth; `cargo run --example pack_dataset` parses and validates it natively and writes
//! `dataset.bin`, which the wasm carries instead of the JSON (a test fails when the two
//! disagree). At start-up the widget then decodes lengths and bytes — no JSON tokenizing, no
//! re-validation of data that was validated at build time — which was most of the time
//! before the first chart. Host datasets still arrive as JSON and are fully validated.
//!
//! Layout: the magic `EWD1`, then every field of `RawDataset` in declaration order. Lengths
//! and counts are LEB128 varints, strings are a length and UTF-8 bytes, an optional string is
//! 0 (none) or its length + 1, numbers are little-endian f64, enums one byte.

use super::*;

const MAGIC: &[u8; 4] = b"EWD1";

/// Encodes a (validated) dataset.
pub fn pack(raw: &RawDataset) -> Vec<u8> {
    let mut w = Writer(MAGIC.to_vec());
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
        w.byte(v.kind as u8);
        w.byte(v.target_kind.map_or(0, |k| k as u8 + 1));
        w.byte(v.bound as u8);
        w.f64(v.value);
        w.opt_str(v.printed.as_deref());
        w.str(&v.unit);
        w.opt_text(v.subject.as_ref());
        w.opt_text(v.note.as_ref());
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
        w.byte(v.chart as u8);
        w.strs(&v.values);
        w.byte(v.series.map_or(0, |s| s as u8 + 1));
        w.opt_str(v.group.as_deref());
        w.strs(&v.targets);
        w.strs(&v.milestones);
    });
    w.0
}

/// Decodes what `pack` wrote. Never panics: damaged bytes give a `corrupt_dataset` error.
pub fn unpack(bytes: &[u8]) -> Result<RawDataset> {
    let mut r = Reader { b: bytes, i: 0 };
    if r.take(4) != Some(&MAGIC[..]) {
        return Err(corrupt());
    }
    let raw = RawDataset {
        schema: r.str()?,
        documents: r.list(|r| Ok(Document { doc: r.str()?, title: r.text()?, date: r.str()?, publisher: r.text()?, url: r.opt_str()? }))?,
        regions: r.list(|r| Ok(Region { id: r.str()?, name: r.text()?, parent: r.opt_str()? }))?,
        topics: r.list(|r| Ok(Topic { id: r.str()?, name: r.text()? }))?,
        units: r.list(|r| Ok(Unit { id: r.str()?, name: r.text()?, dimension: r.str()?, factor: r.f64()? }))?,
        indicators: r.list(|r| Ok(Indicator { id: r.str()?, topic: r.str()?, name: r.text()? }))?,
        values: r.list(|r| {
            Ok(Value {
                id: r.str()?,
                indicator: r.str()?,
                region: r.str()?,
                period: r.str()?,
                kind: r.kind()?,
                target_kind: match r.byte()? {
                    0 => None,
                    k => Some(*KINDS.get(k as usize - 1).ok_or_else(corrupt)?),
                },
                bound: *BOUNDS.get(r.byte()? as usize).ok_or_else(corrupt)?,
                value: r.f64()?,
                printed: r.opt_str()?,
                unit: r.str()?,
                subject: r.opt_text()?,
                note: r.opt_text()?,
                source: r.source()?,
            })
        })?,
        groups: r.list(|r| {
            let (id, name, whole, parts) = (r.str()?, r.text()?, r.str()?, r.strs()?);
            let has_tolerance = r.byte()? != 0;
            let tolerance = r.f64()?;
            Ok(Group { id, name, whole, parts, tolerance: has_tolerance.then_some(tolerance) })
        })?,
        targets: r.list(|r| Ok(TargetPair { id: r.str()?, name: r.text()?, actual: r.str()?, target: r.str()? }))?,
        milestones: r.list(|r| {
            let (id, region) = (r.str()?, r.str()?);
            let year = u16::try_from(r.len()?).map_err(|_| corrupt())?;
            Ok(Milestone { id, region, year, text: r.text()?, source: r.source()? })
        })?,
        views: r.list(|r| {
            Ok(ViewDef {
                id: r.str()?,
                region: r.str()?,
                topic: r.str()?,
                title: r.text()?,
                chart: *ChartKind::ALL.get(r.byte()? as usize).ok_or_else(corrupt)?,
                values: r.strs()?,
                series: match r.byte()? {
                    0 => None,
                    s => Some(*SERIES.get(s as usize - 1).ok_or_else(corrupt)?),
                },
                group: r.opt_str()?,
                targets: r.strs()?,
                milestones: r.strs()?,
            })
        })?,
    };
    if r.i != bytes.len() {
        return Err(corrupt());
    }
    Ok(raw)
}

// Enum codes are the declaration order; these tables turn a byte back into the variant.
const KINDS: [Kind; 5] = [Kind::Level, Kind::Growth, Kind::Share, Kind::Count, Kind::Target];
const BOUNDS: [Bound; 4] = [Bound::Exact, Bound::AtLeast, Bound::AtMost, Bound::About];
const SERIES: [SeriesBy; 3] = [SeriesBy::Period, SeriesBy::Region, SeriesBy::Kind];

fn corrupt() -> Error {
    Error::new("corrupt_dataset", "", "the embedded dataset is damaged; rebuild pkg/ (scripts/build.sh)")
}

struct Writer(Vec<u8>);

impl Writer {
    fn byte(&mut self, b: u8) {
        self.0.push(b);
    }
    fn len(&mut self, mut n: usize) {
        loop {
            let low = (n & 0x7F) as u8;
            n >>= 7;
            if n == 0 {
                self.0.push(low);
                return;
            }
            self.0.push(low | 0x80);
        }
    }
    fn str(&mut self, s: &str) {
        self.len(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt_str(&mut self, s: Option<&str>) {
        match s {
            None => self.len(0),
            Some(s) => {
                self.len(s.len() + 1);
                self.0.extend_from_slice(s.as_bytes());
            }
        }
    }
    fn strs(&mut self, items: &[String]) {
        self.len(items.len());
        items.iter().for_each(|s| self.str(s));
    }
    fn text(&mut self, t: &Text) {
        self.str(&t.zh);
        self.str(&t.en);
    }
    fn opt_text(&mut self, t: Option<&Text>) {
        self.byte(t.is_some() as u8);
        if let Some(t) = t {
            self.text(t);
        }
    }
    fn f64(&mut self, v: f64) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn source(&mut self, s: &Source) {
        self.str(&s.doc);
        self.str(&s.quote);
    }
    fn list<T>(&mut self, items: &[T], mut item: impl FnMut(&mut Writer, &T)) {
        self.len(items.len());
        for x in items {
            item(self, x);
        }
    }
}

struct Reader<'a> {
    b: &'a [u8],
    i: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.i.checked_add(n).filter(|&e| e <= self.b.len())?;
        let s = &self.b[self.i..end];
        self.i = end;
        Some(s)
    }
    fn byte(&mut self) -> Result<u8> {
        self.take(1).map(|b| b[0]).ok_or_else(corrupt)
    }
    fn len(&mut self) -> Result<usize> {
        let mut n: usize = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            n |= ((b & 0x7F) as usize) << shift;
            if b & 0x80 == 0 {
                // No count or length can exceed the bytes that are left.
                return if n <= self.b.len() { Ok(n) } else { Err(corrupt()) };
            }
        }
        Err(corrupt())
    }
    fn bytes_str(&mut self, n: usize) -> Result<String> {
        let bytes = self.take(n).ok_or_else(corrupt)?;
        std::str::from_utf8(bytes).map(str::to_string).map_err(|_| corrupt())
    }
    fn str(&mut self) -> Result<String> {
        let n = self.len()?;
        self.bytes_str(n)
    }
    fn opt_str(&mut self) -> Result<Option<String>> {
        match self.len()? {
            0 => Ok(None),
            n => self.bytes_str(n - 1).map(Some),
        }
    }
    fn strs(&mut self) -> Result<Vec<String>> {
        self.list(|r| r.str())
    }
    fn text(&mut self) -> Result<Text> {
        Ok(Text { zh: self.str()?, en: self.str()? })
    }
    fn opt_text(&mut self) -> Result<Option<Text>> {
        match self.byte()? {
            0 => Ok(None),
            _ => self.text().map(Some),
        }
    }
    fn f64(&mut self) -> Result<f64> {
        let b = self.take(8).ok_or_else(corrupt)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(f64::from_le_bytes(a))
    }
    fn kind(&mut self) -> Result<Kind> {
        KINDS.get(self.byte()? as usize).copied().ok_or_else(corrupt)
    }
    fn source(&mut self) -> Result<Source> {
        Ok(Source { doc: self.str()?, quote: self.str()? })
    }
    fn list<T>(&mut self, mut item: impl FnMut(&mut Reader<'a>) -> Result<T>) -> Result<Vec<T>> {
        let n = self.len()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(item(self)?);
        }
        Ok(out)
    }
}
