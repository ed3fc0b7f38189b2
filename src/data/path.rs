//! Where a value sits in the dataset (`values[12].source.doc`), for error messages of the
//! reader and the validator alike.

/// A chain of references, rendered to text only when there is an error to report: reading
/// and checking a valid dataset builds no path strings.
#[derive(Clone, Copy)]
pub(super) enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'static str),
    Index(&'p Path<'p>, usize),
}

impl Path<'_> {
    /// A top-level array of the dataset (`values`).
    pub(super) const fn table(name: &'static str) -> Path<'static> {
        Path::Key(&Path::Root, name)
    }
    pub(super) fn key(&self, key: &'static str) -> Path<'_> {
        Path::Key(self, key)
    }
    pub(super) fn index(&self, i: usize) -> Path<'_> {
        Path::Index(self, i)
    }
    pub(super) fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(parent, key) => match parent.render() {
                p if p.is_empty() => key.to_string(),
                p => format!("{p}.{key}"),
            },
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Path;

    #[test]
    fn paths_render_like_json_paths() {
        let values = Path::table("values");
        assert_eq!(values.index(12).key("source").key("doc").render(), "values[12].source.doc");
        assert_eq!(Path::table("groups").index(3).key("parts").index(1).render(), "groups[3].parts[1]");
        assert_eq!(Path::table("schema").render(), "schema");
        assert_eq!(Path::Root.render(), "");
    }
}
