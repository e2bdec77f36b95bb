//! One small stable sort for the lists the app orders (groups, bars, legend fills, texts to rank),
//! and the first few of a long list in that order without sorting it all (`first_k`).
//!
//! Each use of the standard library's sorts adds kilobytes of wasm, one copy per element
//! type and comparison; this merge sort orders indices behind one comparison call, so its
//! body is compiled once. The table, which sorts up to every award, keeps the standard one.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, keeping equal items in their order, as `slice::sort_by` does.
pub fn sort_by<T>(v: &mut Vec<T>, cmp: impl Fn(&T, &T) -> Ordering) {
    let order = order(v.len(), &|i, j| cmp(&v[i], &v[j]));
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// The indices of the first `k` of `0..n` in the order `cmp` puts them, equal ones in index
/// order (the first `k` of `order`): each index goes into a short sorted list after those
/// not after it, and the list keeps `k`. The lead-provider chart draws the 30 largest of
/// what can be thousands: sorting them all on every change was the largest part of its
/// work at 100,000 awards.
pub(crate) fn first_k(n: usize, k: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut first: Vec<usize> = Vec::with_capacity(k.min(n) + 1);
    for i in 0..n {
        let at = first.partition_point(|&j| cmp(i, j) != Ordering::Less);
        if at < k {
            first.insert(at, i);
            first.truncate(k);
        }
    }
    first
}

/// The indices `0..n` in the order `cmp` puts them, equal ones in index order: a bottom-up merge sort.
fn order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = vec![0; n];
    let mut width = 1;
    while width < n {
        for start in (0..n).step_by(2 * width) {
            let mid = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                if j >= end || (i < mid && cmp(from[i], from[j]) != Ordering::Greater) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs sorted by their first item only, so stability shows in the second.
        let mut seed = 12345u64;
        for n in 0..70 {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = v;
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn the_first_k_are_the_stable_sorts_first_k() {
        let mut seed = 99u64;
        for n in 0..60 {
            let v: Vec<u8> = (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    (seed >> 61) as u8
                })
                .collect();
            let by_value_desc = |i: usize, j: usize| v[j].cmp(&v[i]);
            let all = order(n, &by_value_desc);
            for k in [0, 1, 3, 30, 100] {
                let first = first_k(n, k, &by_value_desc);
                assert_eq!(first, all[..k.min(n)], "n = {n}, k = {k}");
            }
        }
    }
}
