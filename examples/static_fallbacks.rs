//! Renders every view of the embedded dataset (curated and derived) as a static SVG, by the same
//! layout and drawing code as the canvas: `dist/static/<view>.<lang>.svg` (light, 640 px wide,
//! with <title> and <desc>), plus `dist/static/index.json` (per view and language: title, alt
//! text and height), for <noscript>, print, AMP, RSS and e-mail, where no script runs.
//! scripts/build.sh runs it: `cargo run --release --example static_fallbacks -- dist/static`.
use econ_widget::select::Patch;
use econ_widget::widget::Widget;
use std::fmt::Write as _;

/// 640 px: a phone's 2× width and an article column's, and the width the snapshots use.
const WIDTH: f64 = 640.0;

/// A view id as a file name and URL path: an id of ASCII letters, digits and `-` as it is,
/// any other (derived ids: `auto/晋中/…`) as `v-` and the FNV-1a hash of its UTF-16 code units,
/// the rule www/explorer.js (`staticName`) follows for its snippets. main() refuses two views of
/// one name.
fn safe_id(id: &str) -> String {
    if !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return id.to_string();
    }
    let hash = id.encode_utf16().fold(0x811c_9dc5_u32, |h, u| (h ^ u as u32).wrapping_mul(16_777_619));
    format!("v-{hash:08x}")
}

fn xml(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn json(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "dist/static".into());
    let fail = |what: String| -> ! {
        eprintln!("static_fallbacks: {what}");
        std::process::exit(1)
    };
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(format!("cannot create {dir}: {e}")));
    let mut w = Widget::new(None, &Patch::default()).unwrap_or_else(|e| fail(format!("{e} ({})", e.code)));
    let mut index = String::from("{");
    let mut names = std::collections::HashSet::new();
    for (n, view) in w.views().into_iter().enumerate() {
        let _ = write!(index, "{}\n{}:{{", if n > 0 { "," } else { "" }, json(&view.id));
        if !names.insert(safe_id(&view.id)) {
            fail(format!("two views are named {} (view {})", safe_id(&view.id), view.id));
        }
        for (l, lang) in ["zh", "en"].into_iter().enumerate() {
            // Light: a static image cannot follow the reader's scheme, and it is printed too.
            let patch = Patch {
                view: Some(view.id.clone()),
                lang: Some(lang.into()),
                theme: Some("light".into()),
                ..Patch::default()
            };
            if let Err(e) = w.select(&patch) {
                fail(format!("view {}: {e} ({})", view.id, e.code));
            }
            let svg = w.svg(WIDTH, false).unwrap_or_else(|e| fail(format!("view {}: {e} ({})", view.id, e.code)));
            let height = w.scene_for(WIDTH).map(|s| s.height.ceil()).unwrap_or(0.0);
            let spec = w.spec();
            // What a reader without the picture needs: the summary starts with the title and
            // gives the key figures with their units.
            let alt = spec.summary.clone();
            let open = svg.find('>').map(|i| i + 1).unwrap_or_else(|| fail(format!("view {}: no <svg> tag", view.id)));
            let (head, body) = svg.split_at(open);
            let head = head.replacen("<svg ", r#"<svg role="img" aria-labelledby="t d" "#, 1);
            let file = format!("{}.{lang}.svg", safe_id(&view.id));
            let out = format!(
                "{head}\n<title id=\"t\">{}</title>\n<desc id=\"d\">{} {}</desc>{body}",
                xml(&spec.title),
                xml(&alt),
                xml(&spec.source)
            );
            std::fs::write(format!("{dir}/{file}"), out).unwrap_or_else(|e| fail(format!("cannot write {file}: {e}")));
            let _ = write!(
                index,
                "{}{}:{{\"file\":{},\"title\":{},\"alt\":{},\"source\":{},\"width\":{WIDTH},\"height\":{height}}}",
                if l > 0 { "," } else { "" },
                json(lang),
                json(&file),
                json(&spec.title),
                json(&alt),
                json(&spec.source)
            );
        }
        index.push('}');
    }
    index.push_str("\n}\n");
    std::fs::write(format!("{dir}/index.json"), index)
        .unwrap_or_else(|e| fail(format!("cannot write index.json: {e}")));
}
