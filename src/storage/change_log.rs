//! The change log beside the data version (issue 17): which records each of the latest
//! write transactions changed, written by the store in the same transaction as the
//! records and the version they bump. A read model taken at an older version catches up
//! from it by re-reading only what changed since (`list_model`), instead of reading
//! everything again after any edit.
//!
//! The log is bounded: it keeps the newest transactions up to [`LOG_KEYS`] record keys
//! in all. A transaction that changed more than that, or changed what every record is
//! judged by (the profiles on this device, the roster's root), is logged without its
//! keys: a read model older than it cannot catch up and reads everything, as before.
//!
//! ```
//! use outpost::storage::change_log::{keys_since, logged};
//! use outpost::storage::StoreName;
//!
//! let log = logged(None, 5, &[(StoreName::Docs, "c1")]);
//! let log = logged(Some(&log), 6, &[(StoreName::Entries, "e1"), (StoreName::Docs, "c1")]);
//! assert_eq!(keys_since(Some(&log), 4, 6).unwrap(), ["d:c1", "e:e1"]);
//! assert_eq!(keys_since(Some(&log), 5, 6).unwrap(), ["d:c1", "e:e1"]);
//! assert!(keys_since(Some(&log), 3, 6).is_none(), "transaction 4 is not in the log");
//! let log = logged(Some(&log), 7, &[(StoreName::Profiles, "p1")]);
//! assert!(keys_since(Some(&log), 4, 7).is_none(), "the profiles changed: read everything");
//! ```

use std::collections::BTreeSet;

use serde_json::{json, Value};

use super::StoreName;

/// The key of the change log in the `views` store.
pub const CHANGE_LOG_KEY: &str = "data_changes";
/// The most record keys the log keeps, over all the transactions it holds.
pub const LOG_KEYS: usize = 600;

/// How one changed record is named in the log; `None` for a change no read model can
/// catch up from (it changes how every record is judged).
fn name(store: StoreName, key: &str) -> Option<String> {
    match store {
        StoreName::Docs => Some(format!("d:{key}")),
        StoreName::Entries => Some(format!("e:{key}")),
        _ => None,
    }
}

/// The transactions a stored log holds, oldest first, as `(version, keys)`; `keys` is
/// `None` for a transaction logged without them. A log that does not read holds none.
fn bumps(log: Option<&Value>) -> Vec<(u64, Option<Vec<String>>)> {
    let Some(list) = log.and_then(|l| l.get("b")).and_then(Value::as_array) else { return Vec::new() };
    let mut out = Vec::with_capacity(list.len());
    for b in list {
        let Some(n) = b.get("n").and_then(Value::as_u64) else { return Vec::new() };
        let keys = b
            .get("k")
            .and_then(Value::as_array)
            .map(|ks| ks.iter().filter_map(Value::as_str).map(str::to_owned).collect::<Vec<_>>());
        out.push((n, keys));
    }
    out
}

/// The log after the transaction that moved the data version to `version`, having
/// changed `changed` (store, key), the records that change what read models are built
/// from (`list_model::changes_data`).
pub fn logged(current: Option<&Value>, version: u64, changed: &[(StoreName, &str)]) -> Value {
    let mut list = bumps(current);
    // A log that does not end just before this transaction has a gap: start again.
    if list.last().is_some_and(|(n, _)| n + 1 != version) {
        list.clear();
    }
    let names: Option<Vec<String>> = changed.iter().map(|(s, k)| name(*s, k)).collect();
    let names = names.filter(|n| n.len() <= LOG_KEYS).map(|n| {
        let set: BTreeSet<String> = n.into_iter().collect();
        set.into_iter().collect::<Vec<_>>()
    });
    list.push((version, names));
    // Oldest first out, until the keys kept fit (a transaction without keys counts one).
    let weight = |k: &Option<Vec<String>>| k.as_ref().map_or(1, |k| k.len().max(1));
    let mut total: usize = list.iter().map(|(_, k)| weight(k)).sum();
    let mut drop = 0;
    while total > LOG_KEYS && drop + 1 < list.len() {
        total -= weight(&list[drop].1);
        drop += 1;
    }
    list.drain(..drop);
    let b: Vec<Value> = list.into_iter().map(|(n, k)| json!({ "n": n, "k": k })).collect();
    json!({ "b": b })
}

/// Every record changed by the transactions after version `from` up to `to`, in order
/// and once each; `None` when the log does not hold all of them with their keys.
pub fn keys_since(log: Option<&Value>, from: u64, to: u64) -> Option<Vec<String>> {
    if to < from {
        return None;
    }
    let list = bumps(log);
    let mut want = from + 1;
    let mut out = BTreeSet::new();
    for (n, keys) in list {
        if n < want {
            continue;
        }
        if n != want || n > to {
            break;
        }
        out.extend(keys?);
        want += 1;
    }
    (want == to + 1).then(|| out.into_iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_keeps_the_newest_transactions_within_its_bound() {
        let many: Vec<String> = (0..LOG_KEYS - 10).map(|i| format!("c{i}")).collect();
        let many: Vec<(StoreName, &str)> = many.iter().map(|k| (StoreName::Docs, k.as_str())).collect();
        let log = logged(None, 1, &many);
        assert_eq!(keys_since(Some(&log), 0, 1).map(|k| k.len()), Some(LOG_KEYS - 10));
        let twenty: Vec<String> = (0..20).map(|i| format!("x{i:02}")).collect();
        let twenty: Vec<(StoreName, &str)> = twenty.iter().map(|k| (StoreName::Docs, k.as_str())).collect();
        let log = logged(Some(&log), 2, &twenty);
        assert!(keys_since(Some(&log), 0, 2).is_none(), "the first transaction made room");
        let kept = keys_since(Some(&log), 1, 2).unwrap();
        assert_eq!((kept.len(), kept[0].as_str()), (20, "d:x00"));
        let log = logged(Some(&log), 3, &[(StoreName::Docs, "x00"), (StoreName::Docs, "x00")]);
        assert_eq!(keys_since(Some(&log), 2, 3).unwrap(), ["d:x00"], "each key once");
    }

    #[test]
    fn a_transaction_too_big_or_about_judging_is_logged_without_keys() {
        let many: Vec<String> = (0..=LOG_KEYS).map(|i| format!("c{i}")).collect();
        let many: Vec<(StoreName, &str)> = many.iter().map(|k| (StoreName::Entries, k.as_str())).collect();
        let log = logged(None, 1, &many);
        assert!(keys_since(Some(&log), 0, 1).is_none());
        let log = logged(Some(&log), 2, &[(StoreName::Docs, "c1")]);
        assert_eq!(keys_since(Some(&log), 1, 2).unwrap(), ["d:c1"], "later ones still catch up");
        let log = logged(Some(&log), 3, &[(StoreName::Meta, "roster_root")]);
        assert!(keys_since(Some(&log), 1, 3).is_none());
    }

    #[test]
    fn a_gap_or_an_unreadable_log_catches_nothing_up() {
        let log = logged(None, 4, &[(StoreName::Docs, "a")]);
        let log = logged(Some(&log), 9, &[(StoreName::Docs, "b")]);
        assert!(keys_since(Some(&log), 3, 9).is_none(), "transactions 5 to 8 are missing");
        assert_eq!(keys_since(Some(&log), 8, 9).unwrap(), ["d:b"]);
        assert!(keys_since(Some(&json!({"b": [{"k": []}]})), 0, 1).is_none());
        assert!(keys_since(None, 0, 1).is_none());
        assert_eq!(keys_since(None, 3, 3).unwrap(), Vec::<String>::new(), "nothing since");
        assert!(keys_since(Some(&log), 9, 8).is_none());
    }
}
