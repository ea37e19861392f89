//! Search as you type over every customer on the device (50k on a tablet): by company
//! name, contact names, any run of phone digits, and the pinyin of Chinese names — full
//! (`zhangsan`, `zhang`) or initials (`zs`, `zswj` for 张三五金: 五 is *wǔ*).
//!
//! Each customer is indexed once into one lowercase haystack (`name · pinyin · initials
//! · contacts · phone digits`), so a keystroke is one substring scan per customer; only
//! the customers that contain every term are scored. A Han character is indexed by its
//! first (most common) reading as the `pinyin` crate orders them, and a name with
//! heteronyms also by their second reading, up to four spellings (银行 is found by
//! `yinhang` and `yh`, 重庆 by `chongqing` and `cq`). `ü` is indexed as `v`, the way
//! pinyin keyboards type it.
//!
//! A query is split on whitespace and its terms are ANDed (`张 138`: a 张 whose phone
//! has 138). A term of digits (with `+`, `-`, `(`, `)` allowed) also matches phone
//! digits. Ranking: exact or prefix name matches, then pinyin and initials, then
//! substrings, then contacts, then phones; equal scores sort by the name's pinyin, then
//! id. An empty query **finds nothing** in [`SearchIndex::search`] and **keeps everyone**
//! in [`SearchIndex::matches`] (a filter with nothing typed filters nothing out).
//!
//! ```
//! use outpost::domain::search::{SearchIndex, SearchItem};
//! let index = SearchIndex::build([SearchItem {
//!     id: "c1".into(),
//!     name: "张三五金".into(),
//!     contacts: vec!["李四".into()],
//!     phones: vec!["138-0013-8000".into()],
//! }]);
//! for q in ["张三", "zs", "zhangsan", "zswj", "li", "0013", "ZHANG 138"] {
//!     assert_eq!(index.matches(q), ["c1"], "{q}");
//! }
//! ```

use std::cmp::Ordering;
use std::collections::HashMap;

use memchr::memmem::Finder;
use pinyin::ToPinyinMulti;

/// What the index knows about one customer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchItem {
    pub id: String,
    pub name: String,
    pub contacts: Vec<String>,
    pub phones: Vec<String>,
}

/// A customer that matched, best first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchHit {
    pub id: String,
    /// Higher is better; only the order means anything.
    pub score: u32,
}

/// Separates the parts of a haystack; stripped from queries, so no term spans two parts.
const SEP: char = '\u{1f}';
/// Separates the items within a part (readings, contacts, phones); stripped from queries.
const ALT: char = '\u{1e}';
/// Most pinyin spellings indexed per name (see [`pinyin_variants`]).
const MAX_VARIANTS: usize = 4;

/// One indexed customer: `hay` is `name SEP pinyin SEP initials SEP contacts SEP phones`
/// (lowercase; several readings, contacts or phones separated by `ALT`), and `cuts` are
/// the byte offsets of the four `SEP`s. `spellings` are where each pinyin spelling of
/// the name starts (full ones, then initials), so ranking checks prefixes without a scan;
/// the first full one is the name's usual pinyin, which equal scores sort by.
#[derive(Debug, Clone)]
struct Entry {
    id: String,
    hay: String,
    cuts: [usize; 4],
    spellings: [u32; 2 * MAX_VARIANTS],
    variants: usize,
}

fn any(part: &str, f: impl Fn(&str) -> bool) -> bool {
    part.split(ALT).any(|v| !v.is_empty() && f(v))
}

/// Appends the parts separated by `ALT`; returns where each starts.
fn push_joined(hay: &mut String, parts: impl IntoIterator<Item = String>) -> Vec<usize> {
    let mut starts = Vec::new();
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            hay.push(ALT);
        }
        starts.push(hay.len());
        hay.push_str(&p);
    }
    starts
}

/// Full-width ASCII (`Ａ`, `１`, typed with a Chinese IME in full-width mode) as ASCII.
fn halfwidth(c: char) -> char {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

fn clean(s: &str) -> String {
    s.chars().map(halfwidth).flat_map(char::to_lowercase).map(|c| if c.is_control() { ' ' } else { c }).collect()
}

impl Entry {
    fn new(item: SearchItem) -> Entry {
        let mut hay = clean(&item.name);
        let mut cuts = [0; 4];
        let (full, initials): (Vec<String>, Vec<String>) = pinyin_variants(&item.name).into_iter().unzip();
        let variants = full.len();
        let mut spellings = [0; 2 * MAX_VARIANTS];
        cuts[0] = hay.len();
        hay.push(SEP);
        let full_at = push_joined(&mut hay, full);
        cuts[1] = hay.len();
        hay.push(SEP);
        let initials_at = push_joined(&mut hay, initials);
        cuts[2] = hay.len();
        for (i, at) in full_at.into_iter().chain(initials_at).enumerate().take(spellings.len()) {
            // An offset past u32 (a name of gigabytes) saturates and simply never matches.
            spellings[i] = u32::try_from(at).unwrap_or(u32::MAX);
        }
        hay.push(SEP);
        // Each contact as typed, in full pinyin and in initials, so "ls" finds 李四.
        push_joined(
            &mut hay,
            item.contacts.iter().flat_map(|c| {
                let (full, initials): (Vec<String>, Vec<String>) = pinyin_variants(c).into_iter().unzip();
                std::iter::once(clean(c)).chain(full).chain(initials)
            }),
        );
        cuts[3] = hay.len();
        hay.push(SEP);
        push_joined(&mut hay, item.phones.iter().map(|p| p.chars().map(halfwidth).filter(char::is_ascii_digit).collect()));
        Entry { id: item.id, hay, cuts, spellings, variants }
    }

    fn name(&self) -> &str {
        &self.hay[..self.cuts[0]]
    }
    fn contacts(&self) -> &str {
        &self.hay[self.cuts[2] + 1..self.cuts[3]]
    }
    fn phones(&self) -> &str {
        &self.hay[self.cuts[3] + 1..]
    }
    fn sort_key(&self) -> &str {
        let start = self.spellings[0] as usize;
        let end = if self.variants > 1 { self.spellings[1] as usize - 1 } else { self.cuts[1] };
        self.hay.get(start..end).unwrap_or_default()
    }

    /// Whether `t` begins one of the given spellings, or (`whole`) is one of them.
    fn spelled(&self, starts: &[u32], t: &str, whole: bool) -> bool {
        let hay = self.hay.as_bytes();
        starts.iter().any(|&at| {
            let rest = hay.get(at as usize..).unwrap_or_default();
            rest.starts_with(t.as_bytes()) && (!whole || matches!(rest.get(t.len()), None | Some(0x1e | 0x1f)))
        })
    }

    /// Where a term first occurs (a byte offset into the haystack): one scan, and since
    /// the parts come in ranking order, the offset tells which part matched.
    fn find(&self, term: &Term) -> Option<usize> {
        term.finder.find(self.hay.as_bytes()).or_else(|| {
            let digits = term.digits.as_ref()?;
            digits.find(self.phones().as_bytes()).map(|p| p + self.cuts[3] + 1)
        })
    }

    /// How well one term matches, or `None` when it does not.
    fn score(&self, term: &Term) -> Option<u32> {
        let pos = self.find(term)?;
        let t = term.text.as_str();
        let name = self.name();
        let (full, initials) = self.spellings.split_at(MAX_VARIANTS);
        let (full, initials) = (&full[..self.variants], &initials[..self.variants]);
        let score = if name == t {
            1000
        } else if name.starts_with(t) {
            900
        } else if self.spelled(full, t, true) || self.spelled(initials, t, true) {
            850
        } else if self.spelled(full, t, false) {
            800
        } else if self.spelled(initials, t, false) {
            700
        } else if pos < self.cuts[0] {
            600
        } else if pos < self.cuts[1] {
            500
        } else if pos < self.cuts[2] {
            450
        } else if pos < self.cuts[3] {
            if any(self.contacts(), |c| c.starts_with(t)) {
                400
            } else {
                350
            }
        } else if any(self.phones(), |p| p.starts_with(term.digits().unwrap_or(t))) {
            300
        } else {
            250
        };
        Some(score)
    }
}

/// The pinyin spellings of `s` as `(full, initials)`, the usual one first: each Han
/// character by its first reading, letters and digits lowercased, spaces and punctuation
/// dropped, `ü` as `v`. A character with a second distinct reading adds spellings that
/// use it (银行 → `yinxing`, `yinhang`; 重庆 → `zhongqing`, `chongqing`), up to
/// [`MAX_VARIANTS`] per name; later heteronyms in a long name keep their first reading.
fn pinyin_variants(s: &str) -> Vec<(String, String)> {
    let mut out = vec![(String::new(), String::new())];
    let push = |v: &mut (String, String), reading: &str| {
        let reading = reading.replace('ü', "v");
        v.1.extend(reading.chars().next());
        v.0.push_str(&reading);
    };
    for c in s.chars() {
        match c.to_pinyin_multi() {
            Some(multi) => {
                let first = multi.get(0).plain();
                let second = multi.into_iter().map(|p| p.plain()).find(|p| *p != first);
                if let Some(second) = second.filter(|_| out.len() * 2 <= MAX_VARIANTS) {
                    let mut alt = out.clone();
                    alt.iter_mut().for_each(|v| push(v, second));
                    out.iter_mut().for_each(|v| push(v, first));
                    out.extend(alt);
                } else {
                    out.iter_mut().for_each(|v| push(v, first));
                }
            }
            None if c.is_alphanumeric() => {
                for v in &mut out {
                    v.0.extend(halfwidth(c).to_lowercase());
                    v.1.extend(halfwidth(c).to_lowercase());
                }
            }
            None => {}
        }
    }
    out
}

/// One query term, lowercased, with its finder built once for the whole index;
/// `digits` when it looks like part of a phone number.
struct Term {
    text: String,
    finder: Finder<'static>,
    digits: Option<Finder<'static>>,
}

impl Term {
    fn digits(&self) -> Option<&str> {
        self.digits.as_ref().and_then(|f| std::str::from_utf8(f.needle()).ok())
    }
}

fn terms(query: &str) -> Vec<Term> {
    query
        .split_whitespace()
        .map(|w| {
            let text: String = clean(w).chars().filter(|c| !c.is_control() && *c != ' ').collect();
            let phone_like = text.chars().any(|c| c.is_ascii_digit())
                && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')'));
            let digits = phone_like.then(|| {
                let d: String = text.chars().filter(char::is_ascii_digit).collect();
                Finder::new(d.as_bytes()).into_owned()
            });
            Term { finder: Finder::new(text.as_bytes()).into_owned(), text, digits }
        })
        .filter(|t| !t.text.is_empty())
        .collect()
}

/// The customers on the device, indexed for search.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
    by_id: HashMap<String, usize>,
}

impl SearchIndex {
    pub fn build(items: impl IntoIterator<Item = SearchItem>) -> SearchIndex {
        let mut index = SearchIndex::default();
        for item in items {
            index.upsert(item);
        }
        index
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds a customer, or re-indexes it when its id is already known.
    pub fn upsert(&mut self, item: SearchItem) {
        let entry = Entry::new(item);
        match self.by_id.get(&entry.id) {
            Some(&i) => self.entries[i] = entry,
            None => {
                self.by_id.insert(entry.id.clone(), self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    /// Forgets a customer; returns whether it was indexed.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(i) = self.by_id.remove(id) else {
            return false;
        };
        self.entries.swap_remove(i);
        if let Some(moved) = self.entries.get(i) {
            self.by_id.insert(moved.id.clone(), i);
        }
        true
    }

    fn scored<'a, 't>(&'a self, terms: &'t [Term]) -> impl Iterator<Item = (&'a Entry, u32)> + 't
    where
        'a: 't,
    {
        self.entries.iter().filter_map(move |e| {
            terms.iter().try_fold(0u32, |sum, t| e.score(t).map(|s| sum + s)).map(|s| (e, s))
        })
    }

    /// The best `limit` customers matching every term of `query`, best first. An empty
    /// query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let terms = terms(query);
        if terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<(&Entry, u32)> = self.scored(&terms).collect();
        let order = |a: &(&Entry, u32), b: &(&Entry, u32)| -> Ordering {
            b.1.cmp(&a.1)
                .then_with(|| a.0.sort_key().cmp(b.0.sort_key()))
                .then_with(|| a.0.name().cmp(b.0.name()))
                .then_with(|| a.0.id.cmp(&b.0.id))
        };
        if hits.len() > limit {
            hits.select_nth_unstable_by(limit - 1, order);
            hits.truncate(limit);
        }
        hits.sort_unstable_by(order);
        hits.into_iter().map(|(e, score)| SearchHit { id: e.id.clone(), score }).collect()
    }

    /// The ids of every customer matching every term of `query`, in no particular
    /// order: for filtering a list the caller sorts itself. An empty query keeps everyone.
    pub fn matches(&self, query: &str) -> Vec<&str> {
        let terms = terms(query);
        self.entries.iter().filter(|e| terms.iter().all(|t| e.find(t).is_some())).map(|e| e.id.as_str()).collect()
    }
}
