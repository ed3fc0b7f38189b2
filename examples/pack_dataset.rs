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
    // An embedded view that breaks an honest-view rule never ships.
    if let Err(e) = econ_widget::views::build_views(&ds) {
        eprintln!("src/data/dataset.json: {e} ({})", e.code);
        std::process::exit(1);
    }
    let bytes = packed::pack(&ds.raw);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/dataset.bin");
    std::fs::write(path, &bytes).expect("write src/data/dataset.bin");
    println!("{path}: {} bytes (JSON {} bytes)", bytes.len(), EMBEDDED_JSON.len());
}
