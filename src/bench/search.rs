//! Search as you type over generated customers, timed per keystroke the way the customer
//! list runs it ([`search_positions`]: one `search_all(q, 50)` pass for the top 50 and
//! every match, the top first, then every other match in list order; each keystroke
//! narrows the previous one's matches when it extends that query). The script replays
//! typing and runs uFuzzy on the same per-customer text ([`outpost_bench_search_haystack`])
//! in the same page.

use std::cell::RefCell;
use std::collections::HashMap;

use wasm_bindgen::prelude::*;

use super::gen::{company, contact_name, mobile, Rng};
use super::precise_now;
use crate::domain::search::{SearchIndex, SearchItem};
use crate::ui::customers::customers_ctx::{search_positions, CustomerData};

struct Loaded {
    items: Vec<SearchItem>,
    index: SearchIndex,
    /// Only `by_id` is filled: all [`search_positions`] reads.
    data: CustomerData,
}

thread_local! {
    static LOADED: RefCell<Option<Loaded>> = const { RefCell::new(None) };
}

/// `n` customers: a name, one to three contacts, most with a mobile number.
fn items(n: u32) -> Vec<SearchItem> {
    let mut r = Rng::new(0x5eed_2024);
    (0..n)
        .map(|i| {
            let (name, chinese) = company(&mut r);
            let count = match r.below(10) {
                0..=5 => 1,
                6..=8 => 2,
                _ => 3,
            };
            let contacts: Vec<String> = (0..count).map(|_| contact_name(&mut r, chinese)).collect();
            let mut phones = Vec::new();
            for _ in &contacts {
                if r.chance(90) {
                    phones.push(mobile(&mut r));
                }
            }
            SearchItem { id: format!("c-{i:06}"), name, contacts, phones }
        })
        .collect()
}

fn with<T>(f: impl FnOnce(&Loaded) -> T) -> Result<T, JsValue> {
    LOADED
        .with(|l| l.borrow().as_ref().map(f))
        .ok_or_else(|| JsValue::from_str("call outpost_bench_search_setup first"))
}

fn keys(keys: &js_sys::Array) -> Vec<String> {
    keys.iter().map(|k| k.as_string().unwrap_or_default()).collect()
}

/// Generates `n` customers and builds the index once, as the list does on load. Returns
/// the build time in ms (generation not included).
#[wasm_bindgen]
pub fn outpost_bench_search_setup(n: u32) -> f64 {
    let items = items(n);
    let t = precise_now();
    let index = SearchIndex::build(items.iter().cloned());
    let build_ms = precise_now() - t;
    let by_id: HashMap<String, usize> = items.iter().enumerate().map(|(i, it)| (it.id.clone(), i)).collect();
    let data = CustomerData { by_id, ..Default::default() };
    LOADED.with(|l| *l.borrow_mut() = Some(Loaded { items, index, data }));
    build_ms
}

/// Each customer's text for uFuzzy: name, contact names and phones, space-separated.
#[wasm_bindgen]
pub fn outpost_bench_search_haystack() -> Result<js_sys::Array, JsValue> {
    with(|l| {
        l.items
            .iter()
            .map(|it| {
                let mut s = it.name.clone();
                for part in it.contacts.iter().chain(&it.phones) {
                    s.push(' ');
                    s.push_str(part);
                }
                JsValue::from_str(&s)
            })
            .collect()
    })
}

/// Replays `keys` (one query text per keystroke) once to warm up, then `rounds` times;
/// returns the ms of each keystroke, round after round (`rounds × keys.len()` values).
#[wasm_bindgen]
pub fn outpost_bench_search_keys(keys_js: js_sys::Array, rounds: u32) -> Result<Vec<f64>, JsValue> {
    let qs = keys(&keys_js);
    with(|l| {
        let mut out = Vec::with_capacity(qs.len() * rounds as usize);
        let mut sink = 0usize;
        for round in 0..=rounds {
            for q in &qs {
                let t = precise_now();
                sink += search_positions(&l.data, &l.index, q).len();
                let ms = precise_now() - t;
                if round > 0 {
                    out.push(ms);
                }
            }
        }
        std::hint::black_box(sink);
        out
    })
}

/// Where a keystroke's time goes: `[cold ms, typed ms]` per keystroke, each the median of
/// `rounds` runs of `search_all(q, 50)`: cold with the index's memory of the last query
/// cleared (a full scan, as after backspace or a paste), typed right after the previous
/// keystroke of the replay (narrowing its matches when `q` extends it).
#[wasm_bindgen]
pub fn outpost_bench_search_split(keys_js: js_sys::Array, rounds: u32) -> Result<Vec<f64>, JsValue> {
    let qs = keys(&keys_js);
    with(|l| {
        let median = |mut v: Vec<f64>| {
            v.sort_by(f64::total_cmp);
            v.get(v.len() / 2).copied().unwrap_or(0.0)
        };
        let mut out = Vec::with_capacity(qs.len() * 2);
        for (i, q) in qs.iter().enumerate() {
            let prev = &qs[(i + qs.len() - 1) % qs.len()];
            let (mut cold, mut typed) = (Vec::new(), Vec::new());
            for _ in 0..rounds.max(1) {
                l.index.clear_cache();
                let t = precise_now();
                std::hint::black_box(l.index.search_all(q, 50));
                cold.push(precise_now() - t);
                l.index.clear_cache();
                std::hint::black_box(l.index.search_all(prev, 50));
                let t = precise_now();
                std::hint::black_box(l.index.search_all(q, 50));
                typed.push(precise_now() - t);
            }
            out.push(median(cold));
            out.push(median(typed));
        }
        l.index.clear_cache();
        out
    })
}

/// How many customers a query finds (every match, as the list shows them).
#[wasm_bindgen]
pub fn outpost_bench_search_count(q: &str) -> Result<u32, JsValue> {
    with(|l| l.index.search_all(q, 0).all.len() as u32)
}

/// Frees the customers and the index.
#[wasm_bindgen]
pub fn outpost_bench_search_drop() {
    LOADED.with(|l| *l.borrow_mut() = None);
}
