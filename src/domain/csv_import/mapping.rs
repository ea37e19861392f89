//! Which column of a CSV file fills which field (**C1**): guessed from the header row
//! by Chinese and English names, then corrected by the user.

/// A field a column can fill. [`code`](Target::code) is stable (a saved mapping, a
/// `data-testid`) and equals the field name an import row's [`FieldError`] carries, so
/// an error leads back to its column.
///
/// [`FieldError`]: crate::domain::customer::FieldError
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Name,
    CreditCode,
    LicenceNo,
    TaxNo,
    Address,
    Region,
    Industry,
    Nature,
    Size,
    MainBusiness,
    CreditStanding,
    ManagementBackground,
    Source,
    Segment,
    /// In yuan, as a person writes it (`12,345.60`); stored in fen.
    AnnualSpend,
    Discount,
    Notes,
    Grade,
    SpecialBackground,
    CollectedOn,
    ContactName,
    ContactTitle,
    ContactPhone,
    ContactEmail,
    ContactDecisionMaker,
}

impl Target {
    pub const ALL: &'static [Target] = &[
        Target::Name,
        Target::CreditCode,
        Target::LicenceNo,
        Target::TaxNo,
        Target::Address,
        Target::Region,
        Target::Industry,
        Target::Nature,
        Target::Size,
        Target::MainBusiness,
        Target::CreditStanding,
        Target::ManagementBackground,
        Target::Source,
        Target::Segment,
        Target::AnnualSpend,
        Target::Discount,
        Target::Notes,
        Target::Grade,
        Target::SpecialBackground,
        Target::CollectedOn,
        Target::ContactName,
        Target::ContactTitle,
        Target::ContactPhone,
        Target::ContactEmail,
        Target::ContactDecisionMaker,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Target::Name => "name",
            Target::CreditCode => "credit_code",
            Target::LicenceNo => "licence_no",
            Target::TaxNo => "tax_no",
            Target::Address => "address",
            Target::Region => "region",
            Target::Industry => "industry",
            Target::Nature => "nature",
            Target::Size => "size",
            Target::MainBusiness => "main_business",
            Target::CreditStanding => "credit_standing",
            Target::ManagementBackground => "management_background",
            Target::Source => "source",
            Target::Segment => "segment",
            Target::AnnualSpend => "annual_spend_fen",
            Target::Discount => "discount_pct",
            Target::Notes => "notes",
            Target::Grade => "grade",
            Target::SpecialBackground => "special_background",
            Target::CollectedOn => "collected_on",
            Target::ContactName => "contact.name",
            Target::ContactTitle => "contact.title",
            Target::ContactPhone => "contact.phone",
            Target::ContactEmail => "contact.email",
            Target::ContactDecisionMaker => "contact.decision_maker",
        }
    }

    pub fn from_code(code: &str) -> Option<Target> {
        Target::ALL.iter().copied().find(|t| t.code() == code)
    }

    /// Header names that mean this target, already [normalised](normalize_header).
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Target::Name => &[
                "name",
                "company",
                "companyname",
                "customer",
                "customername",
                "client",
                "account",
                "公司",
                "公司名称",
                "客户",
                "客户名称",
                "企业名称",
                "单位名称",
                "单位",
                "名称",
                "客户名",
                "公司名",
            ],
            Target::CreditCode => &[
                "creditcode",
                "uscc",
                "unifiedsocialcreditcode",
                "socialcreditcode",
                "统一社会信用代码",
                "社会信用代码",
                "信用代码",
                "统一代码",
            ],
            Target::LicenceNo => &[
                "licenceno",
                "licenseno",
                "licence",
                "license",
                "businesslicence",
                "businesslicense",
                "营业执照号",
                "营业执照",
                "营业执照号码",
                "执照号",
                "注册号",
                "工商注册号",
            ],
            Target::TaxNo => &["taxno", "taxid", "vat", "税号", "税务登记号", "纳税人识别号", "税务登记证号"],
            Target::Address => &["address", "addr", "地址", "公司地址", "详细地址", "联系地址", "办公地址"],
            Target::Region => {
                &["region", "area", "city", "province", "地区", "区域", "所在地区", "城市", "省市", "片区"]
            }
            Target::Industry => &["industry", "sector", "行业", "所属行业", "行业类别"],
            Target::Nature => &["nature", "economicnature", "ownership", "经济性质", "企业性质", "公司性质", "性质"],
            Target::Size => &["size", "companysize", "employees", "规模", "企业规模", "公司规模", "人数", "员工人数"],
            Target::MainBusiness => &["mainbusiness", "business", "主营业务", "主营", "经营范围", "主要业务"],
            Target::CreditStanding => &["creditstanding", "credit", "信用状况", "资信", "资信状况", "信誉"],
            Target::ManagementBackground => &["managementbackground", "background", "管理层背景", "高管背景", "背景"],
            Target::Source => &["source", "channel", "leadsource", "来源", "客户来源", "来源渠道", "渠道"],
            Target::Segment => &["segment", "category", "type", "客户分类", "分类", "客户类别", "客户类型", "细分"],
            Target::AnnualSpend => &[
                "annualspend",
                "spend",
                "annualpurchase",
                "年消费",
                "年消费额",
                "年采购额",
                "年度消费",
                "年采购",
                "消费额",
                "年交易额",
            ],
            Target::Discount => &["discount", "discountpct", "折扣", "折扣率", "优惠"],
            Target::Notes => &["notes", "note", "remark", "remarks", "comment", "comments", "备注", "说明", "附注"],
            Target::Grade => &["grade", "demandgrade", "等级", "需求等级", "客户等级", "级别"],
            Target::SpecialBackground => &["specialbackground", "特殊背景"],
            Target::CollectedOn => &["collectedon", "date", "collected", "收集日期", "录入日期", "采集日期", "日期"],
            Target::ContactName => {
                &["contact", "contactname", "contactperson", "person", "联系人", "联系人姓名", "姓名", "联系人名称"]
            }
            Target::ContactTitle => &["title", "jobtitle", "position", "职务", "职位", "头衔", "联系人职务"],
            Target::ContactPhone => &[
                "phone",
                "mobile",
                "tel",
                "telephone",
                "cellphone",
                "phoneno",
                "mobilephone",
                "contactphone",
                "电话",
                "手机",
                "手机号",
                "手机号码",
                "联系电话",
                "电话号码",
                "联系方式",
                "联系人电话",
                "联系人手机",
            ],
            Target::ContactEmail => {
                &["email", "mail", "emailaddress", "邮箱", "电子邮箱", "电子邮件", "邮件", "联系人邮箱"]
            }
            Target::ContactDecisionMaker => &["decisionmaker", "决策人", "是否决策人", "关键决策人"],
        }
    }
}

/// For each column of the file, the field it fills, or `None` to skip it.
pub type Mapping = Vec<Option<Target>>;

/// Lowercases and drops spaces, punctuation and marks such as `*` (required) or `(必填)`,
/// so `Company Name`, `company_name` and `*公司名称` compare equal.
pub fn normalize_header(h: &str) -> String {
    let h = h.trim();
    // "客户名称(必填)", "Phone (mobile)": the bracketed part is a remark.
    let h = h.split(['(', '（', '[', '【']).next().unwrap_or(h);
    h.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Guesses each column's target from its header; every target is given to at most one
/// column (the first that names it), and unknown headers are skipped.
pub fn guess_mapping<S: AsRef<str>>(headers: &[S]) -> Mapping {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let key = normalize_header(h.as_ref());
            let t = Target::ALL.iter().copied().find(|t| !taken.contains(t) && t.aliases().contains(&key.as_str()))?;
            taken.push(t);
            Some(t)
        })
        .collect()
}
