//! The sort behind `Array.prototype.sort`, `toSorted` and the typed arrays' `sort`: a stable merge sort that
//! finishes whatever the comparison function answers.
//!
//! A block's comparison function is user code and may not be a total order (it may say both `a < b` and
//! `b < a`, or depend on state). ECMAScript then leaves the order implementation-defined, but the sort must
//! still finish. The standard library's `sort_by` panics instead ("user-provided comparison function does not
//! correctly implement a total order"), which aborted the engine; a math library's expression simplifier hit
//! it. This merge sort only ever moves elements it has just compared, so any answers give a permutation of the
//! input, and a consistent comparison gives the stable order V8 gives too.

use std::cmp::Ordering;

/// `items` sorted stably by `compare` (bottom-up merge sort, one scratch vector).
pub(crate) fn merge_sort_by<T: Clone>(
    items: Vec<T>,
    mut compare: impl FnMut(&T, &T) -> Ordering,
) -> Vec<T> {
    let len = items.len();
    let mut source = items;
    let mut target: Vec<T> = Vec::with_capacity(len);
    let mut width = 1;
    while width < len {
        target.clear();
        let mut start = 0;
        while start < len {
            let middle = (start + width).min(len);
            let end = (start + 2 * width).min(len);
            let (mut left, mut right) = (start, middle);
            while left < middle && right < end {
                // The right run's element goes first only when it is strictly less, so equal ones keep their order.
                if compare(&source[right], &source[left]) == Ordering::Less {
                    target.push(source[right].clone());
                    right += 1;
                } else {
                    target.push(source[left].clone());
                    left += 1;
                }
            }
            target.extend_from_slice(&source[left..middle]);
            target.extend_from_slice(&source[right..end]);
            start = end;
        }
        std::mem::swap(&mut source, &mut target);
        width *= 2;
    }
    source
}

#[cfg(test)]
mod tests {
    use super::merge_sort_by;
    use std::cmp::Ordering;

    #[test]
    fn sorts_stably() {
        let pairs = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        let sorted = merge_sort_by(pairs, |x, y| x.0.cmp(&y.0));
        assert_eq!(
            sorted,
            vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]
        );
    }

    #[test]
    fn an_inconsistent_comparison_still_gives_a_permutation() {
        let items: Vec<u32> = (0..100).rev().collect();
        let mut calls = 0_u32;
        let mut sorted = merge_sort_by(items, |_, _| {
            calls += 1;
            if calls.is_multiple_of(3) {
                Ordering::Less
            } else {
                Ordering::Greater
            }
        });
        sorted.sort_unstable();
        assert_eq!(sorted, (0..100).collect::<Vec<_>>());
    }
}
