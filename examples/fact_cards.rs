//! Prints the fact references' cards as JSON: `{"zh": {id: [10 fields]}, "en": {…}}` for every
//! value of the embedded dataset, the fields of src/facts.rs `fact_card`. scripts/build.sh runs
//! it (`cargo run --release --example fact_cards > target/fact-cards.json`) and
//! scripts/bundle.mjs embeds the output in dist/econ-facts.js, so a fact reference needs no
//! card code in the one-chart wasm.
use econ_widget::data::Dataset;
use econ_widget::facts::fact_card;
use econ_widget::i18n::Lang;

fn main() {
    let ds = match Dataset::embedded() {
        Ok(ds) => ds,
        Err(e) => {
            eprintln!("fact_cards: the embedded dataset does not load: {e} ({})", e.code);
            std::process::exit(1);
        }
    };
    let json = |s: &str| serde_json::to_string(s).expect("a string serialises");
    let mut out = String::from("{");
    for (n, (key, lang)) in [("zh", Lang::Zh), ("en", Lang::En)].into_iter().enumerate() {
        out.push_str(if n > 0 { ",\n" } else { "" });
        out.push_str(&format!("{}:{{", json(key)));
        for (i, v) in ds.raw.values.iter().enumerate() {
            let fields: Vec<String> = fact_card(&ds, i, lang).iter().map(|f| json(f)).collect();
            out.push_str(&format!("{}\n{}:[{}]", if i > 0 { "," } else { "" }, json(&v.id), fields.join(",")));
        }
        out.push('}');
    }
    out.push_str("}\n");
    print!("{out}");
}
