//! Sorting without `slice::sort*`: each of those instantiations is ~1.5 KB of wasm and the
//! widget sorted in over twenty places. Every list takes one heap sort of row numbers,
//! compiled once, whose order is then applied to the items; an insertion sort for short lists
//! (categories, series, periods: tens of items) was one more copy per item type (75 B gzip in
//! all, measured), for no time a reader could notice.

/// Stable: equal items keep their order. O(n log n).
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    let order = sorted_rows(v.len(), &mut |a, b| less(&v[a], &v[b]));
    permute(v, order);
}

/// Stable, ascending by `key` (`PartialOrd`, so float keys sort as `<` orders them).
pub fn sort_by_key<T, K: PartialOrd>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a) < key(b));
}

/// Rows 0..n in sorted order: a heap sort whose ties are broken by row number, which makes
/// the order strict, so the result is stable.
pub fn sorted_rows(n: usize, less: &mut dyn FnMut(usize, usize) -> bool) -> Vec<u32> {
    let mut rows: Vec<u32> = (0..n as u32).collect();
    let mut before = |a: u32, b: u32| less(a as usize, b as usize) || (!less(b as usize, a as usize) && a < b);
    let sift = |rows: &mut [u32], mut root: usize, end: usize, before: &mut dyn FnMut(u32, u32) -> bool| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && before(rows[child], rows[child + 1]) {
            child += 1;
        }
        if !before(rows[root], rows[child]) {
            break;
        }
        rows.swap(root, child);
        root = child;
    };
    for start in (0..n / 2).rev() {
        sift(&mut rows, start, n, &mut before);
    }
    for end in (1..n).rev() {
        rows.swap(0, end);
        sift(&mut rows, 0, end, &mut before);
    }
    rows
}

/// Puts the item at `order[k]` at position k, by following the cycles of the permutation.
fn permute<T>(v: &mut [T], mut order: Vec<u32>) {
    const DONE: u32 = u32::MAX;
    for i in 0..v.len() {
        if order[i] == DONE {
            continue;
        }
        let mut j = i;
        loop {
            let src = order[j] as usize;
            order[j] = DONE;
            if src == i {
                break;
            }
            v.swap(j, src);
            j = src;
        }
    }
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

    #[test]
    fn long_lists_sort_stably_like_the_standard_sort() {
        // A simple LCG: the same pseudo-random keys on every run.
        let mut seed = 12345u64;
        for n in [25, 100, 1000, 4097] {
            let v: Vec<(u32, usize)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 33) as u32 % 50, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std_sorted = v;
            std_sorted.sort_by_key(|p| p.0);
            assert_eq!(ours, std_sorted, "n = {n}");
        }
    }
}
