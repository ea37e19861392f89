//! Search as you type over every customer on the device (50k on a tablet): by company
//! name, contact names, any run of phone digits, and the pinyin of Chinese names — full
//! (`zhangsan`, `zhang`) or initials (`zs`, `zswj` for 张三五金: 五 is *wǔ*).
//!
//! A Han character is indexed by its first (most common) reading as the `pinyin` crate
//! orders them, and a name with heteronyms also by their second reading, up to four
//! spellings (银行 is found by `yinhang` and `yh`, 重庆 by `chongqing` and `cq`). `ü` is
//! indexed as `v`, the way pinyin keyboards type it.
//!
//! A query is split on whitespace and its terms are ANDed (`张 138`: a 张 whose phone
//! has 138). A term of digits (with `+`, `-`, `(`, `)` allowed) also matches phone
//! digits. Ranking: exact or prefix name matches, then pinyin and initials, then
//! substrings, then contacts, then phones; equal scores sort by the name's pinyin, then
//! the name, then id. An empty query **finds nothing** in [`SearchIndex::search`] and
//! **keeps everyone** in [`SearchIndex::matches`] and [`SearchResult::all`] (a filter
//! with nothing typed filters nothing out).
//!
//! # Layout, and why
//!
//! A keystroke must answer within a frame for 50k customers on a tablet, in wasm without
//! SIMD. So the index is laid out for scanning, not per customer:
//!
//! - **One text buffer** (`hay`) holds every customer's lowercase text back to back, in
//!   position order: `name SEP pinyin SEP initials SEP contacts SEP`, where several
//!   readings or contacts are separated by `ALT` and the final `SEP` ends the customer.
//!   `starts[p]` is where customer `p` begins. Queries never contain control characters,
//!   so a match never spans two parts or two customers, and a run of consecutive
//!   customers is searched with one [`Finder`] call over one slice, jumping to the next
//!   customer after each hit.
//! - **Phone digits live in a second buffer** (`phones`, same shape), searched only for a
//!   term that can be part of a phone number — so letters never scan phone digits, and
//!   `138-0013` is looked up as `1380013` in ~15 bytes a customer.
//! - **A 128-bit character mask per customer** (one bit per ASCII letter and digit, hashed
//!   buckets for punctuation and for Han characters) skips, without touching their text,
//!   the customers that lack some character of the term: `张` skips most of the
//!   customers without 张. A 256-bit bloom filter of adjacent character pairs does the
//!   same for longer terms (`la` needs the pair `l·a`, not just an `l` and an `a`,
//!   which pinyin has almost everywhere). A term of one letter or digit — the first keystroke, which
//!   matches most customers — reads no text at all: four small masks per customer (name,
//!   pinyin and initials, contacts, phones) say exactly who has it and in which part it
//!   first occurs, which is all ranking needs.
//! - **Ranking keeps a bounded heap** of the best `top_k` while the match set is built,
//!   and scores a hit only if it can beat the heap's worst: where a term first occurs
//!   (name, pinyin, contacts, phone) bounds its score, and ties break by a `rank`
//!   precomputed at build time (name's pinyin, name, id), so one integer comparison
//!   settles most hits of a one-letter query.
//! - **Typing narrows**: the last query and its match set are remembered; when the new
//!   query only extends it (each old term is contained in a new one: `zs` → `zsw`,
//!   `张` → `张 138`) only the previous matches are searched, and only for the new
//!   terms. Backspace or a new word starts from everyone again.
//!
//! Positions are the contract with the caller: customer `p` is the `p`-th item given to
//! [`SearchIndex::build`]; [`SearchIndex::upsert`] keeps a known id's position and appends
//! a new one; [`SearchIndex::remove`] shifts later positions down by one, like
//! `Vec::remove`. The customer list builds the index from its own list in list order, so
//! a position *is* a list position and results need no id lookups.
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
//!     assert_eq!(index.search_all(q, 10).all, [0], "{q}");
//! }
//! ```

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};
use std::sync::Mutex;

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

/// What one query found, as positions (see the module docs).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchResult {
    /// The best `top_k` matches, best first.
    pub top: Vec<u32>,
    /// Every match, ascending (so in the order the items were given); includes `top`.
    pub all: Vec<u32>,
}

/// Separates the parts of a customer's text, and ends it; stripped from queries.
const SEP: char = '\u{1f}';
/// Separates the items within a part (readings, contacts, phones); stripped from queries.
const ALT: char = '\u{1e}';
/// Most pinyin spellings indexed per name (see [`pinyin_variants`]).
const MAX_VARIANTS: usize = 4;
/// `at` of a hit found in the phone digits rather than in the text.
const IN_PHONES: u32 = u32::MAX;

/// Where the parts of one customer's text are, relative to its start in `hay`.
#[derive(Debug, Clone, Copy, Default)]
struct Meta {
    /// Ends of the name, the full pinyin and the initials (contacts run to the final `SEP`).
    cuts: [u32; 3],
    /// Where each pinyin spelling starts: the full ones, then the initials. The first is
    /// the name's usual pinyin, which equal scores sort by.
    spellings: [u32; 2 * MAX_VARIANTS],
    variants: u8,
    /// Shortest and longest spelling ranking looks at, and the first byte of each: a term
    /// of another length cannot be one of them, one with another first byte cannot begin
    /// one (bounds for skipping hits that cannot reach the top).
    spelling_len: (u32, u32),
    leads: [u8; 2 * MAX_VARIANTS],
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

/// The mask bit of a character: letters and digits one each, other ASCII and other
/// characters (Han) hashed into the rest. `None` for the separators.
fn char_bit(c: char) -> Option<u128> {
    let bit = match c {
        SEP | ALT => return None,
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + c as u32 - '0' as u32,
        c if c.is_ascii() => 36 + c as u32 % 8,
        c => 44 + (c as u32).wrapping_mul(0x9e37_79b1) % 84,
    };
    Some(1 << bit)
}

fn mask(s: &str) -> u128 {
    s.chars().filter_map(char_bit).fold(0, |m, b| m | b)
}

/// Bits of the pair bloom filter (see [`pairs`]).
const PAIR_WORDS: usize = 4;

/// A bloom filter of the pairs of adjacent characters in `s` (not across separators):
/// a term can only occur where all of its pairs do.
fn pairs(s: &str) -> [u64; PAIR_WORDS] {
    let mut bloom = [0; PAIR_WORDS];
    let mut prev: Option<char> = None;
    for c in s.chars() {
        if c == SEP || c == ALT {
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let h = ((p as u32).wrapping_mul(0x9e37_79b1) ^ c as u32).wrapping_mul(0x85eb_ca6b) >> 24;
            bloom[h as usize / 64 % PAIR_WORDS] |= 1 << (h % 64);
        }
        prev = Some(c);
    }
    bloom
}

/// The exact part of a mask: ASCII letters and digits.
fn letters(s: &str) -> u64 {
    (mask(s) & ((1 << 36) - 1)) as u64
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

fn offset(n: usize) -> u32 {
    u32::try_from(n).expect("search index text over 4 GiB")
}

/// One customer's text, phone digits and part offsets, before they join the buffers.
struct Entry {
    id: String,
    hay: String,
    phones: String,
    meta: Meta,
    parts: [u64; 4],
}

impl Entry {
    fn new(item: SearchItem) -> Entry {
        let mut hay = clean(&item.name);
        let mut cuts = [0; 3];
        let (full, initials): (Vec<String>, Vec<String>) = pinyin_variants(&item.name).into_iter().unzip();
        let variants = full.len();
        let mut spellings = [0; 2 * MAX_VARIANTS];
        cuts[0] = offset(hay.len());
        hay.push(SEP);
        let full_at = push_joined(&mut hay, full);
        cuts[1] = offset(hay.len());
        hay.push(SEP);
        let initials_at = push_joined(&mut hay, initials);
        cuts[2] = offset(hay.len());
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
        hay.push(SEP);
        let mut phones = String::new();
        push_joined(
            &mut phones,
            item.phones.iter().map(|p| p.chars().map(halfwidth).filter(char::is_ascii_digit).collect()),
        );
        phones.push(SEP);
        let mut meta = Meta { cuts, spellings, variants: variants as u8, spelling_len: (u32::MAX, 0), leads: [0; 8] };
        let (full, initials) = meta.checked_spellings();
        let mut leads = [0; 2 * MAX_VARIANTS];
        let mut spelling_len = (u32::MAX, 0);
        for (i, &at) in full.iter().chain(initials).enumerate() {
            let rest = hay.as_bytes().get(at as usize..).unwrap_or_default();
            let len = offset(rest.iter().position(|&b| b == ALT as u8 || b == SEP as u8).unwrap_or(rest.len()));
            spelling_len = (spelling_len.0.min(len), spelling_len.1.max(len));
            leads[i] = rest.first().copied().unwrap_or(0);
        }
        (meta.spelling_len, meta.leads) = (spelling_len, leads);
        let (c0, c2) = (cuts[0] as usize, cuts[2] as usize);
        let parts = [letters(&hay[..c0]), letters(&hay[c0 + 1..c2]), letters(&hay[c2 + 1..]), letters(&phones)];
        Entry { id: item.id, hay, phones, meta, parts }
    }
}

impl Meta {
    /// The full spellings and the initials that ranking checks a term against.
    fn checked_spellings(&self) -> (&[u32], &[u32]) {
        // Stored contiguously: the `v` full spellings, then their `v` initials.
        let v = (self.variants as usize).min(MAX_VARIANTS);
        (&self.spellings[..v], &self.spellings[v..2 * v])
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

/// One query term, lowercased, with its finders built once for the whole index.
#[derive(Debug)]
struct Term {
    text: String,
    finder: Finder<'static>,
    /// The digits to look for among phones, when the term can be part of a phone
    /// number (all digits, or digits with `+ - ( )`).
    digits: Option<Finder<'static>>,
    /// The mask bits of the text's characters, and its pairs' bloom bits.
    need: u128,
    need_pairs: [u64; PAIR_WORDS],
    /// The mask bit of a term of one ASCII letter or digit.
    single: Option<u64>,
}

impl Term {
    fn new(text: String) -> Term {
        let phone_like = text.chars().any(|c| c.is_ascii_digit())
            && text.chars().all(|c| c.is_ascii_digit() || matches!(c, '+' | '-' | '(' | ')'));
        let digits = phone_like.then(|| {
            let d: String = text.chars().filter(char::is_ascii_digit).collect();
            Finder::new(d.as_bytes()).into_owned()
        });
        let single = (text.len() == 1 && text.as_bytes()[0].is_ascii_alphanumeric()).then(|| letters(&text));
        Term {
            finder: Finder::new(text.as_bytes()).into_owned(),
            need: mask(&text),
            need_pairs: pairs(&text),
            single,
            text,
            digits,
        }
    }

    fn digits(&self) -> Option<&[u8]> {
        self.digits.as_ref().map(Finder::needle)
    }

    /// Whether every customer this term matches is matched by `old` too: the text
    /// contains the old text, and phone digits (if any) contain the old ones.
    fn narrows(&self, old: &Term) -> bool {
        let within = |outer: &[u8], inner: &[u8]| memchr::memmem::find(outer, inner).is_some();
        within(self.text.as_bytes(), old.text.as_bytes())
            && match (self.digits(), old.digits()) {
                (None, _) => true,
                (Some(new), Some(old)) => within(new, old),
                (Some(_), None) => false,
            }
    }
}

/// The texts of some terms, sorted: equal for queries that mean the same.
fn texts(terms: &[Term]) -> Vec<&str> {
    let mut v: Vec<&str> = terms.iter().map(|t| t.text.as_str()).collect();
    v.sort_unstable();
    v
}

fn terms(query: &str) -> Vec<Term> {
    query
        .split_whitespace()
        .map(|w| clean(w).chars().filter(|c| !c.is_control() && *c != ' ').collect::<String>())
        .filter(|t| !t.is_empty())
        .map(Term::new)
        .collect()
}

/// Calls `f(a, b)` for each maximal run `a..b` of consecutive positions.
fn runs(positions: impl Iterator<Item = usize>, mut f: impl FnMut(usize, usize)) {
    let mut run: Option<(usize, usize)> = None;
    for p in positions {
        run = match run {
            Some((a, b)) if b == p => Some((a, p + 1)),
            Some((a, b)) => {
                f(a, b);
                Some((p, p + 1))
            }
            None => Some((p, p + 1)),
        };
    }
    if let Some((a, b)) = run {
        f(a, b);
    }
}

/// The customers `a..b` whose slice of `buf` contains the needle: one search over the
/// run, restarted at the next customer after each hit. Pushes each one's position and
/// where (relative to its start) the needle first occurs.
fn scan_run(
    buf: &[u8],
    starts: &[u32],
    finder: &Finder,
    (a, b): (usize, usize),
    hits: &mut Vec<u32>,
    at: &mut Vec<u32>,
) {
    let end = starts[b] as usize;
    let mut p = a;
    while p < b {
        let from = starts[p] as usize;
        let Some(i) = finder.find(&buf[from..end]) else {
            break;
        };
        let i = from + i;
        if i >= starts[p + 1] as usize {
            p += starts[p + 1..=b].partition_point(|&s| s as usize <= i);
        }
        hits.push(p as u32);
        at.push((i - starts[p] as usize) as u32);
        p += 1;
    }
}

/// The last query, for narrowing the next one.
#[derive(Debug)]
struct Last {
    terms: Vec<Term>,
    top_k: usize,
    /// `(position, score)`, best first.
    top: Vec<(u32, u32)>,
    all: Vec<u32>,
}

/// The customers on the device, indexed for search (layout in the module docs).
#[derive(Default)]
pub struct SearchIndex {
    data: Data,
    last: Mutex<Option<Last>>,
}

/// Everything about the customers, by position.
#[derive(Clone)]
struct Data {
    /// Every customer's text, back to back; customer `p` is `hay[starts[p]..starts[p + 1]]`.
    hay: Vec<u8>,
    starts: Vec<u32>,
    /// Every customer's phone digits, the same way.
    phones: Vec<u8>,
    phone_starts: Vec<u32>,
    /// Which characters each customer's text has ([`char_bit`]).
    masks: Vec<u128>,
    /// Which ASCII letters and digits are in each customer's name, pinyin and initials,
    /// contacts and phones: exactly where a one-letter term first occurs.
    parts: Vec<[u64; 4]>,
    /// Which pairs of adjacent characters each customer's text has ([`pairs`]).
    pairs: Vec<[u64; PAIR_WORDS]>,
    meta: Vec<Meta>,
    /// Tie order: by the name's usual pinyin, then the name, then id (0 first).
    rank: Vec<u32>,
    ids: Vec<String>,
    by_id: HashMap<String, u32>,
}

impl Default for Data {
    fn default() -> Data {
        Data {
            hay: Vec::new(),
            starts: vec![0],
            phones: Vec::new(),
            phone_starts: vec![0],
            masks: Vec::new(),
            parts: Vec::new(),
            pairs: Vec::new(),
            meta: Vec::new(),
            rank: Vec::new(),
            ids: Vec::new(),
            by_id: HashMap::new(),
        }
    }
}

/// A copy remembers no last query.
impl Clone for SearchIndex {
    fn clone(&self) -> SearchIndex {
        SearchIndex { data: self.data.clone(), last: Mutex::default() }
    }
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").field("len", &self.len()).field("text_bytes", &self.data.hay.len()).finish()
    }
}

/// Puts `bytes` in place of item `p` of a buffer (`p == starts.len() - 1` appends).
fn splice(buf: &mut Vec<u8>, starts: &mut Vec<u32>, p: usize, bytes: &[u8]) {
    if p + 1 == starts.len() {
        buf.extend_from_slice(bytes);
        starts.push(offset(buf.len()));
        return;
    }
    let (a, b) = (starts[p] as usize, starts[p + 1] as usize);
    buf.splice(a..b, bytes.iter().copied());
    for s in &mut starts[p + 1..] {
        *s = offset(*s as usize - b + a + bytes.len());
    }
}

/// Removes item `p` of a buffer.
fn cut(buf: &mut Vec<u8>, starts: &mut Vec<u32>, p: usize) {
    let (a, b) = (starts[p] as usize, starts[p + 1] as usize);
    buf.drain(a..b);
    starts.remove(p);
    for s in &mut starts[p..] {
        *s -= offset(b - a);
    }
}

impl Data {
    fn len(&self) -> usize {
        self.ids.len()
    }

    fn put(&mut self, item: SearchItem) -> u32 {
        let entry = Entry::new(item);
        let p = match self.by_id.get(&entry.id) {
            Some(&p) => p as usize,
            None => {
                let p = self.ids.len();
                self.by_id.insert(entry.id.clone(), offset(p));
                self.ids.push(entry.id);
                self.masks.push(0);
                self.parts.push([0; 4]);
                self.pairs.push([0; PAIR_WORDS]);
                self.meta.push(Meta::default());
                self.rank.push(0);
                p
            }
        };
        splice(&mut self.hay, &mut self.starts, p, entry.hay.as_bytes());
        splice(&mut self.phones, &mut self.phone_starts, p, entry.phones.as_bytes());
        self.masks[p] = mask(&entry.hay);
        self.parts[p] = entry.parts;
        self.pairs[p] = pairs(&entry.hay);
        self.meta[p] = entry.meta;
        offset(p)
    }

    fn remove(&mut self, id: &str) -> bool {
        let Some(p) = self.by_id.remove(id) else {
            return false;
        };
        let p = p as usize;
        cut(&mut self.hay, &mut self.starts, p);
        cut(&mut self.phones, &mut self.phone_starts, p);
        self.masks.remove(p);
        self.parts.remove(p);
        self.pairs.remove(p);
        self.meta.remove(p);
        self.ids.remove(p);
        for id in &self.ids[p..] {
            if let Some(q) = self.by_id.get_mut(id) {
                *q -= 1;
            }
        }
        self.rank.remove(p);
        self.rerank();
        true
    }

    fn text(&self, p: usize) -> &[u8] {
        // Without the final SEP.
        &self.hay[self.starts[p] as usize..self.starts[p + 1] as usize - 1]
    }

    fn phone_digits(&self, p: usize) -> &[u8] {
        &self.phones[self.phone_starts[p] as usize..self.phone_starts[p + 1] as usize - 1]
    }

    fn name(&self, p: usize) -> &[u8] {
        &self.text(p)[..self.meta[p].cuts[0] as usize]
    }

    fn sort_key(&self, p: usize) -> &[u8] {
        let m = &self.meta[p];
        let start = m.spellings[0] as usize;
        let end = if m.variants > 1 { m.spellings[1] as usize - 1 } else { m.cuts[1] as usize };
        self.text(p).get(start..end).unwrap_or_default()
    }

    fn rerank(&mut self) {
        let mut order: Vec<u32> = (0..offset(self.len())).collect();
        order.sort_unstable_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            self.sort_key(a)
                .cmp(self.sort_key(b))
                .then_with(|| self.name(a).cmp(self.name(b)))
                .then_with(|| self.ids[a].cmp(&self.ids[b]))
        });
        for (r, &p) in order.iter().enumerate() {
            self.rank[p as usize] = offset(r);
        }
    }

    /// The customers among `within` (everyone when `None`) that a term matches,
    /// ascending, with where it first occurs in each ([`IN_PHONES`] for the phones).
    fn scan(&self, term: &Term, within: Option<&[u32]>) -> (Vec<u32>, Vec<u32>) {
        let (mut hits, mut at) = (Vec::new(), Vec::new());
        if let Some(bit) = term.single {
            // One letter or digit (a first keystroke, so usually everyone to look at): the
            // part masks say who has it and where it first occurs, without reading text.
            // `at` is then any offset in that part, which is all ranking looks at.
            let mut visit = |p: usize| {
                let [name, spelled, contacts, phones] = self.parts[p];
                let m = &self.meta[p];
                let first = if name & bit != 0 {
                    u32::from(self.hay[self.starts[p] as usize] != term.text.as_bytes()[0])
                } else if spelled & bit != 0 {
                    m.cuts[0] + 1
                } else if contacts & bit != 0 {
                    m.cuts[2] + 1
                } else if phones & bit != 0 {
                    IN_PHONES
                } else {
                    return;
                };
                hits.push(p as u32);
                at.push(first);
            };
            match within {
                None => (0..self.len()).for_each(&mut visit),
                Some(w) => w.iter().for_each(|&p| visit(p as usize)),
            }
            return (hits, at);
        }
        let has = |p: &usize| {
            self.masks[*p] & term.need == term.need
                && self.pairs[*p].iter().zip(&term.need_pairs).all(|(have, need)| have & need == *need)
        };
        let mut text_run = |run| scan_run(&self.hay, &self.starts, &term.finder, run, &mut hits, &mut at);
        match within {
            None => runs((0..self.len()).filter(has), |a, b| text_run((a, b))),
            Some(w) => runs(w.iter().map(|&p| p as usize).filter(has), |a, b| text_run((a, b))),
        }
        let Some(digits) = &term.digits else {
            return (hits, at);
        };
        let (mut in_phones, mut unused) = (Vec::new(), Vec::new());
        let mut phone_run = |run| scan_run(&self.phones, &self.phone_starts, digits, run, &mut in_phones, &mut unused);
        match within {
            None => runs(0..self.len(), |a, b| phone_run((a, b))),
            Some(w) => runs(w.iter().map(|&p| p as usize), |a, b| phone_run((a, b))),
        }
        // Union, ascending; a match in the text counts first.
        let (mut all, mut all_at) = (Vec::with_capacity(hits.len() + in_phones.len()), Vec::new());
        let (mut i, mut j) = (0, 0);
        while i < hits.len() || j < in_phones.len() {
            if j == in_phones.len() || (i < hits.len() && hits[i] <= in_phones[j]) {
                if j < in_phones.len() && hits[i] == in_phones[j] {
                    j += 1;
                }
                all.push(hits[i]);
                all_at.push(at[i]);
                i += 1;
            } else {
                all.push(in_phones[j]);
                all_at.push(IN_PHONES);
                j += 1;
            }
        }
        (all, all_at)
    }

    /// Where a term first occurs in customer `p`.
    fn locate(&self, p: usize, term: &Term) -> Option<u32> {
        match term.finder.find(self.text(p)) {
            Some(i) => Some(i as u32),
            None => term.digits.as_ref()?.find(self.phone_digits(p)).map(|_| IN_PHONES),
        }
    }

    /// How well one term matches customer `p`, given where it first occurs.
    fn score(&self, p: usize, term: &Term, at: u32) -> u32 {
        let text = self.text(p);
        let m = &self.meta[p];
        let t = term.text.as_bytes();
        let name = &text[..m.cuts[0] as usize];
        let (full, initials) = m.checked_spellings();
        // Whether `t` begins one of the given spellings, or (`whole`) is one of them.
        let spelled = |starts: &[u32], whole: bool| {
            starts.iter().any(|&at| {
                let rest = text.get(at as usize..).unwrap_or_default();
                rest.starts_with(t) && (!whole || matches!(rest.get(t.len()), None | Some(0x1e | 0x1f)))
            })
        };
        // Whether `t` begins one of the `ALT`-separated items of a part.
        let begins = |part: &[u8], t: &[u8]| part.split(|&b| b == ALT as u8).any(|v| !v.is_empty() && v.starts_with(t));
        if name == t {
            1000
        } else if name.starts_with(t) {
            900
        } else if spelled(full, true) || spelled(initials, true) {
            850
        } else if spelled(full, false) {
            800
        } else if spelled(initials, false) {
            700
        } else if at == IN_PHONES {
            if begins(self.phone_digits(p), term.digits().unwrap_or(t)) {
                300
            } else {
                250
            }
        } else if at < m.cuts[0] {
            600
        } else if at < m.cuts[1] {
            500
        } else if at < m.cuts[2] {
            450
        } else if begins(&text[m.cuts[2] as usize + 1..], t) {
            400
        } else {
            350
        }
    }

    /// The most [`score`](Self::score) can be, knowing only where the term first occurs.
    fn bound(&self, p: usize, term: &Term, at: u32) -> u32 {
        let m = &self.meta[p];
        let len = term.text.len() as u32;
        let spelled = if !m.leads[..2 * m.variants as usize].contains(&term.text.as_bytes()[0]) {
            0
        } else if (m.spelling_len.0..=m.spelling_len.1).contains(&len) {
            850
        } else {
            800
        };
        let part = if at == IN_PHONES {
            300
        } else if at == 0 {
            return if len == m.cuts[0] { 1000 } else { 900 };
        } else if at < m.cuts[0] {
            600
        } else if at < m.cuts[1] {
            500
        } else if at < m.cuts[2] {
            450
        } else {
            400
        };
        part.max(spelled)
    }

    /// The most [`score`](Self::score) can be without knowing where the term occurs:
    /// 1000 and 900 need the name to begin with it, 850 to 700 a spelling.
    fn loose_bound(&self, p: usize, term: &Term) -> u32 {
        let m = &self.meta[p];
        let t = term.text.as_bytes();
        if self.text(p).starts_with(t) {
            1000
        } else if m.leads[..2 * m.variants as usize].contains(&t[0]) {
            850
        } else {
            600
        }
    }

    /// The best `k` of `hits`, best first, as `(position, score)`. `at` is where
    /// `terms[known]` first occurs in each hit, when the scan that found them says.
    fn top(&self, terms: &[Term], hits: &[u32], known: Option<(usize, &[u32])>, k: usize) -> Vec<(u32, u32)> {
        if k == 0 {
            return Vec::new();
        }
        let key = |score: u32, p: usize| (u64::from(score) << 32) | u64::from(u32::MAX - self.rank[p]);
        let mut heap: BinaryHeap<Reverse<(u64, u32)>> = BinaryHeap::with_capacity(k.min(hits.len()) + 1);
        'hits: for (i, &hit) in hits.iter().enumerate() {
            let p = hit as usize;
            if heap.len() == k {
                let bound = (terms.iter().enumerate())
                    .map(|(j, term)| match known {
                        Some((t, at)) if t == j => self.bound(p, term, at[i]),
                        _ => self.loose_bound(p, term),
                    })
                    .sum();
                if heap.peek().is_some_and(|Reverse((worst, _))| key(bound, p) <= *worst) {
                    continue;
                }
            }
            let mut score = 0;
            for (j, term) in terms.iter().enumerate() {
                let at = match known {
                    Some((t, at)) if t == j => at[i],
                    _ => match self.locate(p, term) {
                        Some(at) => at,
                        None => continue 'hits,
                    },
                };
                score += self.score(p, term, at);
            }
            heap.push(Reverse((key(score, p), hit)));
            if heap.len() > k {
                heap.pop();
            }
        }
        let mut top: Vec<(u64, u32)> = heap.into_iter().map(|Reverse(x)| x).collect();
        top.sort_unstable_by(|a, b| b.cmp(a));
        top.into_iter().map(|(key, p)| (p, (key >> 32) as u32)).collect()
    }
}

impl SearchIndex {
    /// Indexes the items; the `p`-th one is at position `p` (a repeated id replaces the
    /// earlier item in its position).
    pub fn build(items: impl IntoIterator<Item = SearchItem>) -> SearchIndex {
        let mut data = Data::default();
        for item in items {
            data.put(item);
        }
        data.rerank();
        SearchIndex { data, last: Mutex::default() }
    }

    pub fn len(&self) -> usize {
        self.data.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.data.ids.is_empty()
    }

    /// The id at a position.
    pub fn id(&self, position: u32) -> Option<&str> {
        self.data.ids.get(position as usize).map(String::as_str)
    }

    pub fn position(&self, id: &str) -> Option<u32> {
        self.data.by_id.get(id).copied()
    }

    /// Adds a customer at the end, or re-indexes it in its position when its id is
    /// already known; returns its position. Re-sorts the tie order: O(n log n), for an
    /// occasional edit (the customer list rebuilds the whole index on reload).
    pub fn upsert(&mut self, item: SearchItem) -> u32 {
        let p = self.data.put(item);
        self.data.rerank();
        *self.last.get_mut().unwrap_or_else(|e| e.into_inner()) = None;
        p
    }

    /// Forgets a customer and shifts the positions after it down by one; returns whether
    /// it was indexed.
    pub fn remove(&mut self, id: &str) -> bool {
        if !self.data.remove(id) {
            return false;
        }
        *self.last.get_mut().unwrap_or_else(|e| e.into_inner()) = None;
        true
    }

    /// Forgets the last query, so the next one searches everyone (for benchmarks).
    pub fn clear_cache(&self) {
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }

    /// Every customer matching every term of `query` and the best `top_k` of them, in
    /// one pass (narrowed from the last query when it only extends it). An empty query
    /// keeps everyone and ranks no one.
    pub fn search_all(&self, query: &str, top_k: usize) -> SearchResult {
        let (top, all) = self.run(query, top_k);
        SearchResult { top: top.into_iter().map(|(p, _)| p).collect(), all }
    }

    fn run(&self, query: &str, top_k: usize) -> (Vec<(u32, u32)>, Vec<u32>) {
        let terms = terms(query);
        if terms.is_empty() {
            return (Vec::new(), (0..offset(self.data.len())).collect());
        }
        let last = self.last.lock().unwrap_or_else(|e| e.into_inner()).take();
        let last = last.filter(|l| l.terms.iter().all(|o| terms.iter().any(|t| t.narrows(o))));
        let (top, all) = match &last {
            Some(l) if l.top_k >= top_k && texts(&l.terms) == texts(&terms) => {
                (l.top[..top_k.min(l.top.len())].to_vec(), l.all.clone())
            }
            _ => {
                // Terms the previous matches are known to have need no search; the longest
                // of the others goes first, as the likeliest to narrow the rest.
                let mut todo: Vec<usize> = (0..terms.len())
                    .filter(|&i| !last.as_ref().is_some_and(|l| l.terms.iter().any(|o| o.text == terms[i].text)))
                    .collect();
                todo.sort_by_key(|&i| Reverse(terms[i].text.len()));
                let mut found: Option<(Vec<u32>, Vec<u32>)> = None;
                for &i in &todo {
                    let within = found.as_ref().map(|f| f.0.as_slice()).or(last.as_ref().map(|l| l.all.as_slice()));
                    found = Some(self.data.scan(&terms[i], within));
                }
                match (found, &last) {
                    (Some((all, at)), _) => {
                        let known = todo.last().map(|&t| (t, at.as_slice()));
                        (self.data.top(&terms, &all, known, top_k), all)
                    }
                    (None, Some(l)) => (self.data.top(&terms, &l.all, None, top_k), l.all.clone()),
                    (None, None) => unreachable!("a query with terms and no cache searches"),
                }
            }
        };
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(Last { terms, top_k, top: top.clone(), all: all.clone() });
        (top, all)
    }

    /// The best `limit` customers matching every term of `query`, best first. An empty
    /// query finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<SearchHit> {
        let (top, _) = self.run(query, limit);
        top.into_iter().map(|(p, score)| SearchHit { id: self.data.ids[p as usize].clone(), score }).collect()
    }

    /// The ids of every customer matching every term of `query`, in position order. An
    /// empty query keeps everyone.
    pub fn matches(&self, query: &str) -> Vec<&str> {
        let (_, all) = self.run(query, 0);
        all.into_iter().map(|p| self.data.ids[p as usize].as_str()).collect()
    }
}
