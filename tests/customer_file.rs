//! The customer file (C1) with its coded fields (C2 source, C4 grade, C5 segment): the
//! credit code check, form validation, and the document fields it is stored as.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use chrono::NaiveDate;
use outpost::domain::collection::CollectSlot;
use outpost::domain::customer::{
    choice_code, credit_code_check_char, normalize_credit_code, validate_contact, validate_customer, validate_email,
    Contact, CustomerError, CustomerFile, FieldError, GRADES, SEGMENTS, SOURCES,
};
use outpost::record::hlc::Hlc;
use outpost::record::replica::Document;
use serde_json::{json, Value};

/// Codes of real registered companies (public record), each passing GB 32100-2015.
const REAL_CODES: [&str; 4] = ["91350100M000100Y43", "914403001922038216", "9144030071526726XG", "91110000802100433B"];

fn named(name: &str) -> CustomerFile {
    CustomerFile { name: name.into(), ..Default::default() }
}

fn fields_of(errors: &[FieldError]) -> Vec<&'static str> {
    errors.iter().map(|e| e.field).collect()
}

fn full_file() -> CustomerFile {
    CustomerFile {
        name: "张三五金有限公司".into(),
        credit_code: "914403001922038216".into(),
        licence_no: "440301103378412".into(),
        tax_no: "914403001922038216".into(),
        address: "深圳市龙岗区坂田华为基地".into(),
        region: "广东/深圳".into(),
        industry: "五金建材".into(),
        nature: "民营".into(),
        size: "50-200人".into(),
        main_business: "五金批发".into(),
        credit_standing: "良好".into(),
        management_background: "创始人曾任国企采购".into(),
        source: "trade_fair".into(),
        segment: "project".into(),
        annual_spend_fen: Some(12_345_600),
        discount_pct: Some(15),
        notes: "每月5号付款".into(),
        grade: Some("a".into()),
        special_background: true,
        manual_credit_flag: true,
        collected_on: NaiveDate::from_ymd_opt(2026, 3, 2),
        payday: Some(5),
        collect_slots: vec![CollectSlot::Afternoon, CollectSlot::Evening],
        problem: true,
        problem_note: "disputes every invoice".into(),
    }
}

#[test]
fn c1_real_credit_codes_pass_the_gb_32100_check() {
    for code in REAL_CODES {
        assert_eq!(normalize_credit_code(code), Ok(Some(code.to_owned())), "{code}");
        assert_eq!(credit_code_check_char(&code[..17]), code.chars().last(), "{code}");
    }
}

#[test]
fn c1_a_lowercase_credit_code_is_accepted_and_upper_cased() {
    assert_eq!(normalize_credit_code(" 9144030071526726xg "), Ok(Some("9144030071526726XG".into())));
    let mut file = named("腾讯");
    file.credit_code = "91350100m000100y43".into();
    assert_eq!(validate_customer(&file), Ok(()));
    file.tidy();
    assert_eq!(file.credit_code, "91350100M000100Y43");
}

#[test]
fn c1_a_credit_code_with_a_wrong_check_character_is_refused() {
    assert_eq!(normalize_credit_code("914403001922038217"), Err(CustomerError::CreditCodeCheck { expected: '6' }));
    assert_eq!(normalize_credit_code("9144030071526726XH"), Err(CustomerError::CreditCodeCheck { expected: 'G' }));
    // Two swapped characters change the weighted sum, so the check character catches them.
    assert!(matches!(normalize_credit_code("914403001922032816"), Err(CustomerError::CreditCodeCheck { .. })));
}

#[test]
fn c1_a_credit_code_of_the_wrong_length_is_refused() {
    assert_eq!(normalize_credit_code("91440300192203821"), Err(CustomerError::CreditCodeLength(17)));
    assert_eq!(normalize_credit_code("9144030019220382160"), Err(CustomerError::CreditCodeLength(19)));
}

#[test]
fn c1_a_credit_code_with_characters_outside_its_alphabet_is_refused() {
    for bad in ['I', 'O', 'Z', 'S', 'V', '-', '码'] {
        let code: String = "914403001922038216".chars().take(9).chain([bad]).chain("2203821".chars()).collect();
        assert_eq!(normalize_credit_code(&code), Err(CustomerError::CreditCodeChar(bad)), "{code}");
    }
}

#[test]
fn c1_a_credit_code_is_optional() {
    assert_eq!(normalize_credit_code("  "), Ok(None));
    assert_eq!(validate_customer(&named("李四建材")), Ok(()));
}

#[test]
fn c1_every_problem_in_a_customer_file_is_reported_at_once_next_to_its_field() {
    let file = CustomerFile {
        name: "  ".into(),
        credit_code: "914403001922038217".into(),
        annual_spend_fen: Some(-1),
        discount_pct: Some(101),
        grade: Some("d".into()),
        notes: "字".repeat(2001),
        ..Default::default()
    };
    let errors = validate_customer(&file).unwrap_err();
    assert_eq!(
        errors,
        vec![
            FieldError::new("name", CustomerError::CompanyEmpty),
            FieldError::new("credit_code", CustomerError::CreditCodeCheck { expected: '6' }),
            FieldError::new("notes", CustomerError::TooLong { max: 2000 }),
            FieldError::new("annual_spend_fen", CustomerError::NegativeAmount),
            FieldError::new("discount_pct", CustomerError::DiscountOutOfRange),
            FieldError::new("grade", CustomerError::BadGrade),
        ]
    );
}

#[test]
fn c1_a_company_name_over_100_characters_is_refused() {
    assert_eq!(validate_customer(&named(&"厂".repeat(100))), Ok(()));
    let errors = validate_customer(&named(&"厂".repeat(101))).unwrap_err();
    assert_eq!(errors, vec![FieldError::new("name", CustomerError::CompanyTooLong)]);
}

#[test]
fn c1_discounts_from_0_to_100_percent_and_zero_spend_are_accepted() {
    for d in [0, 100] {
        let file = CustomerFile { discount_pct: Some(d), annual_spend_fen: Some(0), ..named("A") };
        assert_eq!(validate_customer(&file), Ok(()), "{d}");
    }
}

#[test]
fn c4_a_grade_is_a_b_or_c_in_either_case() {
    for g in ["a", "B", "c"] {
        let file = CustomerFile { grade: Some(g.into()), ..named("A") };
        assert_eq!(validate_customer(&file), Ok(()), "{g}");
    }
    assert_eq!(GRADES.iter().map(|g| g.0).collect::<Vec<_>>(), ["a", "b", "c"]);
}

#[test]
fn c1_a_contact_reports_a_bad_phone_and_a_bad_email_together() {
    let contact =
        Contact { name: "张三".into(), phone: "138abc".into(), email: "zhang@".into(), ..Default::default() };
    let errors = validate_contact(&contact).unwrap_err();
    assert_eq!(
        errors,
        [FieldError::new("phone", CustomerError::BadPhone), FieldError::new("email", CustomerError::BadEmail)]
    );
    let inside: Vec<_> = errors.into_iter().map(FieldError::in_contact).collect();
    assert_eq!(fields_of(&inside), ["contact.phone", "contact.email"]);
}

#[test]
fn c1_a_contact_needs_a_name_a_phone_or_an_email() {
    let title_only = Contact { title: "前台".into(), ..Default::default() };
    assert_eq!(validate_contact(&title_only), Err(vec![FieldError::new("name", CustomerError::ContactEmpty)]));
    assert_eq!(validate_contact(&Contact { phone: "0755-2878 0808".into(), ..title_only.clone() }), Ok(()));
    assert_eq!(validate_contact(&Contact { email: "info@example.cn".into(), ..title_only }), Ok(()));
}

/// C1 and seed 000: a contact keeps what the person cares about (stored, read back,
/// trimmed, at most the longest note), and the talking points before a meeting list the
/// contacts with interests, decision makers first.
#[test]
fn c1_a_contacts_interests_are_kept_and_decision_makers_come_first_in_the_talking_points() {
    use outpost::domain::customer::talking_points;
    let mut qian = Contact {
        name: "Qian Hua".into(),
        decision_maker: true,
        interests: "  Plays go; worried about downtime ".into(),
        ..Default::default()
    };
    qian.tidy();
    assert_eq!(qian.interests, "Plays go; worried about downtime");
    let fields: std::collections::HashMap<_, _> = qian.to_fields().into_iter().collect();
    assert_eq!(Contact::from_fields(|k| fields.get(k)), qian);
    assert!(Contact::FIELDS.contains(&"interests"));
    assert!(!Contact { interests: "golf".into(), ..Default::default() }.is_blank());

    let long = Contact { interests: "x".repeat(outpost::domain::customer::MAX_TEXT_CHARS + 1), ..qian.clone() };
    assert_eq!(
        validate_contact(&long),
        Err(vec![FieldError::new(
            "interests",
            CustomerError::TooLong { max: outpost::domain::customer::MAX_TEXT_CHARS }
        )])
    );

    let wu = Contact { name: "Wu Lei".into(), interests: "Delivery dates".into(), ..Default::default() };
    let an = Contact { name: "An Ping".into(), interests: "Football".into(), ..Default::default() };
    let quiet = Contact { name: "Zhao Min".into(), decision_maker: true, ..Default::default() };
    let names: Vec<&str> = talking_points([&wu, &quiet, &an, &qian]).iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Qian Hua", "An Ping", "Wu Lei"]);
}

#[test]
fn c1_a_contact_with_a_name_alone_is_valid() {
    assert_eq!(validate_contact(&Contact { name: "王五".into(), ..Default::default() }), Ok(()));
    let full = Contact {
        name: "王五".into(),
        title: "采购经理".into(),
        phone: "+86 139 1234 5678".into(),
        email: "wang.wu@zhangsan-hardware.com.cn".into(),
        decision_maker: true,
        interests: "Tea and weekend fishing; wants fewer supplier calls".into(),
    };
    assert_eq!(validate_contact(&full), Ok(()));
}

#[test]
fn c1_common_email_addresses_are_accepted() {
    for ok in ["a@b.cn", "first.last+tag@mail.example.com", "张三@例子.中国", "x_y-z@sub-domain.co.uk", ""] {
        assert_eq!(validate_email(ok), Ok(()), "{ok}");
    }
}

#[test]
fn c1_email_typos_are_refused() {
    for bad in [
        "plain", "a@b", "@b.cn", "a@.cn", "a@b..cn", "a b@c.cn", "a@@b.cn", "a@b.cn.", ".a@b.cn", "a@-b.cn", "a@b_c.cn",
    ] {
        assert_eq!(validate_email(bad), Err(CustomerError::BadEmail), "{bad}");
    }
}

#[test]
fn c1_a_customer_file_survives_a_round_trip_through_its_document_fields() {
    let file = full_file();
    let fields = file.to_fields();
    assert_eq!(fields.iter().map(|f| f.0).collect::<Vec<_>>(), CustomerFile::FIELDS);
    let stored: BTreeMap<&str, Value> = fields.into_iter().collect();
    assert_eq!(stored["collected_on"], json!("2026-03-02"));
    assert_eq!(stored["annual_spend_fen"], json!(12_345_600));
    assert_eq!(stored["collect_slots"], json!(["afternoon", "evening"]));
    assert_eq!(CustomerFile::from_fields(|f| stored.get(f)), file);
}

#[test]
fn o2_a_payday_out_of_range_and_unknown_slots_read_as_unknown() {
    let stored: BTreeMap<&str, Value> =
        [("name", json!("x")), ("payday", json!(40)), ("collect_slots", json!(["night", "morning", "morning"]))]
            .into_iter()
            .collect();
    let file = CustomerFile::from_fields(|f| stored.get(f));
    assert_eq!((file.payday, file.collect_slots), (None, vec![CollectSlot::Morning]));
}

#[test]
fn c1_a_customer_file_reads_back_from_a_stored_document() {
    let mut doc = Document::new("c-1", CustomerFile::KIND);
    let stamp = |n| Hlc { wall_ms: 1_700_000_000_000 + n, counter: 0, device: "tab-1".into() };
    for (i, (k, v)) in full_file().to_fields().into_iter().enumerate() {
        doc.set(k, v, stamp(i as i64), "rep-1");
    }
    assert_eq!(CustomerFile::from_fields(|f| doc.get(f)), full_file());
}

#[test]
fn c1_absent_values_are_written_as_null_so_they_clear_an_earlier_value() {
    let fields: BTreeMap<&str, Value> = named("A").to_fields().into_iter().collect();
    for k in ["annual_spend_fen", "discount_pct", "grade", "collected_on"] {
        assert_eq!(fields[k], Value::Null, "{k}");
    }
    assert_eq!(CustomerFile::from_fields(|f| fields.get(f)), named("A"));
}

#[test]
fn c1_missing_or_ill_typed_stored_fields_read_as_defaults() {
    let stored: BTreeMap<&str, Value> = [
        ("name", json!(42)),
        ("region", json!("华东")),
        ("annual_spend_fen", json!("lots")),
        ("discount_pct", json!(-5)),
        ("grade", json!("z")),
        ("special_background", json!("yes")),
        ("collected_on", json!("yesterday")),
    ]
    .into();
    let file = CustomerFile::from_fields(|f| stored.get(f));
    assert_eq!(file, CustomerFile { region: "华东".into(), ..Default::default() });
    assert_eq!(CustomerFile::from_fields(|_| None), CustomerFile::default());
}

#[test]
fn c1_a_stored_grade_in_capitals_reads_as_its_code() {
    let stored: BTreeMap<&str, Value> = [("grade", json!("B"))].into();
    assert_eq!(CustomerFile::from_fields(|f| stored.get(f)).grade.as_deref(), Some("b"));
}

#[test]
fn c1_a_contact_survives_a_round_trip_and_tolerates_bad_fields() {
    let c = Contact {
        name: "王五".into(),
        title: "采购经理".into(),
        phone: "13912345678".into(),
        email: "ww@example.cn".into(),
        decision_maker: true,
        interests: "Go (围棋)".into(),
    };
    let stored: BTreeMap<&str, Value> = c.to_fields().into_iter().collect();
    assert_eq!(stored.len(), Contact::FIELDS.len());
    assert_eq!(Contact::from_fields(|f| stored.get(f)), c);
    let bad: BTreeMap<&str, Value> =
        [("name", json!("王五")), ("phone", json!(13912345678u64)), ("decision_maker", json!(1))].into();
    assert_eq!(Contact::from_fields(|f| bad.get(f)), Contact { name: "王五".into(), ..Default::default() });
}

#[test]
fn c1_tidy_trims_every_text_and_normalises_codes() {
    let mut file = CustomerFile {
        name: " 张三五金 ".into(),
        credit_code: " 9144030071526726xg".into(),
        notes: "\t付款慢 \n".into(),
        grade: Some(" A ".into()),
        ..Default::default()
    };
    file.tidy();
    assert_eq!(
        (file.name.as_str(), file.credit_code.as_str(), file.notes.as_str()),
        ("张三五金", "9144030071526726XG", "付款慢")
    );
    assert_eq!(file.grade.as_deref(), Some("a"));
    let mut blank = CustomerFile { grade: Some(" ".into()), ..Default::default() };
    blank.tidy();
    assert_eq!(blank.grade, None);
}

#[test]
fn c2_c5_lists_have_unique_codes_and_labels_in_both_languages() {
    for list in [SOURCES, SEGMENTS, GRADES] {
        let mut codes: Vec<&str> = list.iter().map(|c| c.0).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), list.len());
        assert!(list.iter().all(|(code, zh, en)| !code.is_empty() && !zh.is_empty() && !en.is_empty()));
    }
    assert_eq!(SOURCES.len(), 12, "C2 names eleven channels; seed 002 adds the marketing department's");
}

#[test]
fn c2_a_channel_is_found_by_its_code_or_either_label() {
    assert_eq!(choice_code(SOURCES, "展会"), Some("trade_fair"));
    assert_eq!(choice_code(SOURCES, " trade fairs "), Some("trade_fair"));
    assert_eq!(choice_code(SOURCES, "TRADE_FAIR"), Some("trade_fair"));
    assert_eq!(choice_code(SEGMENTS, "会议客户"), Some("conference"));
    assert_eq!(choice_code(GRADES, "C"), Some("c"));
    assert_eq!(choice_code(SOURCES, "抖音"), None);
}
