//! Sorting for the short lists a chart has (categories, series, periods, views: tens of
//! items). A stable insertion sort compiles to a few hundred bytes of wasm per use; each
//! `slice::sort*` instantiation is ~1.5 KB and there were over twenty of them.

/// Stable: equal items keep their order.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Stable, ascending by `key` (`PartialOrd`, so float keys sort as `<` orders them).
pub fn sort_by_key<T, K: PartialOrd>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
        let mut w = vec![5, 4, 3, 2, 1, 0];
        sort_by(&mut w, |a, b| a > b);
        assert_eq!(w, [5, 4, 3, 2, 1, 0]);
        let mut e: Vec<u8> = Vec::new();
        sort_by_key(&mut e, |&x| x);
        assert!(e.is_empty());
    }
}
