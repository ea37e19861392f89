//! Device discovery reads what real servers answer: bodies captured from nginx (JSON and
//! HTML autoindex, its 405 to PROPFIND), WsgiDAV 4.4.0 (PROPFIND and its folder page) and
//! npm webdav-server 2.6.3 (PROPFIND), each over the same `devices/` folder holding two
//! device folders, a folder whose name is no device id (`not a device/`) and a file.
#![cfg(not(target_arch = "wasm32"))]

use outpost::sync::listing::{devices_from_index, devices_from_multistatus};

const A: &str = "0b7f3c1e-2d4a-4c5b-9e8f-112233445566";
const B: &str = "dev_b-2";

fn body(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/listings/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn both() -> Option<Vec<String>> {
    Some(vec![A.to_owned(), B.to_owned()])
}

#[test]
fn wsgidav_propfind_with_ns0_prefix_and_absolute_paths_names_both_devices() {
    let xml = body("wsgidav-propfind.xml");
    assert!(xml.contains("<ns0:href>/devices/dev_b-2/</ns0:href>"));
    assert_eq!(devices_from_multistatus(&xml, "http://127.0.0.1:18432/devices/"), both());
}

#[test]
fn webdav_server_propfind_with_full_urls_names_both_devices() {
    let xml = body("webdav-server-propfind.xml");
    assert!(xml.contains("<D:href>http://127.0.0.1:18431/devices/"));
    assert_eq!(devices_from_multistatus(&xml, "http://127.0.0.1:18431/devices/"), both());
}

#[test]
fn a_proxy_that_rewrote_the_path_prefix_still_yields_the_devices() {
    // The app reaches the server under /team/sync/, the server reports /devices/…
    let xml = body("webdav-server-propfind.xml");
    assert_eq!(devices_from_multistatus(&xml, "https://files.example.com/team/sync/devices/"), both());
}

#[test]
fn nginx_json_autoindex_names_directories_only() {
    assert_eq!(devices_from_index(&body("nginx-autoindex.json"), "http://127.0.0.1:18433/sync/devices/"), both());
}

#[test]
fn nginx_html_autoindex_with_relative_links_names_both_devices() {
    let html = body("nginx-autoindex.html");
    assert!(html.contains(r#"<a href="dev_b-2/">"#));
    assert_eq!(devices_from_index(&html, "http://127.0.0.1:18434/sync/devices/"), both());
}

#[test]
fn wsgidav_folder_page_with_dot_slash_links_names_both_devices() {
    let html = body("wsgidav-get.html");
    assert!(html.contains(r#"href="./dev_b-2/""#));
    assert_eq!(devices_from_index(&html, "http://127.0.0.1:18432/devices/"), both());
}

#[test]
fn links_of_every_form_resolve_to_the_same_device_and_the_folder_itself_is_skipped() {
    let folder = "http://h:8080/base/devices/";
    let page = format!(
        r#"<a href="./{A}/">x</a> <A HREF='{B}/'>y</A> <a href="/base/devices/dev-c/">z</a>
        <a href="http://h:8080/base/devices/dev%2Dd/">w</a> <a href="/base/devices/">self</a>
        <a href="../">up</a> <a href="?C=N;O=D">sort</a> <a href="/base/other/dev-e/">elsewhere</a>
        <a href="dev-f">a file</a> <a href="/base/devices/dev-g/chunks/">deeper</a>"#
    );
    assert_eq!(
        devices_from_index(&page, folder),
        Some(vec![A.to_owned(), "dev-c".to_owned(), "dev-d".to_owned(), B.to_owned()])
    );
}

#[test]
fn names_that_are_no_device_id_never_come_out_even_percent_encoded() {
    let folder = "http://h/devices/";
    let page = r#"<a href="not%20a%20device/">a</a><a href="..%2F..%2Fetc/">b</a><a href="%E4%B8%AD/">c</a><a href="%FF/">d</a>"#;
    assert_eq!(devices_from_index(page, folder), Some(vec![]));
}

#[test]
fn a_multistatus_without_collections_or_only_the_folder_is_an_empty_listing() {
    let xml = r#"<?xml version="1.0"?><multistatus xmlns="DAV:"><response><href>/devices/</href>
        <propstat><prop><resourcetype><collection/></resourcetype></prop></propstat></response>
        <response><href>/devices/x.json</href><propstat><prop><resourcetype/></prop></propstat></response></multistatus>"#;
    assert_eq!(devices_from_multistatus(xml, "http://h/devices/"), Some(vec![]));
}

#[test]
fn entities_and_cdata_in_hrefs_are_decoded() {
    let xml = r#"<d:multistatus xmlns:d="DAV:"><!-- comment --><d:response><d:href><![CDATA[/devices/dev-x/]]></d:href>
        <d:propstat><d:prop><d:resourcetype><d:collection /></d:resourcetype></d:prop></d:propstat></d:response>
        <d:response><d:href>/devices/dev&#45;y/</d:href>
        <d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response></d:multistatus>"#;
    assert_eq!(devices_from_multistatus(xml, "/devices/"), Some(vec!["dev-x".to_owned(), "dev-y".to_owned()]));
}

#[test]
fn what_is_no_listing_says_so_instead_of_an_empty_list() {
    let folder = "http://127.0.0.1:18433/sync/devices/";
    // nginx's answer to PROPFIND: an error page, not a multistatus.
    assert_eq!(devices_from_multistatus(&body("nginx-propfind-refused.html"), folder), None);
    assert_eq!(devices_from_multistatus("", folder), None);
    assert_eq!(devices_from_multistatus("<multistatus", folder), None);
    assert_eq!(devices_from_index("plain text, no links", folder), None);
    assert_eq!(devices_from_index("", folder), None);
    assert_eq!(devices_from_index("{\"not\":\"an array\"}", folder), None);
}

#[test]
fn hostile_bodies_end_without_panicking() {
    let folder = "http://h/devices/";
    for junk in [
        "<",
        "<<<>>>",
        "<![CDATA[",
        "<!--",
        "<?x",
        "&",
        "&#xFFFFFFFF;",
        "href=",
        "href=\"",
        "<a href='",
        "\u{0}\u{ffff}",
    ] {
        let _ = devices_from_multistatus(junk, folder);
        let _ = devices_from_index(junk, folder);
    }
    let deep =
        "<response>".repeat(10_000) + "<href>/devices/dev-z/</href><collection/>" + &"</response>".repeat(10_000);
    assert_eq!(
        devices_from_multistatus(&format!("<multistatus>{deep}</multistatus>"), folder),
        Some(vec!["dev-z".to_owned()])
    );
}
