//! Text measurement and wrapping without a font: an estimate per character class, so layout is
//! the same on canvas, in SVG and in native tests. CJK glyphs are one em wide in every CJK
//! font; Latin widths are averages of common sans-serif fonts, rounded up so text never
//! overflows the space it was given.

/// Estimated advance of one character in ems.
fn char_em(c: char) -> f64 {
    match c {
        '\u{2E80}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF01}'..='\u{FF60}' | '\u{AC00}'..='\u{D7AF}' => 1.0,
        // Curly quotes are full-width in CJK fonts, which draw them in text with CJK characters
        // (`width` narrows them in other text, which a Latin font draws: `has_cjk`).
        '“' | '”' | '‘' | '’' => 1.0,
        '\u{1F000}'..='\u{1FFFF}' => 1.2,
        ' ' => 0.28,
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '[' | ']' | '-' | '/' => 0.4,
        'm' | 'w' => 0.85,
        'M' | 'W' | '%' | '@' => 0.95,
        'A'..='Z' => 0.68,
        '0'..='9' => 0.58,
        c if c.is_ascii() => 0.55,
        _ => 0.7,
    }
}

/// `items` joined by `sep`. `[..].join` has one large copy per element type and separator
/// type; this is a few hundred bytes of wasm.
pub fn join<S: AsRef<str>>(items: &[S], sep: &str) -> String {
    let mut out = String::new();
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(s.as_ref());
    }
    out
}

/// `s` with every " · " (the separator of subtitles and source lines) replaced by `to`. By
/// char: `str::replace` with a `&str` pattern links core's substring searcher and its panic
/// formatting (char escapes, Unicode printable tables), about 4 KB gzip of one-chart wasm.
pub fn replace_dot(s: &str, to: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((head, tail)) = rest.split_once('·') {
        match (head.strip_suffix(' '), tail.strip_prefix(' ')) {
            (Some(h), Some(t)) => {
                out.push_str(h);
                out.push_str(to);
                rest = t;
            }
            _ => {
                out.push_str(head);
                out.push('·');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}
pub fn width(text: &str, size: f64, bold: bool) -> f64 {
    // One pass: curly quotes are counted, and measured once it is known whether the text has
    // a CJK character (full-width then; Arial's and Helvetica's are a third of an em).
    let (mut em, mut quotes, mut cjk) = (0.0, 0.0, false);
    for c in text.chars() {
        if is_quote(c) {
            quotes += 1.0;
        } else {
            em += char_em(c);
            cjk |= draws_cjk(c);
        }
    }
    em += quotes * if cjk { 1.0 } else { 0.35 };
    // 3% spare: fonts differ a little, and text must never overflow its box.
    em * size * if bold { 1.09 } else { 1.03 }
}

/// Characters that must not start a line (Chinese line-breaking rules).
fn no_line_start(c: char) -> bool {
    // A match, not `str::contains(char)`: that searches for the char's UTF-8 bytes as a
    // substring, which brings a substring searcher (2 KB of wasm) for this one line.
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '”'
            | '’'
            | '%'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
    )
}

fn is_cjk(c: char) -> bool {
    char_em(c) >= 1.0
}

fn is_quote(c: char) -> bool {
    matches!(c, '“' | '”' | '‘' | '’')
}

/// Whether a text has a CJK character, and so is drawn with a CJK font first (src/draw.rs):
/// English text is drawn in a Latin face, whose curly quotes and apostrophes are narrow, as
/// English prints them, where a CJK font draws them full-width.
pub fn has_cjk(text: &str) -> bool {
    text.chars().any(draws_cjk)
}

/// A character only a CJK font draws (not a curly quote, not an emoji).
fn draws_cjk(c: char) -> bool {
    is_cjk(c) && !is_quote(c) && c < '\u{1F000}'
}

/// Splits text into lines no wider than `max`, breaking at spaces for Latin text and between
/// any two CJK characters. At most `max_lines` lines; the last ends with "…" if cut.
pub fn wrap(text: &str, size: f64, bold: bool, max: f64, max_lines: usize) -> Vec<String> {
    let max = max.max(size * 2.0);
    let mut lines: Vec<String> = Vec::new();
    // Break opportunities: tokens are single CJK chars or runs of non-CJK chars up to a space.
    let mut tokens: Vec<String> = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c == '\n' {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            tokens.push("\n".into());
        } else if is_cjk(c) && !no_line_start(c) {
            if !cur.is_empty() {
                tokens.push(std::mem::take(&mut cur));
            }
            cur.push(c);
            tokens.push(std::mem::take(&mut cur));
        } else if no_line_start(c) && cur.is_empty() && !tokens.is_empty() {
            // Keep closing punctuation with the token before it.
            let last = tokens.last_mut().unwrap();
            last.push(c);
        } else {
            cur.push(c);
            if c == ' ' {
                tokens.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        tokens.push(cur);
    }
    let mut line = String::new();
    for tok in tokens {
        if tok == "\n" {
            lines.push(std::mem::take(&mut line));
            continue;
        }
        let candidate = format!("{line}{tok}");
        if width(candidate.trim_end(), size, bold) <= max || line.is_empty() {
            line = candidate;
        } else {
            lines.push(line.trim_end().to_string());
            line = tok.trim_start().to_string();
        }
        // A single token wider than the line (a long URL or word), whether it starts the text
        // or follows a break: cut it by characters.
        while width(line.trim_end(), size, bold) > max && line.chars().count() > 1 {
            let (head, tail) = split_to_width(&line, size, bold, max);
            lines.push(head);
            line = tail;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.last_mut().unwrap();
        *last = ellipsize(&format!("{last}…"), size, bold, max);
    }
    lines
}

fn split_to_width(s: &str, size: f64, bold: bool, max: f64) -> (String, String) {
    let mut head = String::new();
    // The last place a cut keeps a number or date whole ("2023-08", "1,154.5", "5.55 GW").
    let mut safe: Option<usize> = None;
    let mut prev: Option<char> = None;
    for (i, c) in s.char_indices() {
        if !head.is_empty() && width(&format!("{head}{c}"), size, bold) > max {
            let cut = match (prev, safe) {
                (Some(p), Some(k)) if !breakable(p, c) => k,
                _ => i,
            };
            return (s.get(..cut).unwrap_or("").to_string(), s.get(cut..).unwrap_or("").to_string());
        }
        if let Some(p) = prev {
            if breakable(p, c) {
                safe = Some(i);
            }
        }
        head.push(c);
        prev = Some(c);
    }
    (head, String::new())
}

/// Whether a line may break between `a` and `b`: never inside a number or a date (between
/// digits, or a digit and the signs that belong to it).
fn breakable(a: char, b: char) -> bool {
    let num = |c: char| c.is_ascii_digit();
    let joins = |c: char| matches!(c, '-' | '–' | '.' | ',' | '/' | ':' | '%' | '‰');
    !(num(a) && (num(b) || joins(b)) || num(b) && joins(a))
}

/// Cuts text to fit `max`, ending with "…".
pub fn ellipsize(text: &str, size: f64, bold: bool, max: f64) -> String {
    if width(text, size, bold) <= max {
        return text.to_string();
    }
    let mut out: String = text.trim_end_matches('…').to_string();
    while !out.is_empty() && width(&format!("{out}…"), size, bold) > max {
        out.pop();
    }
    format!("{out}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_dot_replaces_only_the_spaced_separator() {
        assert_eq!(replace_dot("Unit: % · H1 2023 · Total", "; "), "Unit: %; H1 2023; Total");
        assert_eq!(replace_dot("A·B · C", "；"), "A·B；C");
        assert_eq!(replace_dot("·", "; "), "·");
        assert_eq!(replace_dot(" · ", "; "), "; ");
        assert_eq!(replace_dot("", "; "), "");
    }

    #[test]
    fn cjk_is_one_em() {
        // Six CJK characters at 12 px: 72 px, plus the 3% spare.
        assert!((width("地区生产总值", 12.0, false) - 72.0 * 1.03).abs() < 1e-9);
        assert!(width("GDP", 12.0, false) < 30.0);
        // Curly quotes: full-width beside CJK (a CJK font draws them), narrow in English.
        assert!(has_cjk("晋城“1+5”产业") && !has_cjk("Jincheng “1+5” goals") && !has_cjk("📈 2023"));
        assert!(width("“1+5”", 12.0, false) < width("“1+5”晋", 12.0, false) - 12.0 * 1.03 - 12.0);
    }

    #[test]
    fn wraps_chinese_between_characters_and_english_at_spaces() {
        let lines = wrap("晋中市2023年上半年地区生产总值构成", 16.0, false, 160.0, 3);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|l| width(l, 16.0, false) <= 160.0));
        assert_eq!(lines.concat(), "晋中市2023年上半年地区生产总值构成");
        let lines = wrap("Jinzhong GDP by sector, H1 2023", 16.0, false, 120.0, 3);
        assert!(lines.iter().all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        assert_eq!(lines.join(" "), "Jinzhong GDP by sector, H1 2023");
    }

    #[test]
    fn closing_punctuation_never_starts_a_line() {
        for w in 30..200 {
            for l in wrap("第一产业增加值，同比增长。第二产业（工业）增加值", 12.0, false, w as f64, 20)
            {
                assert!(!l.starts_with(['，', '。', '）']), "{l}");
            }
        }
    }

    #[test]
    fn numbers_and_dates_are_never_cut() {
        // From the width of the longest number, "2024-02-27": narrower, it has to be cut.
        for w in 80..200 {
            for text in
                ["来源：晋中市发展和改革委员会2024-02-27发布的报告", "Shanxi Daily 2023-08 and 1,154.5 enterprises"]
            {
                let lines = wrap(text, 12.0, false, w as f64, 50);
                for pair in lines.windows(2) {
                    let (a, b) = (pair[0].chars().last().unwrap(), pair[1].chars().next().unwrap());
                    assert!(breakable(a, b), "{w}px: {:?} | {:?}", pair[0], pair[1]);
                }
            }
        }
    }

    #[test]
    fn cuts_to_max_lines_with_an_ellipsis() {
        let lines = wrap(&"很长的标签".repeat(20), 12.0, false, 60.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(width(&lines[1], 12.0, false) <= 60.0);
    }
}
