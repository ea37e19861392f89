//! Search as you type over the customer list (C1): names, contacts, phone digits and
//! the pinyin of Chinese names.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use outpost::domain::search::{SearchIndex, SearchItem};

fn item(id: &str, name: &str, contacts: &[&str], phones: &[&str]) -> SearchItem {
    SearchItem {
        id: id.into(),
        name: name.into(),
        contacts: contacts.iter().map(|s| s.to_string()).collect(),
        phones: phones.iter().map(|s| s.to_string()).collect(),
    }
}

fn index() -> SearchIndex {
    SearchIndex::build([
        item("zs-wujin", "张三五金", &["张三"], &["138-0013-8000"]),
        item("lsjc", "李四建材", &["王五", "赵六"], &["+86 139 1234 5678"]),
        item("hw", "Huawei Technologies Co., Ltd.", &["Alice Smith"], &["0755-2878 0808"]),
        item("zjg", "张家港钢铁", &[], &[]),
        item("cqyh", "重庆银行", &["刘七"], &["023-6379 2888"]),
        item("3m", "3M中国", &[], &[]),
        item("lvd", "绿地集团", &[], &[]),
    ])
}

fn ids(index: &SearchIndex, q: &str) -> Vec<String> {
    index.search(q, 50).into_iter().map(|h| h.id).collect()
}

fn sorted(mut v: Vec<&str>) -> Vec<&str> {
    v.sort_unstable();
    v
}

#[test]
fn search_finds_a_chinese_name_by_any_part_of_it() {
    let idx = index();
    assert_eq!(ids(&idx, "张三五金"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "五金"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "建材"), ["lsjc"]);
}

#[test]
fn search_finds_zhangsan_by_initials_zs() {
    assert_eq!(ids(&index(), "zs"), ["zs-wujin"]);
}

#[test]
fn search_finds_zhangsan_wujin_by_all_its_initials_zswj() {
    let idx = index();
    // 张三五金 is zhāng sān wǔ jīn: its initials are z-s-w-j, and a wrong letter finds nothing.
    assert_eq!(ids(&idx, "zswj"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "swj"), ["zs-wujin"]);
    assert!(ids(&idx, "zsmj").is_empty());
}

#[test]
fn search_finds_zhangsan_by_full_pinyin_and_by_a_prefix_of_it() {
    let idx = index();
    assert_eq!(ids(&idx, "zhangsan"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "zhangsanwujin"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "wujin"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "ZhangSan"), ["zs-wujin"], "case is ignored");
    // Both 张 names start with "zhang"; equal scores sort by pinyin: zhangjia… < zhangsan….
    assert_eq!(ids(&idx, "zhang"), ["zjg", "zs-wujin"]);
}

#[test]
fn search_finds_a_heteronym_by_its_first_and_its_second_reading() {
    let idx = index();
    for q in ["zhongqing", "chongqing", "yinhang", "yinxing", "cqyh", "zqyh"] {
        assert_eq!(ids(&idx, q), ["cqyh"], "{q}");
    }
}

#[test]
fn search_types_u_umlaut_as_v() {
    assert_eq!(ids(&index(), "lvdi"), ["lvd"]);
}

#[test]
fn search_finds_latin_names_ignoring_case_and_passes_latin_through_pinyin() {
    let idx = index();
    assert_eq!(ids(&idx, "HUAWEI"), ["hw"]);
    assert_eq!(ids(&idx, "tech"), ["hw"]);
    assert_eq!(ids(&idx, "co.,"), ["hw"]);
    assert_eq!(ids(&idx, "3mzg"), ["3m"], "letters and digits pass through into initials");
    assert_eq!(ids(&idx, "3mzhongguo"), ["3m"]);
}

#[test]
fn search_finds_a_customer_by_a_contact_name_in_characters_or_pinyin() {
    let idx = index();
    assert_eq!(ids(&idx, "王五"), ["lsjc"]);
    assert_eq!(ids(&idx, "zl"), ["lsjc"], "赵六 by initials");
    assert_eq!(ids(&idx, "zhaoliu"), ["lsjc"]);
    assert_eq!(ids(&idx, "alice"), ["hw"]);
    assert_eq!(ids(&idx, "liuqi"), ["cqyh"]);
}

#[test]
fn search_finds_a_phone_by_any_run_of_its_digits_ignoring_spaces_dashes_and_plus() {
    let idx = index();
    assert_eq!(ids(&idx, "0013"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "138-0013"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "13800138000"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "+8613912345678"), ["lsjc"]);
    assert_eq!(ids(&idx, "1234567"), ["lsjc"]);
    assert_eq!(ids(&idx, "28780808"), ["hw"]);
    assert!(ids(&idx, "99999").is_empty());
}

#[test]
fn search_ands_the_terms_of_a_query() {
    let idx = index();
    assert_eq!(ids(&idx, "张 138"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "zhang 0013"), ["zs-wujin"]);
    assert!(ids(&idx, "张 139").is_empty());
    assert_eq!(sorted(idx.matches("张")), ["zjg", "zs-wujin"]);
    assert_eq!(idx.matches("zhang  gang"), ["zjg"]);
}

#[test]
fn search_ranks_exact_then_prefix_then_initials_then_substrings_then_contacts_then_phones() {
    let idx = SearchIndex::build([
        item("sub", "张三五金", &[], &[]),
        item("contact", "某公司", &["五金王"], &[]),
        item("exact", "五金", &[], &[]),
        item("prefix", "五金城", &[], &[]),
    ]);
    assert_eq!(ids(&idx, "五金"), ["exact", "prefix", "sub", "contact"]);
    let idx = SearchIndex::build([
        item("phone", "Acme", &[], &["131 5555 0000"]),
        item("sub", "华北131厂", &[], &[]),
        item("initials", "Zhou Shi", &[], &[]),
        item("pinyin", "周氏", &[], &[]),
        item("name", "ZS Trading", &[], &[]),
    ]);
    assert_eq!(ids(&idx, "131"), ["sub", "phone"]);
    assert_eq!(ids(&idx, "zs"), ["name", "pinyin"], "周氏 by initials; 'Zhou Shi' has no 'zs' run");
    let hits = idx.search("zs", 10);
    assert!(hits[0].score > hits[1].score);
}

#[test]
fn search_breaks_ties_by_name_then_id_so_results_are_stable() {
    let idx = SearchIndex::build([
        item("b", "王记", &[], &[]),
        item("c", "汪氏", &[], &[]),
        item("a", "王记", &[], &[]),
    ]);
    // 王记 and 汪氏 are both "wang…" prefixes: wangji < wangshi, then id a < b.
    assert_eq!(ids(&idx, "wang"), ["a", "b", "c"]);
}

#[test]
fn search_returns_at_most_the_limit_best_first() {
    let idx = SearchIndex::build((0..100).map(|i| item(&format!("{i:03}"), &format!("五金{i:03}"), &[], &[])));
    let hits = idx.search("五金", 5);
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["000", "001", "002", "003", "004"]);
    assert!(idx.search("五金", 0).is_empty());
}

#[test]
fn an_empty_query_finds_nothing_in_search_and_keeps_everyone_in_matches() {
    let idx = index();
    assert!(idx.search("", 10).is_empty());
    assert!(idx.search("  \t ", 10).is_empty());
    assert_eq!(idx.matches("").len(), idx.len());
    assert_eq!(idx.matches(" ").len(), 7);
}

#[test]
fn search_upsert_reindexes_a_renamed_customer_and_remove_forgets_it() {
    let mut idx = index();
    idx.upsert(item("zs-wujin", "王二麻子", &[], &[]));
    assert_eq!(idx.len(), 7);
    assert!(ids(&idx, "zs").is_empty());
    assert!(ids(&idx, "0013").is_empty(), "the old phone is gone too");
    assert_eq!(ids(&idx, "wemz"), ["zs-wujin"]);

    assert!(idx.remove("zs-wujin"));
    assert!(!idx.remove("zs-wujin"));
    assert_eq!(idx.len(), 6);
    assert!(ids(&idx, "wemz").is_empty());
    // Removing moved the last customer into the gap; it is still found and updatable.
    assert_eq!(ids(&idx, "lvdi"), ["lvd"]);
    idx.upsert(item("lvd", "绿地控股", &[], &[]));
    assert_eq!(idx.len(), 6);
    assert_eq!(ids(&idx, "ldkg"), ["lvd"]);
    idx.upsert(item("new", "新客户", &[], &[]));
    assert_eq!(ids(&idx, "xkh"), ["new"]);
    assert_eq!(idx.len(), 7);
}

#[test]
fn search_reads_full_width_letters_and_digits_as_ascii() {
    let idx = index();
    assert_eq!(ids(&idx, "ＺＳ"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "１３８"), ["zs-wujin"]);
    assert_eq!(ids(&idx, "张\u{3000}１３８"), ["zs-wujin"], "an ideographic space separates terms");
}

#[test]
fn search_ignores_control_characters_in_a_query() {
    assert_eq!(ids(&index(), "zhang\u{1f}san"), ["zs-wujin"]);
}

const SURNAMES: &[&str] = &["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
const WORDS: &[&str] = &["五金", "建材", "科技", "贸易", "电子", "机械", "食品", "物流", "银行", "酒店", "医药", "化工"];
const GIVEN: &[&str] = &["三", "伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳"];

fn big(n: usize) -> Vec<SearchItem> {
    (0..n)
        .map(|i| {
            let s = SURNAMES[i % SURNAMES.len()];
            let w = WORDS[(i / SURNAMES.len()) % WORDS.len()];
            let g = GIVEN[(i / 7) % GIVEN.len()];
            SearchItem {
                id: format!("c{i}"),
                name: format!("{s}{g}{w}有限公司{i}"),
                contacts: vec![format!("{}{}", SURNAMES[(i / 3) % SURNAMES.len()], GIVEN[i % GIVEN.len()])],
                phones: vec![format!("1{:02} {:04} {:04}", 30 + i % 70, i % 10_000, (i * 7919) % 10_000)],
            }
        })
        .collect()
}

#[test]
fn search_over_50k_customers_finds_every_match() {
    let items = big(50_000);
    let start = Instant::now();
    let idx = SearchIndex::build(items);
    let built = start.elapsed();
    assert_eq!(idx.len(), 50_000);
    // 张 in the name (every 16th) or the contact's surname (every 16th block of 3), and
    // 五金 in the name (every 12th block of 16).
    let expected = (0..50_000).filter(|i| (i % 16 == 0 || (i / 3) % 16 == 0) && (i / 16) % 12 == 0).count();
    assert_eq!(idx.matches("张 五金").len(), expected);
    assert_eq!(idx.matches("c49999").len(), 0, "ids are not searched");
    for q in ["z", "zs", "张", "张三", "zhang", "138", "1380", "xyz", "张 138"] {
        let t = Instant::now();
        let hits = idx.search(q, 50);
        println!("search {q:?}: {} hits of max 50 in {:?}", hits.len(), t.elapsed());
    }
    println!("built 50k in {built:?}");
}

/// Timing only (no assertion); run with
/// `cargo test --release --test search -- --ignored --nocapture`.
#[test]
#[ignore = "timing; run in release"]
fn search_timing_over_50k_customers() {
    let t = Instant::now();
    let idx = SearchIndex::build(big(50_000));
    println!("build 50k: {:?}", t.elapsed());
    for q in ["z", "zs", "张", "张三", "zhang", "zhangsan", "zswj", "138", "1380", "xyz", "张 138"] {
        let runs = 20;
        let t = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(idx.search(q, 50));
        }
        let search = t.elapsed() / runs;
        let t = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(idx.search(q, usize::MAX));
        }
        let all = t.elapsed() / runs;
        let t = Instant::now();
        let mut n = 0;
        for _ in 0..runs {
            n = std::hint::black_box(idx.matches(q)).len();
        }
        println!("{q:>10}: search(50) {search:>8.2?}, search(all) {all:>8.2?}, matches {:>8.2?} ({n} customers)", t.elapsed() / runs);
    }
}
