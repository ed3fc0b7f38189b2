//! The one error type that crosses the boundary: `{code, path, message}`.
//! A failed call changes nothing, so callers can show the message and carry on.

use crate::i18n::Lang;
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Stable machine-readable code, e.g. `unknown_region`.
    pub code: &'static str,
    /// Where the problem is: a JSON path into the dataset or the selection.
    pub path: String,
    /// Human-readable, in the current language; names the field and the value.
    pub message: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Error { code, path: path.into(), message: message.into() }
    }

    /// An error whose message the reader sees, so it follows the UI language.
    pub fn localized(code: &'static str, path: impl Into<String>, lang: Lang, en: String, zh: String) -> Self {
        Error::new(code, path, if lang == Lang::Zh { zh } else { en })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}
