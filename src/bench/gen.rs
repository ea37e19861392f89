//! Deterministic, realistic-looking customers for the search and import benchmarks: mostly
//! Chinese companies (张三五金有限公司, 杭州恒通建材有限公司) with Chinese contacts, some
//! Latin ones (Lakeside Trading Co.), mobile numbers (138…, 139…, 186…).

/// SplitMix64: a tiny seeded generator, so every run benchmarks the same data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn pick(&mut self, xs: &[&'static str]) -> &'static str {
        xs[self.below(xs.len() as u64) as usize]
    }

    /// True with probability `pct`%.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
}

const SURNAMES: &[&str] = &["张", "王", "李", "赵", "陈", "刘", "杨", "黄", "周", "吴", "徐", "孙"];
const GIVEN: &[&str] = &[
    "三", "四", "五", "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明",
    "超", "秀", "霞", "平", "刚", "英", "华", "玉", "兰", "建", "国", "志", "红", "文", "斌", "海", "燕",
];
const CITIES: &[&str] = &["上海", "杭州", "深圳", "广州", "成都", "武汉", "苏州", "南京", "重庆", "宁波"];
const BRANDS: &[&str] =
    &["恒通", "鑫达", "宏远", "华信", "金泰", "永盛", "天成", "瑞丰", "博雅", "长虹", "新星", "银行", "汇丰", "佳和"];
const TRADES: &[&str] = &["贸易", "建材", "五金", "科技", "机电", "电子", "物流", "化工", "食品", "服饰"];
const FORMS: &[&str] = &["有限公司", "有限公司", "有限公司", "有限责任公司", "商行", "经营部"];
const LATIN_FIRST: &[&str] = &[
    "Lakeside",
    "Harbor",
    "Northwind",
    "Summit",
    "Riverbend",
    "Oakwood",
    "Bluewater",
    "Granite",
    "Pacific",
    "Golden Gate",
    "Silverline",
    "Evergreen",
];
const LATIN_TRADE: &[&str] = &["Trading", "Supplies", "Hardware", "Logistics", "Technology", "Materials", "Imports"];
const LATIN_FORM: &[&str] = &["Co.", "Ltd.", "Inc.", "Co., Ltd.", "LLC"];
const GIVEN_LATIN: &[&str] = &["John", "Mary", "David", "Anna", "Peter", "Linda", "Michael", "Sarah", "Tom", "Emma"];
const FAMILY_LATIN: &[&str] = &["Smith", "Garcia", "Müller", "Brown", "Lee", "Wilson", "Taylor", "Martin", "Chan"];
const MOBILE: &[&str] = &["138", "138", "138", "139", "136", "186", "158", "177"];

/// A Chinese person's name: a surname and one or two given-name characters.
pub fn chinese_person(r: &mut Rng) -> String {
    let mut s = r.pick(SURNAMES).to_owned();
    s.push_str(r.pick(GIVEN));
    if r.chance(60) {
        s.push_str(r.pick(GIVEN));
    }
    s
}

fn latin_person(r: &mut Rng) -> String {
    format!("{} {}", r.pick(GIVEN_LATIN), r.pick(FAMILY_LATIN))
}

/// A company name; 85% Chinese. Returns the name and whether it is Chinese.
pub fn company(r: &mut Rng) -> (String, bool) {
    if r.chance(85) {
        let mut s = String::new();
        if r.chance(50) {
            // Named after its founder: 张三五金有限公司.
            s.push_str(&chinese_person(r));
        } else {
            // City and trade name: 杭州恒通建材有限公司.
            if r.chance(70) {
                s.push_str(r.pick(CITIES));
            }
            s.push_str(r.pick(BRANDS));
        }
        s.push_str(r.pick(TRADES));
        s.push_str(r.pick(FORMS));
        (s, true)
    } else {
        (format!("{} {} {}", r.pick(LATIN_FIRST), r.pick(LATIN_TRADE), r.pick(LATIN_FORM)), false)
    }
}

/// A contact for a company: Chinese for Chinese companies, mostly Latin otherwise.
pub fn contact_name(r: &mut Rng, chinese_company: bool) -> String {
    if chinese_company || r.chance(30) {
        chinese_person(r)
    } else {
        latin_person(r)
    }
}

/// An 11-digit mainland mobile number.
pub fn mobile(r: &mut Rng) -> String {
    format!("{}{:08}", r.pick(MOBILE), r.below(100_000_000))
}

/// A region and a source channel label as a spreadsheet holds them.
pub fn region(r: &mut Rng) -> &'static str {
    r.pick(&["华东", "华南", "华北", "西南", "华中", "东北"])
}

pub fn source_label(r: &mut Rng) -> &'static str {
    // Labels (read as their C2 codes) and one team's own channel (kept as typed).
    r.pick(&["展会", "新闻媒体/网络", "现有业务伙伴", "人际关系", "行业协会推荐", "抖音"])
}
