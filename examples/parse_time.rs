//! How long the start-up work on the embedded dataset takes natively (a rough guide to the
//! first-chart cost in the browser): `cargo run --release --example parse_time`.
use econ_widget::data::{Dataset, EMBEDDED_JSON};
use std::hint::black_box;
use std::time::Instant;

fn time<T>(n: u32, f: impl Fn() -> T) -> std::time::Duration {
    let t = Instant::now();
    for _ in 0..n {
        black_box(f());
    }
    t.elapsed() / n
}

fn main() {
    let n = 50;
    let json = time(n, || serde_json::from_str::<serde_json::Value>(EMBEDDED_JSON).unwrap());
    let host = time(n, || Dataset::parse(EMBEDDED_JSON).unwrap());
    let packed = time(n, || Dataset::embedded().unwrap());
    let unpack = time(n, || econ_widget::data::packed::unpack(econ_widget::data::EMBEDDED_PACKED).unwrap());
    let ds = std::rc::Rc::new(Dataset::embedded().unwrap());
    let views = time(n, || econ_widget::views::build_views(&ds).unwrap());
    let widget = time(n, || econ_widget::widget::Widget::with_dataset(ds.clone(), &Default::default()).unwrap());
    println!("as a host dataset: JSON text → serde_json::Value {json:?}, read (serde) + validate {host:?}; embedded (packed: decode {unpack:?}, + index {packed:?}); build_views {views:?}; widget (views + selection + spec) {widget:?}");
}
