//! Checks the figures in a draft against the embedded dataset before it is published:
//!
//! ```sh
//! cargo run --example check_text -- draft.txt --lang zh [--region 晋中] [--period 2023H1]
//! ```
//!
//! Prints one line per figure (status, figure, UTF-16 offsets, the dataset value, and for a
//! contradiction the dataset's figure) and exits with 1 when any figure contradicts the dataset.

use econ_widget::data::Dataset;
use econ_widget::facts::{check_text, Options, Status};
use econ_widget::i18n::Lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut file = None;
    let mut opts = Options { lang: Lang::Zh, region: None, period: None };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--lang" => match args.next().as_deref().and_then(Lang::parse) {
                Some(l) => opts.lang = l,
                None => return usage("--lang takes zh or en"),
            },
            "--region" => opts.region = args.next(),
            "--period" => opts.period = args.next(),
            "-h" | "--help" => return usage(""),
            _ if file.is_none() => file = Some(a),
            _ => return usage(&format!("unexpected argument '{a}'")),
        }
    }
    let Some(file) = file else { return usage("give the draft's file name (- for standard input)") };
    let text = if file == "-" { std::io::read_to_string(std::io::stdin()) } else { std::fs::read_to_string(&file) };
    let text = match text {
        Ok(t) => t,
        Err(e) => {
            eprintln!("check_text: cannot read {file}: {e}");
            return ExitCode::from(2);
        }
    };
    let ds = Dataset::embedded().expect("the embedded dataset decodes");
    let findings = match check_text(&ds, &text, &opts) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("check_text: {} ({})", e, e.code);
            return ExitCode::from(2);
        }
    };
    let mut contradictions = 0;
    for f in &findings {
        let mut line = format!("{:<11} {:>6}–{:<6} {}", f.status.id(), f.start, f.end, f.text);
        if let Some(id) = &f.fact {
            line += &format!("  [{id}]");
        }
        if let Some(e) = &f.expected {
            line += &format!("  dataset: {e}");
            contradictions += 1;
        }
        println!("{line}");
    }
    let count = |s: Status| findings.iter().filter(|f| f.status == s).count();
    eprintln!(
        "{} figures: {} match, {} contradict the dataset, {} unknown (offsets in UTF-16 code units)",
        findings.len(),
        count(Status::Match),
        count(Status::Contradicts),
        count(Status::Unknown)
    );
    if contradictions > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn usage(problem: &str) -> ExitCode {
    if !problem.is_empty() {
        eprintln!("check_text: {problem}");
    }
    eprintln!("usage: cargo run --example check_text -- FILE|- [--lang zh|en] [--region ID] [--period 2023H1]");
    ExitCode::from(2)
}
