//! One copy of the standard library's sort for the whole crate. Every `sort`/`sort_by` on a
//! new element type is another copy of driftsort or ipnsort in the wasm (~5 KB each); these
//! helpers sort `usize` indices through a `dyn` comparator instead, so there is one copy.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (as `slice::sort_by`).
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` by `key`, stably (as `slice::sort_by_key`).
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order, stably (as `slice::sort`).
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// The indices `0..n` in the order `cmp` puts them, ties in index order: the one place the
/// standard library's sort is instantiated.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_ties_in_order() {
        let mut seed = 7u64;
        for n in [0, 1, 2, 5, 21, 300] {
            let v: Vec<(u8, String)> = (0..n)
                .map(|i| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
                    ((seed >> 60) as u8, format!("{i}"))
                })
                .collect();
            let (mut a, mut b) = (v.clone(), v.clone());
            sort_by_key(&mut a, |p| p.0);
            b.sort_by_key(|p| p.0);
            assert_eq!(a, b);
            let (mut a, mut b) = (v.clone(), v);
            sort(&mut a);
            b.sort();
            assert_eq!(a, b);
        }
    }
}
