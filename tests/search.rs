//! Search as you type over the customer list (C1): names, contacts, phone digits and
//! the pinyin of Chinese names.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use outpost::domain::search::{SearchIndex, SearchItem, SearchResult};

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
    let idx =
        SearchIndex::build([item("b", "王记", &[], &[]), item("c", "汪氏", &[], &[]), item("a", "王记", &[], &[])]);
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
    // Removing shifted the later customers down; they are still found and updatable.
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

/// Positions are the order the items were given in, so a caller's list and the index
/// line up; `upsert` keeps a known id's position and appends a new one, `remove` shifts
/// the later ones down like `Vec::remove`.
#[test]
fn search_all_returns_positions_in_the_order_items_were_given() {
    let mut idx = index();
    let order = ["zs-wujin", "lsjc", "hw", "zjg", "cqyh", "3m", "lvd"];
    for (p, id) in order.iter().enumerate() {
        assert_eq!(idx.id(p as u32), Some(*id));
        assert_eq!(idx.position(id), Some(p as u32));
    }
    assert_eq!(idx.search_all("zhang", 10), SearchResult { top: vec![3, 0], all: vec![0, 3] });
    assert_eq!(idx.search_all("", 10), SearchResult { top: vec![], all: (0..7).collect() });

    assert_eq!(idx.upsert(item("zjg", "张家港钢铁集团", &[], &[])), 3);
    assert_eq!(idx.upsert(item("new", "张记", &[], &[])), 7);
    // 张记 (zhangji) < 张家港… (zhangjiagang…) < 张三… (zhangsan…)
    assert_eq!(idx.search_all("zhang", 10), SearchResult { top: vec![7, 3, 0], all: vec![0, 3, 7] });
    assert!(idx.remove("lsjc"));
    assert_eq!(idx.id(1), Some("hw"));
    assert_eq!(idx.position("new"), Some(6));
    assert_eq!(idx.search_all("zhang", 10), SearchResult { top: vec![6, 2, 0], all: vec![0, 2, 6] });
    assert_eq!(idx.search_all("zhang", 1).top, [6]);
}

/// The one-pass result is what `search` and `matches` say, in positions.
#[test]
fn search_all_agrees_with_search_and_matches() {
    let items = big(3_000);
    let idx = SearchIndex::build(items.clone());
    for q in ["z", "1", "张", "zs", "zhang san", "138", "1380", "五金 13", "wang", "xyz", "(1", "有限"] {
        let r = idx.search_all(q, 20);
        let top: Vec<String> = r.top.iter().map(|&p| items[p as usize].id.clone()).collect();
        assert_eq!(top, ids_n(&idx, q, 20), "{q}");
        let mut all: Vec<&str> = r.all.iter().map(|&p| items[p as usize].id.as_str()).collect();
        assert!(r.all.windows(2).all(|w| w[0] < w[1]), "{q}: ascending");
        all.sort_unstable();
        assert_eq!(all, sorted(idx.matches(q)), "{q}");
    }
}

fn ids_n(index: &SearchIndex, q: &str, n: usize) -> Vec<String> {
    index.search(q, n).into_iter().map(|h| h.id).collect()
}

/// Typing narrows the last query's matches; the answer must be the same as searching
/// everyone, whether the query grows, shrinks, gains a term or changes one.
#[test]
fn search_as_typed_finds_what_a_fresh_search_finds() {
    let idx = SearchIndex::build(big(5_000));
    let fresh = SearchIndex::build(big(5_000));
    let typed = [
        "z",
        "zh",
        "zha",
        "zhan",
        "zhang",
        "zhang ",
        "zhang 1",
        "zhang 13",
        "zhang 138",
        "zhang 13",
        "zhang",
        "张",
        "张 ",
        "张 五",
        "张 五金",
        "张 五",
        "1",
        "13",
        "13-",
        "13-0",
        "(",
        "(1",
        "(13",
        "+",
        "+8",
        "w",
        "wu",
        "wuj",
        "wujin",
        "wujin 张",
        "jin wu",
        "jin wu",
        "x",
        "xy",
        "五金",
        "五金 zhang",
        "zhang 五金",
        "zhang 五金 zhang",
    ];
    for q in typed {
        fresh.clear_cache();
        assert_eq!(idx.search_all(q, 50), fresh.search_all(q, 50), "{q:?}");
        fresh.clear_cache();
        assert_eq!(idx.search(q, 50), fresh.search(q, 50), "{q:?}");
    }
    // A changed index forgets the last query: a customer added after "zhang" is found
    // by "zhangx", though it was not among the matches of "zhang".
    let mut idx = idx;
    assert!(!idx.search_all("zhang", 5).all.contains(&5_000));
    assert_eq!(idx.upsert(item("new", "张新", &[], &[])), 5_000);
    assert!(idx.search_all("zhangx", 5).all.contains(&5_000));
}

const SURNAMES: &[&str] =
    &["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭"];
const WORDS: &[&str] =
    &["五金", "建材", "科技", "贸易", "电子", "机械", "食品", "物流", "银行", "酒店", "医药", "化工"];
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
            idx.clear_cache();
            std::hint::black_box(idx.search_all(q, 50));
        }
        let cold = t.elapsed() / runs;
        // As typed: the query one character shorter first, so this one narrows its matches.
        let shorter: String = q.chars().take(q.chars().count() - 1).collect();
        let mut typed = std::time::Duration::ZERO;
        for _ in 0..runs {
            idx.clear_cache();
            idx.search_all(&shorter, 50);
            let t = Instant::now();
            std::hint::black_box(idx.search_all(q, 50));
            typed += t.elapsed();
        }
        let typed = typed / runs;
        let t = Instant::now();
        for _ in 0..runs {
            idx.clear_cache();
            std::hint::black_box(idx.search(q, usize::MAX));
        }
        let all = t.elapsed() / runs;
        let n = idx.search_all(q, 0).all.len();
        println!("{q:>10}: search_all(50) cold {cold:>8.2?}, as typed {typed:>8.2?}; ranking all {all:>8.2?} ({n} customers)");
    }
}

#[test]
fn search_ranks_a_name_whose_pinyin_initials_begin_with_the_query_above_a_mere_substring() {
    let index =
        SearchIndex::build([item("latin", "Kazs Trading", &[], &[]), item("zhang", "张三五金有限公司", &[], &[])]);
    let hits = index.search("zs", 10);
    assert_eq!(hits.iter().map(|h| h.id.as_str()).collect::<Vec<_>>(), ["zhang", "latin"]);
    assert!(hits[0].score > hits[1].score);
}
