//! Writes src/data/dataset.bin, the packed form of src/data/dataset.json that the wasm
//! carries: `cargo run --example pack_dataset`. scripts/build.sh runs it; tests/dataset.rs
//! fails when the committed file is out of step with the JSON.
use econ_widget::data::{packed, Dataset, EMBEDDED_JSON};

fn main() {
    let ds = match Dataset::parse(EMBEDDED_JSON) {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("src/data/dataset.json does not validate: {e} ({})", e.code);
            std::process::exit(1);
        }
    };
    // An embedded view that breaks an honest-view rule never ships; the derived views are
    // packed as view records, so the one-chart wasm derives and checks nothing at start-up.
    let raw = match econ_widget::views::with_derived_views(&ds) {
        Ok(raw) => raw,
        Err(e) => {
            eprintln!("src/data/dataset.json: {e} ({})", e.code);
            std::process::exit(1);
        }
    };
    let bytes = packed::pack(&raw);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/dataset.bin");
    std::fs::write(path, &bytes).expect("write src/data/dataset.bin");
    println!("{path}: {} bytes (JSON {} bytes)", bytes.len(), EMBEDDED_JSON.len());
}
