//! Renders one chart of the embedded dataset as SVG, natively:
//! `cargo run --example svg -- <view-id> [zh|en] [width] [chart] [dark]` > chart.svg
//! An editor's options come from the environment: `EW_TITLE`, `EW_DESCRIPTION`, `EW_HIGHLIGHT`,
//! `EW_HEIGHT` (CSS px, which a line chart fills).
use econ_widget::select::Patch;
use econ_widget::widget::Widget;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let view = args.first().map(String::as_str).unwrap_or("d000-gdp-sectors");
    let lang = args.get(1).map(String::as_str).unwrap_or("zh");
    let width: f64 = args.get(2).and_then(|w| w.parse().ok()).unwrap_or(640.0);
    let sel = Patch {
        view: Some(view.into()),
        lang: Some(lang.into()),
        chart: args.get(3).cloned().filter(|c| !c.is_empty()),
        title: std::env::var("EW_TITLE").ok(),
        description: std::env::var("EW_DESCRIPTION").ok(),
        highlight: std::env::var("EW_HIGHLIGHT").ok(),
        ..Patch::default()
    };
    let dark = args.get(4).map(|d| d == "dark").unwrap_or(false);
    let fit: f64 = std::env::var("EW_HEIGHT").ok().and_then(|h| h.parse().ok()).unwrap_or(0.0);
    let result = Widget::new(None, &sel).and_then(|mut w| {
        w.fit(fit);
        w.svg(width, dark)
    });
    match result {
        Ok(svg) => print!("{svg}"),
        Err(e) => {
            eprintln!("{} ({})", e, e.code);
            std::process::exit(1);
        }
    }
}
