//! How long parsing + validating the embedded dataset takes natively (a rough guide to the
//! first-chart cost in the browser): `cargo run --release --example parse_time`.
fn main() {
    let t = std::time::Instant::now();
    let n = 20;
    for _ in 0..n {
        let ds = econ_widget::data::Dataset::embedded().unwrap();
        std::hint::black_box(&ds);
    }
    let parse = t.elapsed() / n;
    let t = std::time::Instant::now();
    for _ in 0..n {
        let v: serde_json::Value = serde_json::from_str(econ_widget::data::EMBEDDED_JSON).unwrap();
        std::hint::black_box(&v);
    }
    let json = t.elapsed() / n;
    let ds = std::rc::Rc::new(econ_widget::data::Dataset::embedded().unwrap());
    let t = std::time::Instant::now();
    for _ in 0..n {
        std::hint::black_box(econ_widget::views::build_views(&ds));
    }
    let views = t.elapsed() / n;
    println!("parse+validate {parse:?} (of which JSON {json:?}); build_views {views:?}");
}
