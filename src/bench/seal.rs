//! Seal figures (issue 15): signing and verifying `n` entries in wasm, the cost a sealed
//! team adds to every local change and to every pulled record.

use serde_json::json;
use wasm_bindgen::prelude::*;

use super::precise_now;
use crate::record::hlc::Hlc;
use crate::record::replica::Entry;
use crate::record::seal::{verify_entry, PersonalKey};

/// Signs `n` payment confirmations, then verifies them. Returns `{sign_ms, verify_ms,
/// n}`.
#[wasm_bindgen]
pub fn outpost_bench_seal(n: u32) -> Result<JsValue, JsValue> {
    let key = PersonalKey::from_seed([7; 32]);
    let mut entries: Vec<Entry> = (0..n)
        .map(|i| Entry {
            id: format!("conf:{i:06}"),
            kind: "finance.confirmation".into(),
            subject: format!("o-{i:06}"),
            stamp: Hlc { wall_ms: 1_780_000_000_000 + i as i64, counter: 0, device: "bench-f".into() },
            author: "qian".into(),
            body: json!({ "payment": format!("pay-{i:06}") }),
            seal: None,
        })
        .collect();
    let t0 = precise_now();
    for e in &mut entries {
        key.seal_entry(e);
    }
    let t1 = precise_now();
    let bad = entries.iter().filter(|e| verify_entry(e).is_err()).count();
    let t2 = precise_now();
    if bad > 0 {
        return Err(JsValue::from_str(&format!("{bad} seals did not verify")));
    }
    let out = json!({ "n": n, "sign_ms": t1 - t0, "verify_ms": t2 - t1 });
    use serde::Serialize;
    out.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsValue::from_str(&e.to_string()))
}
