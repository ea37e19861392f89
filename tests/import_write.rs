//! Writing a CSV import (C1, P1, P4) through the command layer over the in-memory store:
//! batches of whole rows, a batch refused by a full disk reported truthfully, the file
//! size limit, and a second import of the same file adding nothing — also for rows
//! with neither a phone nor a credit code.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{li, wang};
use outpost::app::import::{import_rows, ImportOwner};
use outpost::app::CommandError;
use outpost::domain::csv_import::{
    check_size, guess_mapping, parse, row_id, validate_rows, DuplicateKey, DuplicateOf, ExistingKeys, ImportError,
    ImportRow, RowStatus, MAX_FILE_BYTES,
};
use outpost::domain::customer::{Contact, CustomerFile};
use outpost::storage::customers::load_customers;
use outpost::storage::data::unsynced_count;
use outpost::storage::memory::MemoryStore;
use outpost::storage::{RecordStore, StoreName};
use pollster::block_on;

/// `n` customers without phone or credit code, each with a contact name.
fn no_key_file(n: usize) -> String {
    let mut text = String::from("客户名称,联系人,地区\n");
    for i in 0..n {
        text.push_str(&format!("五金店{i},店主{i},北京\n"));
    }
    text
}

/// The file's rows as the page checks them against what `s` holds.
async fn checked(s: &MemoryStore, text: &str) -> Vec<ImportRow> {
    let p = parse(text.as_bytes()).unwrap();
    let mut existing = ExistingKeys::default();
    for c in load_customers(s).await.unwrap() {
        existing.add(&c.id, &c.file, c.contacts.iter().map(|x| &x.contact));
    }
    validate_rows(&p, &guess_mapping(&p.headers), &existing).unwrap().rows
}

#[test]
fn a_batch_refused_for_a_full_disk_reports_how_many_rows_were_imported_and_why() {
    block_on(async {
        let s = MemoryStore::new();
        let rows = checked(&s, &no_key_file(12)).await;
        s.fail_writes_after(1);
        let o = import_rows(&s, &li(0), rows, ImportOwner::FirstContact, 5).await.unwrap();
        assert_eq!((o.total, o.imported, o.already_present, o.not_imported), (12, 5, 0, 7));
        assert!(!o.complete());
        assert!(o.failure.as_ref().is_some_and(|e| e.is_quota_exceeded()), "{:?}", o.failure);
        // Exactly the first batch is stored, each customer whole: file, contact, owner fact.
        let stored = load_customers(&s).await.unwrap();
        assert_eq!(stored.len(), 5);
        assert!(stored.iter().all(|c| c.contacts.len() == 1 && c.facts.len() == 1));
        assert_eq!(s.count(StoreName::Entries).await.unwrap(), 5);
        assert_eq!(unsynced_count(&s).await.unwrap(), 15, "and queued for sync");
    });
}

#[test]
fn importing_the_file_again_after_a_failure_adds_only_the_missing_rows() {
    block_on(async {
        let s = MemoryStore::new();
        let text = no_key_file(12);
        s.fail_writes_after(2);
        let first = import_rows(&s, &li(0), checked(&s, &text).await, ImportOwner::Pool, 5).await.unwrap();
        assert_eq!((first.imported, first.not_imported), (10, 2));
        s.fail_writes_after(100);
        let rows = checked(&s, &text).await;
        assert_eq!(rows.iter().filter(|r| r.status == RowStatus::AlreadyPresent).count(), 10);
        let second = import_rows(&s, &li(0), rows, ImportOwner::Pool, 5).await.unwrap();
        assert_eq!((second.imported, second.already_present, second.not_imported), (2, 0, 0));
        assert!(second.complete());
        assert_eq!(load_customers(&s).await.unwrap().len(), 12);
    });
}

#[test]
fn a_second_import_of_the_same_file_adds_no_customer_even_without_phone_or_credit_code() {
    block_on(async {
        let s = MemoryStore::new();
        let text = format!("{}东风商贸,,上海\n", no_key_file(3));
        let first = import_rows(&s, &li(0), checked(&s, &text).await, ImportOwner::Pool, 2).await.unwrap();
        assert_eq!((first.imported, first.already_present), (4, 0));
        let p = parse(text.as_bytes()).unwrap();
        let mut existing = ExistingKeys::default();
        for c in load_customers(&s).await.unwrap() {
            existing.add(&c.id, &c.file, c.contacts.iter().map(|x| &x.contact));
        }
        let report = validate_rows(&p, &guess_mapping(&p.headers), &existing).unwrap();
        assert_eq!((report.counts.ok, report.counts.present), (0, 4), "the check already says so");
        // Even rows the page thought new (checked against an older list) are not written twice.
        let stale = checked(&MemoryStore::new(), &text).await;
        let again = import_rows(&s, &li(0), stale, ImportOwner::Pool, 2).await.unwrap();
        assert_eq!((again.imported, again.already_present), (0, 4));
        assert_eq!(load_customers(&s).await.unwrap().len(), 4);
    });
}

#[test]
fn a_re_import_never_overwrites_a_customer_edited_since() {
    block_on(async {
        let s = MemoryStore::new();
        let text = no_key_file(1);
        import_rows(&s, &li(0), checked(&s, &text).await, ImportOwner::Pool, 5).await.unwrap();
        let id = load_customers(&s).await.unwrap()[0].id.clone();
        let edited =
            CustomerFile { name: "五金店0（总店）".into(), region: "北京".into(), ..Default::default() };
        outpost::app::customers::save_customer(&s, &li(1), &id, None, &edited, None).await.unwrap();
        let again = import_rows(&s, &li(2), checked(&MemoryStore::new(), &text).await, ImportOwner::Pool, 5).await;
        assert_eq!(again.unwrap().already_present, 1);
        assert_eq!(load_customers(&s).await.unwrap()[0].file.name, "五金店0（总店）");
    });
}

#[test]
fn a_row_keeps_its_id_whatever_its_spacing_and_capitals_but_not_another_company() {
    let file =
        |name: &str, region: &str| CustomerFile { name: name.into(), region: region.into(), ..Default::default() };
    let contact = |email: &str| Contact { name: "Wang Wu".into(), email: email.into(), ..Default::default() };
    let a = row_id(&file("ACME  Trading", "北京"), Some(&contact("wang@acme.cn")));
    assert_eq!(a, row_id(&file(" acme trading ", "北京"), Some(&contact("WANG@acme.cn"))));
    assert_ne!(a, row_id(&file("ACME Trading", "上海"), Some(&contact("wang@acme.cn"))));
    assert_ne!(a, row_id(&file("ACME Trading", "北京"), None));
    assert!(a.starts_with("imp-") && a.len() == 36);
}

#[test]
fn the_same_row_twice_in_one_file_is_a_duplicate_of_the_first() {
    let p = parse("客户名称,地区\n张三五金,北京\n李四建材,北京\n张三五金 ,北京\n".as_bytes()).unwrap();
    let report = validate_rows(&p, &guess_mapping(&p.headers), &ExistingKeys::default()).unwrap();
    assert_eq!(
        report.rows[2].status,
        RowStatus::Duplicate { of: DuplicateOf::EarlierRow(2), key: DuplicateKey::SameRow }
    );
    assert_eq!(report.counts.ok, 2);
}

#[test]
fn a_file_over_the_size_limit_is_refused_from_its_size_alone() {
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(
        check_size(MAX_FILE_BYTES + 1),
        Err(ImportError::TooLarge { bytes: MAX_FILE_BYTES + 1, max: MAX_FILE_BYTES })
    );
    let mut big = no_key_file(1).into_bytes();
    big.resize(MAX_FILE_BYTES as usize + 1, b' ');
    assert!(matches!(parse(&big), Err(ImportError::TooLarge { .. })));
}

#[test]
fn an_owner_the_role_may_not_give_customers_to_is_refused_and_nothing_is_stored() {
    block_on(async {
        let s = MemoryStore::new();
        let rows = checked(&s, &no_key_file(2)).await;
        let refused = import_rows(&s, &li(0), rows.clone(), ImportOwner::Rep("zhao".into()), 5).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { .. })));
        let refused = import_rows(&s, &wang(0), rows.clone(), ImportOwner::FirstContact, 5).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { .. })));
        assert_eq!(s.count(StoreName::Docs).await.unwrap(), 0);
        let o = import_rows(&s, &wang(0), rows, ImportOwner::Rep("zhao".into()), 5).await.unwrap();
        assert_eq!(o.imported, 2);
        assert!(load_customers(&s).await.unwrap().iter().all(|c| c.facts.len() == 1));
    });
}
