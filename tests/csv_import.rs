//! Importing customers from a CSV file (C1, with C2 sources, C4 grades and C5 segments
//! read from their codes or labels): decoding, column mapping, row checks, duplicates.
#![cfg(not(target_arch = "wasm32"))]

use std::time::Instant;

use chrono::NaiveDate;
use outpost::domain::csv_import::{
    guess_mapping, parse, preview, validate_rows, DuplicateKey, DuplicateOf, ExistingKeys, ImportError, ParsedCsv,
    RowStatus, RowValidator, Target,
};
use outpost::domain::customer::{phone_key, Contact, CustomerError, CustomerFile, FieldError};

const HEADER_ZH: &str = "客户名称,联系人,手机,邮箱,统一社会信用代码,地区,行业,来源,客户分类,等级,地址,备注";

fn parsed(text: &str) -> ParsedCsv {
    parse(text.as_bytes()).expect("a valid test file")
}

fn import(text: &str) -> Vec<(usize, RowStatus)> {
    let p = parsed(text);
    let report = validate_rows(&p, &guess_mapping(&p.headers), &ExistingKeys::default()).unwrap();
    report.rows.into_iter().map(|r| (r.line, r.status)).collect()
}

fn field_errors(status: &RowStatus) -> Vec<(&'static str, CustomerError)> {
    match status {
        RowStatus::Error(e) => e.iter().map(|e| (e.field, e.reason.clone())).collect(),
        other => panic!("expected field errors, got {other:?}"),
    }
}

#[test]
fn import_guesses_columns_from_chinese_headers() {
    use Target::*;
    let headers: Vec<&str> = HEADER_ZH.split(',').collect();
    let expected = [
        Name,
        ContactName,
        ContactPhone,
        ContactEmail,
        CreditCode,
        Region,
        Industry,
        Source,
        Segment,
        Grade,
        Address,
        Notes,
    ];
    assert_eq!(guess_mapping(&headers), expected.map(Some));
}

#[test]
fn import_guesses_columns_from_english_headers_in_any_case_and_spacing() {
    use Target::*;
    let headers = [
        "Company Name",
        "contact",
        "Mobile",
        "E-mail",
        "credit_code",
        "Annual Spend",
        "Discount",
        "*Grade",
        "Remarks (optional)",
        "Unknown",
    ];
    assert_eq!(
        guess_mapping(&headers),
        [
            Some(Name),
            Some(ContactName),
            Some(ContactPhone),
            Some(ContactEmail),
            Some(CreditCode),
            Some(AnnualSpend),
            Some(Discount),
            Some(Grade),
            Some(Notes),
            None
        ]
    );
}

#[test]
fn import_gives_each_field_to_the_first_column_that_names_it() {
    use Target::*;
    assert_eq!(guess_mapping(&["公司", "电话", "手机"]), [Some(Name), Some(ContactPhone), None]);
}

#[test]
fn import_target_codes_are_stable_and_name_the_fields_errors_carry() {
    for t in Target::ALL {
        assert_eq!(Target::from_code(t.code()), Some(*t));
    }
    assert_eq!(Target::ContactPhone.code(), "contact.phone");
    assert_eq!(Target::AnnualSpend.code(), "annual_spend_fen");
    // Every customer field an import fills is a stored field name.
    for t in Target::ALL.iter().filter(|t| !t.code().starts_with("contact.")) {
        assert!(CustomerFile::FIELDS.contains(&t.code()), "{t:?}");
    }
    for t in Target::ALL.iter().filter_map(|t| t.code().strip_prefix("contact.")) {
        assert!(Contact::FIELDS.contains(&t), "{t}");
    }
}

#[test]
fn import_reads_a_utf8_file_with_or_without_a_bom() {
    let body = "客户名称,手机\r\n张三五金,13800138000\r\n";
    for bytes in [body.as_bytes().to_vec(), [b"\xEF\xBB\xBF".as_slice(), body.as_bytes()].concat()] {
        let p = parse(&bytes).unwrap();
        assert_eq!(p.headers, ["客户名称", "手机"]);
        assert_eq!(p.rows[0].cells, ["张三五金", "13800138000"]);
        assert_eq!(p.encoding, "UTF-8");
    }
}

#[test]
fn import_reads_a_gbk_file_saved_by_excel() {
    let text = "客户名称,联系人,手机,地区\r\n张三五金,张三,138 0013 8000,广东深圳\r\n李四建材（北京）,李四,13912345678,北京\r\n";
    let (bytes, _, lossy) = encoding_rs::GBK.encode(text);
    assert!(!lossy);
    assert!(std::str::from_utf8(&bytes).is_err(), "the test file really is GBK, not UTF-8");
    let p = parse(&bytes).unwrap();
    assert_eq!(p.encoding, "gb18030");
    assert_eq!(p.headers, ["客户名称", "联系人", "手机", "地区"]);
    let report = validate_rows(&p, &guess_mapping(&p.headers), &ExistingKeys::default()).unwrap();
    assert_eq!(report.counts.ok, 2);
    assert_eq!(report.rows[1].customer.name, "李四建材（北京）");
    assert_eq!(report.rows[1].customer.region, "北京");
    assert_eq!(report.rows[0].contact.as_ref().map(|c| c.phone.as_str()), Some("138 0013 8000"));
}

#[test]
fn import_reads_a_utf16_file_with_a_bom() {
    let text = "客户名称\t手机\r\n张三五金\t13800138000\r\n";
    let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let p = parse(&bytes).unwrap();
    assert_eq!((p.encoding, p.delimiter), ("UTF-16LE", b'\t'));
    assert_eq!(p.rows[0].cells, ["张三五金", "13800138000"]);
}

#[test]
fn import_reads_semicolon_and_tab_separated_files() {
    for (sep, d) in [(";", b';'), ("\t", b'\t'), (",", b',')] {
        let p = parsed(&format!("name{sep}phone{sep}notes\nAcme{sep}13800138000{sep}a, b\n"));
        assert_eq!(p.delimiter, d);
        assert_eq!(p.rows[0].cells[0], "Acme");
    }
}

#[test]
fn import_reads_every_field_from_codes_labels_and_spreadsheet_formats() {
    let text = "公司名称,统一社会信用代码,来源,客户分类,等级,年消费额,折扣,特殊背景,收集日期,联系人,职务,手机,邮箱,决策人\n\
                张三五金,9144030071526726xg,展会,Projects,A,\"12,345.6\",15%,是,2026/3/2,张三,经理,+86 138 0013 8000,zs@example.cn,yes\n";
    let p = parsed(text);
    let report = validate_rows(&p, &guess_mapping(&p.headers), &ExistingKeys::default()).unwrap();
    let row = &report.rows[0];
    assert_eq!(row.status, RowStatus::Ok);
    let f = &row.customer;
    assert_eq!(f.credit_code, "9144030071526726XG");
    assert_eq!((f.source.as_str(), f.segment.as_str(), f.grade.as_deref()), ("trade_fair", "project", Some("a")));
    assert_eq!((f.annual_spend_fen, f.discount_pct), (Some(1_234_560), Some(15)));
    assert!(f.special_background);
    assert_eq!(f.collected_on, NaiveDate::from_ymd_opt(2026, 3, 2));
    assert_eq!(
        row.contact,
        Some(Contact {
            name: "张三".into(),
            title: "经理".into(),
            phone: "+86 138 0013 8000".into(),
            email: "zs@example.cn".into(),
            decision_maker: true,
            interests: String::new(),
        })
    );
}

#[test]
fn import_keeps_a_team_channel_that_is_not_in_the_default_list() {
    let p = parsed("公司,来源\nAcme,抖音\n");
    let report = validate_rows(&p, &guess_mapping(&p.headers), &ExistingKeys::default()).unwrap();
    assert_eq!(report.rows[0].customer.source, "抖音");
}

#[test]
fn import_reports_bad_rows_with_their_line_numbers_and_keeps_the_good_ones() {
    let text = "客户名称,联系人,手机,邮箱,统一社会信用代码,等级,年消费额\n\
                张三五金,张三,13800138000,,,,\n\
                \n\
                ,李四,12ab,lisi@,914403001922038217,D,-5\n\
                \"王五\n建材\",王五,13912345678,,,,\n\
                赵六科技,,,,,,abc\n\
                钱七贸易,钱七,13700137000,,,b,\n";
    let rows = import(text);
    assert_eq!(
        rows.iter().map(|r| r.0).collect::<Vec<_>>(),
        [2, 4, 5, 7, 8],
        "blank line 3 is skipped; line 5 spans two lines"
    );
    assert_eq!(rows[0].1, RowStatus::Ok);
    assert_eq!(
        field_errors(&rows[1].1),
        [
            ("annual_spend_fen", CustomerError::NegativeAmount),
            ("name", CustomerError::CompanyEmpty),
            ("credit_code", CustomerError::CreditCodeCheck { expected: '6' }),
            ("grade", CustomerError::BadGrade),
            ("contact.phone", CustomerError::BadPhone),
            ("contact.email", CustomerError::BadEmail),
        ]
    );
    assert_eq!(rows[2].1, RowStatus::Ok);
    assert_eq!(field_errors(&rows[3].1), [("annual_spend_fen", CustomerError::NotAnAmount)]);
    assert_eq!(rows[4].1, RowStatus::Ok);
}

#[test]
fn import_counts_good_bad_and_duplicate_rows() {
    let p = parsed("公司,手机\nA,13800138000\n,13900139000\nB,13800138000\nC,\n");
    let report = validate_rows(&p, &guess_mapping(&p.headers), &ExistingKeys::default()).unwrap();
    let c = report.counts;
    assert_eq!((c.total, c.ok, c.errors, c.duplicates), (4, 2, 1, 1));
}

#[test]
fn import_reports_a_ragged_row_as_a_row_error_not_a_failure_of_the_file() {
    let rows = import("公司,联系人,手机\nA,张三,13800138000\nB,李四\nC,王五,13900139000,extra\nD,赵六,13700137000,,\n");
    assert_eq!(rows[0].1, RowStatus::Ok);
    assert_eq!(rows[1].1, RowStatus::WrongCellCount { expected: 3, found: 2 });
    assert_eq!(rows[2].1, RowStatus::WrongCellCount { expected: 3, found: 4 });
    assert_eq!(rows[3].1, RowStatus::Ok, "empty cells past the last column are stray commas");
}

#[test]
fn import_marks_duplicates_of_existing_customers_by_phone_and_credit_code() {
    let mut existing = ExistingKeys::default();
    let stored =
        CustomerFile { name: "老客户".into(), credit_code: "914403001922038216".into(), ..Default::default() };
    let contact = Contact { name: "老王".into(), phone: "+86 138-0013-8000".into(), ..Default::default() };
    existing.add("c-1", &stored, [&contact]);
    assert!(existing.phones.contains("13800138000"));

    let p = parsed("公司,手机,统一社会信用代码\nA,138 0013 8000,\nB,13900139000,914403001922038216\nC,13700137000,\n");
    let report = validate_rows(&p, &guess_mapping(&p.headers), &existing).unwrap();
    assert_eq!(
        report.rows[0].status,
        RowStatus::Duplicate { of: DuplicateOf::Existing, key: DuplicateKey::Phone("13800138000".into()) }
    );
    assert_eq!(
        report.rows[1].status,
        RowStatus::Duplicate { of: DuplicateOf::Existing, key: DuplicateKey::CreditCode("914403001922038216".into()) }
    );
    assert_eq!(report.rows[2].status, RowStatus::Ok);
}

#[test]
fn import_marks_a_repeated_row_as_a_duplicate_of_the_earlier_line() {
    let rows = import(
        "公司,手机,统一社会信用代码\n\
         A,13800138000,\n\
         B,,9144030071526726xg\n\
         A again,+86 138 0013 8000,\n\
         B again,,9144030071526726XG\n\
         ,13900139000,\n\
         D,13900139000,\n",
    );
    assert_eq!(
        rows[2].1,
        RowStatus::Duplicate { of: DuplicateOf::EarlierRow(2), key: DuplicateKey::Phone("13800138000".into()) }
    );
    assert_eq!(
        rows[3].1,
        RowStatus::Duplicate {
            of: DuplicateOf::EarlierRow(3),
            key: DuplicateKey::CreditCode("9144030071526726XG".into())
        }
    );
    // A row that will not be imported (no name) does not make a later one a duplicate.
    assert!(matches!(rows[4].1, RowStatus::Error(_)));
    assert_eq!(rows[5].1, RowStatus::Ok);
}

#[test]
fn import_refuses_an_empty_file() {
    assert_eq!(parse(b""), Err(ImportError::Empty));
    assert_eq!(parse(b" \r\n\r\n"), Err(ImportError::Empty));
    assert_eq!(parse(b"\xEF\xBB\xBF"), Err(ImportError::Empty));
    assert_eq!(parse(b",,,\n,,\n"), Err(ImportError::Empty));
}

#[test]
fn import_refuses_a_binary_file() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0\x5c\x72\xa8\x66";
    assert_eq!(parse(png), Err(ImportError::NotText));
    // A ZIP is read as a workbook (XLSX/ODS); one that is not a readable workbook is
    // refused as such, not as text.
    let zip = b"PK\x03\x04\x14\0\x06\0\x08\0\0\0!\0b\xee\x9dh^\x01\0\0\x90\x04\0\0\x13\0";
    assert_eq!(parse(zip), Err(ImportError::BadWorkbook));
    let noise: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    assert_eq!(parse(&noise), Err(ImportError::NotText));
}

#[test]
fn import_refuses_a_file_whose_first_row_is_data_not_column_names() {
    assert_eq!(parse("张三五金,13800138000\n李四建材,13912345678\n".as_bytes()), Err(ImportError::NoHeader));
    assert_eq!(parse("Acme,zs@example.cn\n".as_bytes()), Err(ImportError::NoHeader));
    assert_eq!(parse("914403001922038216,Acme\n".as_bytes()), Err(ImportError::NoHeader));
}

#[test]
fn import_refuses_a_file_with_column_names_but_no_rows() {
    assert_eq!(parse("客户名称,手机\n\n".as_bytes()), Err(ImportError::NoRows));
}

#[test]
fn import_needs_a_column_mapped_to_the_company_name() {
    let p = parsed("联系人,手机\n张三,13800138000\n");
    let mapping = guess_mapping(&p.headers);
    assert_eq!(validate_rows(&p, &mapping, &ExistingKeys::default()), Err(ImportError::NoNameColumn));
    // The user maps the contact column to the name instead.
    let fixed = vec![Some(Target::Name), Some(Target::ContactPhone)];
    let report = validate_rows(&p, &fixed, &ExistingKeys::default()).unwrap();
    assert_eq!(report.rows[0].customer.name, "张三");
}

#[test]
fn import_follows_a_mapping_the_user_changed() {
    let p = parsed("公司,备注,手机\nAcme,VIP,13800138000\n");
    let mut mapping = guess_mapping(&p.headers);
    mapping[1] = Some(Target::Industry);
    mapping[2] = None;
    let report = validate_rows(&p, &mapping, &ExistingKeys::default()).unwrap();
    let row = &report.rows[0];
    assert_eq!((row.customer.industry.as_str(), row.customer.notes.as_str()), ("VIP", ""));
    assert_eq!(row.contact, None, "a skipped column fills nothing");
}

#[test]
fn import_preview_shows_the_first_rows_as_they_would_import_under_any_mapping() {
    let p = parsed("联系人,手机\n张三,13800138000\n李四,1\n王五,13700137000\n");
    let rows = preview(&p, &guess_mapping(&p.headers), 2);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].contact.as_ref().map(|c| c.name.as_str()), Some("张三"));
    assert_eq!(field_errors(&rows[0].status), [("name", CustomerError::CompanyEmpty)]);
    assert!(field_errors(&rows[1].status).contains(&("contact.phone", CustomerError::BadPhone)));
}

fn big_file(n: usize) -> String {
    let mut s = String::from(HEADER_ZH);
    s.push('\n');
    for i in 0..n {
        // Every 100th row repeats the phone of the row 50 before it; every 250th has no name.
        let phone = if i % 100 == 99 { 13_000_000_000u64 + i as u64 - 50 } else { 13_000_000_000 + i as u64 };
        let name = if i % 250 == 3 { String::new() } else { format!("客户{i}有限公司") };
        s.push_str(&format!("{name},联系人{i},{phone},c{i}@example.cn,,华东,五金,展会,项目客户,B,上海市{i}号,\n"));
    }
    s
}

#[test]
fn import_in_slices_gives_the_same_report_as_in_one_go() {
    let p = parsed(&big_file(10_000));
    let mapping = guess_mapping(&p.headers);
    let existing = ExistingKeys { phones: [phone_key("130-0000-0007").unwrap()].into(), ..Default::default() };

    let t = Instant::now();
    let whole = validate_rows(&p, &mapping, &existing).unwrap();
    println!("10k rows checked in {:?}", t.elapsed());

    let mut v = RowValidator::new(&p, &mapping, &existing).unwrap();
    let mut progress = Vec::new();
    while v.step(997) {
        progress.push(v.done());
    }
    assert_eq!(progress.first(), Some(&997));
    assert_eq!(v.done(), v.total());
    assert_eq!(v.report(), &whole);
    assert_eq!(v.finish(), whole);

    let c = whole.counts;
    assert_eq!((c.total, c.errors, c.duplicates, c.ok), (10_000, 40, 101, 9_859));
    assert_eq!(
        whole.rows[7].status,
        RowStatus::Duplicate { of: DuplicateOf::Existing, key: DuplicateKey::Phone("13000000007".into()) }
    );
    // Row 999 (file line 1001) repeats row 949 (line 951), across a slice boundary at 997.
    assert_eq!(
        whole.rows[999].status,
        RowStatus::Duplicate { of: DuplicateOf::EarlierRow(951), key: DuplicateKey::Phone("13000000949".into()) }
    );
    assert_eq!(whole.rows[3].status, RowStatus::Error(vec![FieldError::new("name", CustomerError::CompanyEmpty)]));
}
