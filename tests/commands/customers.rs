//! C3: the manual credit flag is the manager's; C1 saving a file.

use outpost::app::customers::{can_set_credit_flag, save_customer, set_credit_flag, stored_file};
use outpost::app::{Action, CommandError, RuleError};
use outpost::domain::customer::{Contact, CustomerFile};
use outpost::domain::customer_list::derive;
use outpost::domain::pool::PoolSettings;
use outpost::domain::profile::Role;
use outpost::domain::tier::TierSettings;
use outpost::storage::customers::load_customers;
use pollster::block_on;

use super::common::*;
use super::team_with_customer;

#[test]
fn c3_a_rep_setting_the_credit_flag_is_refused_and_a_manager_sets_it() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let refused = set_credit_flag(&s, &li(at(DAY)), "c1", true).await;
        assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::SetCreditFlag, role: Role::Rep }));
        assert_eq!(stored_count(&s).await, before);
        set_credit_flag(&s, &wang(at(DAY)), "c1", true).await.unwrap();
        assert!(stored_file(&s, "c1").await.unwrap().unwrap().manual_credit_flag);
        assert_eq!(set_credit_flag(&s, &wang(at(DAY)), "c1", true).await, Err(RuleError::Unchanged.into()));
        assert!(can_set_credit_flag(&wang(0)) && !can_set_credit_flag(&qian(0)));
    });
}

#[test]
fn c3_a_rep_saving_a_file_keeps_the_flag_but_cannot_change_it() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let mut file = stored_file(&s, "c1").await.unwrap().unwrap();
        file.manual_credit_flag = true;
        let refused = save_customer(&s, &li(at(DAY)), "c1", None, &file, None).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SetCreditFlag, .. })));
        file.manual_credit_flag = false;
        file.notes = "prefers mornings".into();
        save_customer(&s, &li(at(DAY)), "c1", None, &file, None).await.unwrap();
        assert_eq!(stored_file(&s, "c1").await.unwrap().unwrap().notes, "prefers mornings");
    });
}

#[test]
fn c3_a_rep_saving_a_file_with_the_flag_changed_stores_nothing_not_even_the_other_fields() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let mut file = stored_file(&s, "c1").await.unwrap().unwrap();
        file.manual_credit_flag = true;
        file.notes = "slow payer".into();
        for who in [li(at(DAY)), qian(at(DAY)), actor("zhou", Role::EventStaff, "kiosk", at(DAY))] {
            let refused = save_customer(&s, &who, "c1", None, &file, None).await;
            assert_eq!(refused, Err(CommandError::NotAllowed { action: Action::SetCreditFlag, role: who.role }));
            assert!(!can_set_credit_flag(&who));
        }
        assert_eq!(stored_count(&s).await, before);
        let stored = stored_file(&s, "c1").await.unwrap().unwrap();
        assert!(!stored.manual_credit_flag && stored.notes.is_empty());
    });
}

#[test]
fn c3_a_rep_may_not_clear_a_flag_the_manager_set_and_the_tier_still_shows_it() {
    block_on(async {
        let s = team_with_customer("c1").await;
        set_credit_flag(&s, &wang(at(DAY)), "c1", true).await.unwrap();
        let refused = set_credit_flag(&s, &li(at(DAY + 1)), "c1", false).await;
        assert!(matches!(refused, Err(CommandError::NotAllowed { action: Action::SetCreditFlag, .. })));
        let c1 = load_customers(&s).await.unwrap().into_iter().find(|c| c.id == "c1").unwrap();
        let view = derive(c1, at(DAY + 2), &PoolSettings::default(), &TierSettings::default());
        assert!(view.tier.credit_flag && !view.tier.poor_payment, "the manager's flag, not a payment record");
    });
}

#[test]
fn c1_a_field_another_tablet_changed_while_the_form_was_open_is_kept() {
    block_on(async {
        let s = team_with_customer("c1").await;
        let opened = stored_file(&s, "c1").await.unwrap().unwrap();
        // Meanwhile a sync brings the manager's new region.
        let region = CustomerFile { region: "North".into(), ..opened.clone() };
        save_customer(&s, &wang(at(DAY)), "c1", None, &region, None).await.unwrap();
        let typed = CustomerFile { notes: "call after 3".into(), ..opened.clone() };
        save_customer(&s, &li(at(DAY + 1)), "c1", Some(&opened), &typed, None).await.unwrap();
        let now = stored_file(&s, "c1").await.unwrap().unwrap();
        assert_eq!((now.region.as_str(), now.notes.as_str()), ("North", "call after 3"));
    });
}

#[test]
fn c1_a_new_customer_is_saved_with_its_first_contact() {
    block_on(async {
        let s = team_with_customer("c0").await;
        let file = CustomerFile { name: "Harbour Kites".into(), ..Default::default() };
        let contact = Contact { name: "Ms Chen".into(), phone: "13700001111".into(), ..Default::default() };
        save_customer(&s, &li(at(0)), "c1", None, &file, Some(("k1", &contact))).await.unwrap();
        let all = load_customers(&s).await.unwrap();
        let c = all.iter().find(|c| c.id == "c1").unwrap();
        assert_eq!(c.contacts[0].contact.name, "Ms Chen");
    });
}

#[test]
fn c1_a_contact_is_validated_saved_field_by_field_and_removed() {
    use outpost::app::customers::{remove_contact, save_contact};
    block_on(async {
        let s = team_with_customer("c1").await;
        let before = stored_count(&s).await;
        let empty = save_contact(&s, &li(at(1)), "c1", None, None, &Contact::default()).await;
        assert!(matches!(empty, Err(CommandError::Rule(RuleError::Contact(_)))), "{empty:?}");
        let chen = Contact { name: " Ms Chen ".into(), phone: "13700001111".into(), ..Default::default() };
        let elsewhere = save_contact(&s, &li(at(1)), "c9", None, None, &chen).await;
        assert_eq!(elsewhere, Err(RuleError::NotFound("customer").into()));
        assert_eq!(stored_count(&s).await, before);
        let r = save_contact(&s, &li(at(2)), "c1", None, None, &chen).await.unwrap();
        let id = r.docs.into_keys().next().unwrap();
        let c1 = || async { load_customers(&s).await.unwrap().into_iter().find(|c| c.id == "c1").unwrap() };
        assert!(c1().await.contacts.iter().any(|c| c.id == id && c.contact.name == "Ms Chen"));
        let stored = Contact { name: "Ms Chen".into(), ..chen.clone() };
        let cfo = Contact { title: "CFO".into(), ..stored.clone() };
        let edit = save_contact(&s, &wang(at(3)), "c1", Some(&id), Some(&stored), &cfo).await.unwrap();
        assert_eq!(edit.docs.values().next().unwrap().fields.len(), 1, "only the title is stamped");
        remove_contact(&s, &li(at(4)), &id).await.unwrap();
        assert!(!c1().await.contacts.iter().any(|c| c.id == id));
    });
}

#[test]
fn c1_a_photo_is_recorded_once_its_bytes_are_stored_and_removed_again() {
    use outpost::app::customers::{attach_photo, remove_photo};
    use outpost::storage::attachments::{load_attachments, Label, NewAttachment};
    block_on(async {
        let s = team_with_customer("c1").await;
        let bytes = b"\x89PNG fake";
        let hash = outpost::storage::blobs::put(&s, bytes).await.unwrap();
        let new = |hash: &'static str| NewAttachment {
            customer: "c1",
            hash,
            mime: "image/png",
            label: Label::Licence,
            origin: "tab-a",
            bytes: bytes.len() as u64,
        };
        let before = stored_count(&s).await;
        assert_eq!(attach_photo(&s, &li(at(1)), &new("nohash")).await, Err(RuleError::NotFound("photo").into()));
        assert_eq!(stored_count(&s).await, before);
        let hash: &'static str = Box::leak(hash.into_boxed_str());
        let r = attach_photo(&s, &li(at(2)), &new(hash)).await.unwrap();
        let id = r.docs.into_keys().next().unwrap();
        assert_eq!(load_attachments(&s, "c1").await.unwrap().len(), 1);
        remove_photo(&s, &li(at(3)), &id).await.unwrap();
        assert!(load_attachments(&s, "c1").await.unwrap().is_empty());
    });
}
