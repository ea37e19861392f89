//! The lists a customer's coded fields choose from: source channels (**C2**), segment
//! examples (**C5**) and demand grades (**C4**). Data, not UI: each entry is
//! `(code, zh, en)`; the code is what is stored, so a label can be reworded freely.
//! Teams edit the channel and segment lists, so stored codes outside them stay valid.

/// `(code, zh, en)`.
pub type Choice = (&'static str, &'static str, &'static str);

/// C2: where a customer came from.
pub const SOURCES: &[Choice] = &[
    ("media", "新闻媒体/网络", "News media / web"),
    ("intermediary", "中介机构", "Intermediaries"),
    ("association", "社团组织", "Associations"),
    ("partner", "现有业务伙伴", "Existing business partners"),
    ("personal", "人际关系", "Personal relations"),
    ("trade_fair", "展会", "Trade fairs"),
    ("trade_press", "专业刊物", "Trade press"),
    ("industry_referral", "行业协会推荐", "Industry association referral"),
    ("mall_list", "商场品牌名录", "Mall brand lists"),
    ("partner_referral", "合作伙伴推荐", "Partner referral"),
    ("event", "公司活动", "Company events"),
    // Seed 002 第二条（五）: what the marketing department collects goes to the reps of
    // its region (`domain::territory`).
    ("marketing", "市场部收集", "Marketing department"),
];

/// C5: example segments from the three businesses the rules describe; a team keeps the
/// ones that fit and adds its own.
pub const SEGMENTS: &[Choice] = &[
    ("cash_management", "现金管理客户", "Cash-management clients"),
    ("non_loan_corporate", "非贷款对公客户", "Non-loan corporate accounts"),
    ("e_banking", "电子银行客户", "E-banking clients"),
    ("contract", "协议客户", "Contract accounts"),
    ("conference", "会议客户", "Conference clients"),
    ("prospect", "潜在客户", "Prospects"),
    ("project", "项目客户", "Projects"),
];

/// C4: demand grade, chosen by the rep; independent of the value tier (C3).
pub const GRADES: &[Choice] = &[
    ("a", "A 需求大且急", "A: large and urgent demand"),
    ("b", "B 一般需求", "B: ordinary demand"),
    ("c", "C 潜在需求", "C: latent demand"),
];

/// The code of the entry whose code, Chinese or English label is `text` (trimmed, case
/// ignored), e.g. a CSV cell reading `展会` or `Trade fairs` → `trade_fair`.
pub fn choice_code(list: &[Choice], text: &str) -> Option<&'static str> {
    let t = text.trim();
    list.iter()
        .find(|(code, zh, en)| t.eq_ignore_ascii_case(code) || t == *zh || t.eq_ignore_ascii_case(en))
        .map(|c| c.0)
}
