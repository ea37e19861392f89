//! A bucket's settings in an invite link (issue 19): sealed under the team key, so they
//! travel like the key, in the fragment, and a link protected by a passphrase protects
//! them too; and the provider presets' address forms.
#![cfg(not(target_arch = "wasm32"))]

use outpost::storage::team::{BucketInviteError, S3Team, Team};
use outpost::sync::crypto::TeamKey;
use outpost::sync::s3_presets::Provider;
use outpost::sync::sigv4::AddressError;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

fn key(b: u8) -> TeamKey {
    TeamKey::from_bytes([b; 32])
}

fn bucket() -> S3Team {
    S3Team {
        endpoint: "https://s3.oss-cn-hangzhou.aliyuncs.com".into(),
        bucket: "kite-day".into(),
        region: "cn-hangzhou".into(),
        prefix: "teams/north/".into(),
        access_key: "LTAI5tKiteDay".into(),
        secret: SECRET.into(),
        path_style: false,
    }
}

#[test]
fn sealed_settings_open_with_the_team_key_and_show_no_secret() {
    let text = bucket().seal_for_invite(&key(7));
    assert!(!text.contains("kite-day") && !text.contains("LTAI5t") && !text.contains("wJalr"), "{text}");
    assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "fragment-safe: {text}");
    assert_eq!(S3Team::open_from_invite(&key(7), &text), Ok(bucket()));
}

#[test]
fn the_same_settings_seal_to_the_same_text_and_other_settings_to_other_text() {
    // The link in the field and its QR code are drawn separately: they must agree.
    assert_eq!(bucket().seal_for_invite(&key(7)), bucket().seal_for_invite(&key(7)));
    let other = S3Team { secret: "another-secret".into(), ..bucket() };
    let (a, b) = (bucket().seal_for_invite(&key(7)), other.seal_for_invite(&key(7)));
    assert_ne!(a, b);
    // Different settings never share a nonce (the first 12 bytes).
    assert_ne!(a[..16], b[..16]);
}

#[test]
fn another_key_a_changed_character_or_a_cut_link_is_refused() {
    let text = bucket().seal_for_invite(&key(7));
    assert_eq!(S3Team::open_from_invite(&key(8), &text), Err(BucketInviteError::Unreadable));
    let mut tampered = text.clone().into_bytes();
    let i = tampered.len() / 2;
    tampered[i] = if tampered[i] == b'A' { b'B' } else { b'A' };
    let tampered = String::from_utf8(tampered).unwrap();
    assert_eq!(S3Team::open_from_invite(&key(7), &tampered), Err(BucketInviteError::Unreadable));
    assert_eq!(S3Team::open_from_invite(&key(7), &text[..text.len() - 5]), Err(BucketInviteError::Unreadable));
    assert_eq!(S3Team::open_from_invite(&key(7), "%%%"), Err(BucketInviteError::Unreadable));
    assert_eq!(S3Team::open_from_invite(&key(7), &"A".repeat(10_000)), Err(BucketInviteError::Unreadable));
}

#[test]
fn settings_that_do_not_check_are_refused_even_when_sealed_with_the_key() {
    // A link made by a build with looser checks, or by hand: the prefix climbs out.
    let bad = S3Team { prefix: "../other-team".into(), ..bucket() };
    let text = bad.seal_for_invite(&key(7));
    assert_eq!(S3Team::open_from_invite(&key(7), &text), Err(BucketInviteError::Invalid(AddressError::Prefix)));
}

#[test]
fn a_team_on_a_bucket_is_named_by_its_folder_url() {
    let t = Team::on_bucket(bucket(), "k".into(), Some("dev-a".into())).unwrap();
    assert_eq!(t.host_url, "https://kite-day.s3.oss-cn-hangzhou.aliyuncs.com/teams/north/");
    assert_eq!(t.inviter.as_deref(), Some("dev-a"));
    assert!(t.user.is_none() && t.password.is_none());
    let path = S3Team { endpoint: "http://127.0.0.1:9000".into(), path_style: true, ..bucket() };
    assert_eq!(
        Team::on_bucket(path, "k".into(), None).unwrap().host_url,
        "http://127.0.0.1:9000/kite-day/teams/north/"
    );
    let bad = S3Team { bucket: "No_Such".into(), ..bucket() };
    assert_eq!(Team::on_bucket(bad, "k".into(), None), Err(AddressError::Bucket));
}

#[test]
fn presets_give_each_provider_its_endpoint_form_region_and_address_style() {
    let cases = [
        (Provider::Aws, "eu-west-1", "https://s3.eu-west-1.amazonaws.com", false),
        (Provider::AliyunOss, "cn-shanghai", "https://s3.oss-cn-shanghai.aliyuncs.com", false),
        (Provider::TencentCos, "ap-guangzhou", "https://cos.ap-guangzhou.myqcloud.com", false),
    ];
    for (p, region, endpoint, path) in cases {
        assert!(p.endpoint_from_region());
        assert_eq!(p.endpoint(region), endpoint);
        assert_eq!(p.path_style(), path);
        // Every preset's own endpoint for its default region checks as an address.
        let b = S3Team { endpoint: p.endpoint(p.default_region()), region: p.default_region().into(), ..bucket() };
        assert!(b.config().check().is_ok(), "{p:?}");
    }
    assert_eq!(Provider::CloudflareR2.default_region(), "auto");
    assert!(!Provider::CloudflareR2.endpoint_from_region() && !Provider::Other.endpoint_from_region());
    assert!(Provider::Other.path_style());
    for p in Provider::ALL {
        assert_eq!(Provider::from_key(p.key()), Some(p));
    }
    // The R2 starting text is a placeholder the user must replace: it does not check.
    let r2 = S3Team { endpoint: Provider::CloudflareR2.endpoint("auto"), region: "auto".into(), ..bucket() };
    assert_eq!(r2.config().check().err(), Some(AddressError::Endpoint));
}
