//! Sharing a sum out by weights (I5/I6's 2:8 between branch head and maintainer) so the
//! parts add up to the sum to the fen: each part is its exact share rounded down, and
//! the fen left over go one each to the largest remainders (ties: the earlier payee).
//! A negative sum (a penalty) is shared as its size and negated.
//!
//! ```
//! use outpost::domain::incentive::split_fen;
//! assert_eq!(split_fen(1_150, &[2, 8]), vec![230, 920]);
//! assert_eq!(split_fen(1, &[2, 8]), vec![0, 1]);
//! assert_eq!(split_fen(-200, &[2, 8]), vec![-40, -160]);
//! ```

/// `total` shared by `weights`; all zero weights give every fen to nobody (all parts 0).
pub fn split_fen(total: i64, weights: &[u64]) -> Vec<i64> {
    let sum: u128 = weights.iter().map(|&w| u128::from(w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let sign = if total < 0 { -1 } else { 1 };
    let t = u128::from(total.unsigned_abs());
    let mut parts: Vec<u128> = weights.iter().map(|&w| t * u128::from(w) / sum).collect();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    // Largest remainder first; a stable sort keeps the earlier payee first on a tie.
    order.sort_by_key(|&i| std::cmp::Reverse(t * u128::from(weights[i]) % sum));
    let left = t - parts.iter().sum::<u128>();
    for &i in order.iter().take(usize::try_from(left).unwrap_or(usize::MAX)) {
        parts[i] += 1;
    }
    parts.into_iter().map(|p| sign * i64::try_from(p).unwrap_or(i64::MAX)).collect()
}
