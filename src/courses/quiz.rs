//! A quiz's arithmetic, without the database: the per-attempt shuffle of
//! questions and answers, and scoring. Pure so that both are tested
//! deterministically.

use uuid::Uuid;

/// The seed of an attempt's shuffle, from its (random) id: the order is
/// fixed by the attempt, different from one attempt to the next.
pub fn seed_of(attempt_id: Uuid) -> u64 {
    let bytes = attempt_id.as_bytes();
    u64::from_le_bytes(bytes[..8].try_into().expect("16 bytes"))
}

/// splitmix64: small, good enough to mix an order (not for secrets).
fn next(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The items in an order decided by `seed` (Fisher–Yates): the same seed
/// gives the same order, every order is a permutation of the items.
pub fn shuffled<T>(mut items: Vec<T>, seed: u64) -> Vec<T> {
    let mut state = seed;
    for i in (1..items.len()).rev() {
        let j = (next(&mut state) % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
    items
}

/// One question as scored: its correct answers and the answers chosen.
pub struct Marked<'a> {
    pub correct: &'a [Uuid],
    pub chosen: &'a [Uuid],
}

/// A question counts only when exactly its correct answers were chosen
/// (a part of them, or one too many, is wrong); the order does not matter.
pub fn is_right(question: &Marked) -> bool {
    question.correct.len() == question.chosen.len()
        && question.correct.iter().all(|c| question.chosen.contains(c))
}

/// The percentage of questions answered right (0 for an empty quiz),
/// rounded down so that a pass mark is never reached by rounding.
pub fn score(questions: &[Marked]) -> i32 {
    if questions.is_empty() {
        return 0;
    }
    let right = questions.iter().filter(|q| is_right(q)).count();
    (right * 100 / questions.len()) as i32
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<Uuid> {
        (0..n).map(|i| Uuid::from_u128(i as u128 + 1)).collect()
    }

    #[test]
    fn a_shuffle_is_a_permutation_fixed_by_its_seed() {
        let items = ids(8);
        for seed in 0..50 {
            let once = shuffled(items.clone(), seed);
            assert_eq!(once, shuffled(items.clone(), seed), "same seed, same order");
            let mut sorted = once.clone();
            sorted.sort();
            assert_eq!(sorted, items, "a permutation");
        }
        let orders: std::collections::HashSet<Vec<Uuid>> =
            (0..20).map(|seed| shuffled(items.clone(), seed)).collect();
        assert!(orders.len() > 10, "seeds give different orders");
        assert!(!orders.contains(&items) || orders.len() > 1);
        assert_eq!(shuffled(Vec::<Uuid>::new(), 7), Vec::<Uuid>::new());
    }

    #[test]
    fn attempts_get_different_seeds() {
        let a = Uuid::from_u128(0x0123_4567_89ab_cdef_0000_0000_0000_0000);
        let b = Uuid::from_u128(0x0123_4567_89ab_cdee_0000_0000_0000_0000);
        assert_ne!(seed_of(a), seed_of(b));
        assert_eq!(seed_of(a), seed_of(a));
    }

    #[test]
    fn scoring_counts_exactly_right_questions() {
        let [a, b, c, d] = [1u128, 2, 3, 4].map(Uuid::from_u128);
        let single = [a];
        let multiple = [b, c];
        // (correct, chosen) → right
        for (correct, chosen, expected) in [
            (&single[..], &[a][..], true),
            (&single[..], &[b][..], false),
            (&single[..], &[][..], false),
            (&single[..], &[a, b][..], false),
            (&multiple[..], &[b, c][..], true),
            (&multiple[..], &[c, b][..], true),
            (&multiple[..], &[b][..], false),
            (&multiple[..], &[b, c, d][..], false),
        ] {
            assert_eq!(
                is_right(&Marked { correct, chosen }),
                expected,
                "{chosen:?}"
            );
        }
        let marked = [
            Marked {
                correct: &single,
                chosen: &[a],
            },
            Marked {
                correct: &multiple,
                chosen: &[b],
            },
            Marked {
                correct: &[d],
                chosen: &[d],
            },
        ];
        assert_eq!(score(&marked), 66, "two of three, rounded down");
        assert_eq!(score(&[]), 0);
        // Shuffled questions and answers score the same.
        let reversed = [
            Marked {
                correct: &[d],
                chosen: &[d],
            },
            Marked {
                correct: &[c, b],
                chosen: &[b],
            },
            Marked {
                correct: &single,
                chosen: &[a],
            },
        ];
        assert_eq!(score(&reversed), 66);
    }
}
