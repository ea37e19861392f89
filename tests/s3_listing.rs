#![cfg(not(target_arch = "wasm32"))]
//! Reading S3 answers: `ListObjectsV2` pages with delimiter `/` (device discovery without
//! a directory listing) and `<Error>` bodies; hostile bodies are refused, never a panic.

use outpost::sync::s3_listing::{error_body, list_page, ListingError, MAX_TOKEN};
use proptest::prelude::*;

const PREFIX: &str = "team-1/devices/";

/// The shape of AWS's documented ListObjectsV2 answer with a delimiter (namespace,
/// CommonPrefixes, KeyCount, a continuation token with `/`, `+` and `=`).
const AWS_PAGE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
  <Name>example-bucket</Name>
  <Prefix>team-1/devices/</Prefix>
  <KeyCount>3</KeyCount>
  <MaxKeys>2</MaxKeys>
  <Delimiter>/</Delimiter>
  <IsTruncated>true</IsTruncated>
  <Contents><Key>team-1/devices/stray.json</Key><Size>3</Size></Contents>
  <CommonPrefixes><Prefix>team-1/devices/tablet-a/</Prefix></CommonPrefixes>
  <CommonPrefixes><Prefix>team-1/devices/tablet_B-2/</Prefix></CommonPrefixes>
  <NextContinuationToken>1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=</NextContinuationToken>
</ListBucketResult>"#;

#[test]
fn a_listing_page_names_the_device_folders_and_the_next_token() {
    let page = list_page(AWS_PAGE, PREFIX).expect("page");
    assert_eq!(page.devices, ["tablet-a", "tablet_B-2"]);
    assert_eq!(page.next.as_deref(), Some("1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM="));
}

#[test]
fn the_last_page_has_no_token_and_an_empty_folder_no_devices() {
    let last = AWS_PAGE.replace("<IsTruncated>true", "<IsTruncated>false");
    assert_eq!(list_page(&last, PREFIX).expect("page").next, None);
    let empty = r#"<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name>
        <Prefix>team-1/devices/</Prefix><KeyCount>0</KeyCount><IsTruncated>false</IsTruncated></ListBucketResult>"#;
    assert_eq!(list_page(empty, PREFIX).expect("page").devices, Vec::<String>::new());
}

#[test]
fn prefixes_of_another_team_or_that_are_no_device_id_are_dropped() {
    let xml = r#"<ListBucketResult><IsTruncated>false</IsTruncated>
        <CommonPrefixes><Prefix>team-2/devices/theirs/</Prefix></CommonPrefixes>
        <CommonPrefixes><Prefix>team-1/devices/../</Prefix></CommonPrefixes>
        <CommonPrefixes><Prefix>team-1/devices/a b/</Prefix></CommonPrefixes>
        <CommonPrefixes><Prefix>team-1/devices/%2e%2e/</Prefix></CommonPrefixes>
        <CommonPrefixes><Prefix>team-1/devices/ok&#45;1/</Prefix></CommonPrefixes>
        <CommonPrefixes><Prefix>team-1/devices/ok-1/</Prefix></CommonPrefixes>
        <CommonPrefixes><Prefix>team-1/devices/</Prefix></CommonPrefixes>
    </ListBucketResult>"#;
    assert_eq!(list_page(xml, PREFIX).expect("page").devices, ["ok-1"]);
}

#[test]
fn a_namespace_prefix_and_cdata_read_the_same() {
    let xml = r#"<s3:ListBucketResult xmlns:s3="http://s3.amazonaws.com/doc/2006-03-01/">
        <s3:IsTruncated>false</s3:IsTruncated>
        <s3:CommonPrefixes><s3:Prefix><![CDATA[team-1/devices/d1/]]></s3:Prefix></s3:CommonPrefixes>
    </s3:ListBucketResult>"#;
    assert_eq!(list_page(xml, PREFIX).expect("page").devices, ["d1"]);
}

#[test]
fn a_truncated_page_without_a_usable_token_is_refused_rather_than_looped() {
    let no_token = r#"<ListBucketResult><IsTruncated>true</IsTruncated></ListBucketResult>"#;
    assert_eq!(list_page(no_token, PREFIX), Err(ListingError::BadToken));
    let empty_token = r#"<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken/></ListBucketResult>"#;
    assert_eq!(list_page(empty_token, PREFIX), Err(ListingError::BadToken));
    let long = format!(
        "<ListBucketResult><IsTruncated>true</IsTruncated><NextContinuationToken>{}</NextContinuationToken></ListBucketResult>",
        "a".repeat(MAX_TOKEN + 1)
    );
    assert_eq!(list_page(&long, PREFIX), Err(ListingError::BadToken));
}

#[test]
fn error_bodies_give_their_code_and_the_server_time() {
    // The shape of S3's RequestTimeTooSkewed answer.
    let skew = r#"<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message>
<RequestTime>20000101T000000Z</RequestTime><ServerTime>2026-12-07T04:00:00Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>
<RequestId>4442587FB7D0A2F9</RequestId></Error>"#;
    let e = error_body(skew).expect("error");
    assert_eq!(e.code, "RequestTimeTooSkewed");
    assert_eq!(e.server_time_ms(), Some(1_796_616_000_000));
    let denied = error_body("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>").expect("e");
    assert_eq!((denied.code.as_str(), denied.server_time_ms()), ("AccessDenied", None));
    assert_eq!(error_body(AWS_PAGE), None);
    assert_eq!(list_page(skew, PREFIX), Err(ListingError::NotAListing));
}

#[test]
fn hostile_bodies_are_refused_without_expanding_anything() {
    let laughs = r#"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>
        <ListBucketResult><IsTruncated>false</IsTruncated><CommonPrefixes><Prefix>&lol2;</Prefix></CommonPrefixes></ListBucketResult>"#;
    assert_eq!(list_page(laughs, PREFIX), Err(ListingError::Malformed));
    let external = r#"<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><Error><Code>&xxe;</Code></Error>"#;
    assert_eq!(error_body(external), None);
    let deep = format!("{}{}", "<a>".repeat(100_000), "</a>".repeat(100_000));
    assert_eq!(list_page(&deep, PREFIX), Err(ListingError::Malformed));
    for bad in [
        "",
        "<",
        "<ListBucketResult>",
        "<ListBucketResult></Other>",
        "<ListBucketResult></ListBucketResult><ListBucketResult></ListBucketResult>",
        "text<ListBucketResult></ListBucketResult>",
        "<ListBucketResult><![CDATA[</ListBucketResult>",
        "<ListBucketResult><!-- </ListBucketResult>",
        "<ListBucketResult a='>'",
        "<ListBucketResult>&#xFFFFFFFF;</ListBucketResult>",
        "<ListBucketResult>&#55296;</ListBucketResult>",
        "<ListBucketResult>&amp</ListBucketResult>",
        "<></>",
        "<html><body>403 Forbidden</body></html>",
    ] {
        assert!(list_page(bad, PREFIX).is_err(), "{bad:?}");
        assert_eq!(error_body(bad), None, "{bad:?}");
    }
    let huge = "<ListBucketResult>".to_owned() + &"<CommonPrefixes><Prefix>x</Prefix></CommonPrefixes>".repeat(200_000);
    assert_eq!(list_page(&huge, PREFIX), Err(ListingError::Malformed));
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_never_a_panic(s in ".{0,400}") {
        let _ = list_page(&s, PREFIX);
        let _ = error_body(&s);
    }

    #[test]
    fn a_listing_cut_or_spliced_anywhere_is_read_or_refused(cut in 0usize..2000, junk in "[<>&;/!\\[\\]a-z#x0-9\"' ]{0,12}") {
        let mut s: String = AWS_PAGE.chars().take(cut).collect();
        s.push_str(&junk);
        s.extend(AWS_PAGE.chars().skip(cut));
        if let Ok(page) = list_page(&s, PREFIX) {
            prop_assert!(page.devices.len() <= 2);
        }
        let _ = error_body(&s);
    }
}
