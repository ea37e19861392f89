//! Rule ids (`P1`, `V7`, `C3`…) are for code, comments and tests, never for users: no
//! string literal in `src/ui` — the zh-CN/en catalogues and the views — may contain one.
//! Comments may (a rule id beats a paragraph there). Error messages below the UI
//! (`#[error("…")]` in every layer) are checked too: a command refusal the catalogue has
//! no sentence for is shown with its message.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// Literal texts that look like a rule id but are not one (none yet). Each entry is the
/// whole literal as written in the source, without its quotes.
const ALLOWED: &[&str] = &[];

/// Product names that contain a rule-id-shaped word (Amazon S3, Cloudflare R2): removed
/// from a literal before it is checked, so the rest of it still is.
const PRODUCT_NAMES: &[&str] = &["Amazon S3", "AWS S3", "Cloudflare R2", "S3-compatible", "S3 兼容"];

/// `text` less the product names it mentions.
fn without_product_names(text: &str) -> String {
    PRODUCT_NAMES.iter().fold(text.to_owned(), |t, name| t.replace(name, " "))
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).expect("src/ui is readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every string literal outside comments, with its line: `"…"`, `r"…"`, `r#"…"#`.
fn string_literals(src: &str) -> Vec<(usize, String)> {
    let c: Vec<char> = src.chars().collect();
    let (mut i, mut line, mut out) = (0, 1, Vec::new());
    let count_lines = |s: &[char]| s.iter().filter(|&&x| x == '\n').count();
    while i < c.len() {
        match c[i] {
            '\n' => {
                line += 1;
                i += 1;
            }
            '/' if c.get(i + 1) == Some(&'/') => {
                while i < c.len() && c[i] != '\n' {
                    i += 1;
                }
            }
            '/' if c.get(i + 1) == Some(&'*') => {
                let start = i;
                while i + 1 < c.len() && !(c[i] == '*' && c[i + 1] == '/') {
                    i += 1;
                }
                i = (i + 2).min(c.len());
                line += count_lines(&c[start..i]);
            }
            '\'' => {
                // A char literal ('"', '\'', '\u{..}') or a lifetime ('a).
                if c.get(i + 1) == Some(&'\\') {
                    i += 2;
                    while i < c.len() && c[i] != '\'' {
                        i += 1;
                    }
                    i += 1;
                } else if c.get(i + 2) == Some(&'\'') {
                    i += 3;
                } else {
                    i += 1;
                }
            }
            'r' if (c.get(i + 1) == Some(&'"') || c.get(i + 1) == Some(&'#'))
                && (i == 0 || !(c[i - 1].is_alphanumeric() || c[i - 1] == '_')) =>
            {
                let mut j = i + 1;
                let mut hashes = 0;
                while c.get(j) == Some(&'#') {
                    hashes += 1;
                    j += 1;
                }
                if c.get(j) != Some(&'"') {
                    i += 1;
                    continue;
                }
                let start = j + 1;
                let mut k = start;
                loop {
                    if k >= c.len() {
                        break;
                    }
                    if c[k] == '"' && (0..hashes).all(|h| c.get(k + 1 + h) == Some(&'#')) {
                        break;
                    }
                    k += 1;
                }
                let end = k.min(c.len());
                out.push((line, c[start..end].iter().collect()));
                line += count_lines(&c[i..end]);
                i = end + 1 + hashes;
            }
            '"' => {
                let start = i + 1;
                let mut k = start;
                while k < c.len() && c[k] != '"' {
                    k += if c[k] == '\\' { 2 } else { 1 };
                }
                let end = k.min(c.len());
                out.push((line, c[start..end].iter().collect()));
                line += count_lines(&c[i..end]);
                i = end + 1;
            }
            _ => i += 1,
        }
    }
    out
}

/// The first rule id in `text`: an ASCII capital and one or two digits, standing alone
/// (not part of a longer word or number; CJK text around it counts as a boundary).
fn rule_id(text: &str) -> Option<String> {
    let c: Vec<char> = text.chars().collect();
    let word = |x: Option<&char>| x.is_some_and(|x| x.is_ascii_alphanumeric() || *x == '_');
    for i in 0..c.len() {
        if !c[i].is_ascii_uppercase() || (i > 0 && word(c.get(i - 1))) {
            continue;
        }
        let digits = c[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if (1..=2).contains(&digits) && !word(c.get(i + 1 + digits)) {
            return Some(c[i..=i + digits].iter().collect());
        }
    }
    None
}

#[test]
fn the_rule_id_finder_sees_ids_in_both_languages_and_nothing_else() {
    assert_eq!(rule_id("待跟进客户（V6、P8、K3）").as_deref(), Some("V6"));
    assert_eq!(rule_id("指标V7").as_deref(), Some("V7"));
    assert_eq!(rule_id("Projects (J1–J3)").as_deref(), Some("J1"));
    assert_eq!(rule_id("C3: VIP from (yuan)").as_deref(), Some("C3"));
    for clean in ["VIP 起点（元）", "A 级", "UTF-8", "B2B", "H264", "x1", "{:02}", "SHA-256", "A100"] {
        assert_eq!(rule_id(clean), None, "{clean}");
    }
    for product in ["Amazon S3", "MinIO or another S3-compatible server", "S3 兼容存储桶", "Cloudflare R2"] {
        assert_eq!(rule_id(&without_product_names(product)), None, "{product}");
    }
    assert_eq!(rule_id(&without_product_names("AWS S3 keeps S3 data")).as_deref(), Some("S3"));
}

#[test]
fn the_literal_finder_skips_comments_chars_and_lifetimes() {
    let src =
        "// \"P1 in a comment\"\nfn f<'a>(x: &'a str) -> char { let q = '\"'; let _ = r#\"raw \"P2\"\"#; \"V3\" }";
    let lits: Vec<String> = string_literals(src).into_iter().map(|(_, s)| s).collect();
    assert_eq!(lits, vec!["raw \"P2\"".to_owned(), "V3".to_owned()]);
}

#[test]
fn no_text_users_read_carries_a_rule_id() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui.rs")];
    rust_files(&ui, &mut files);
    files.sort();
    assert!(files.iter().any(|f| f.ends_with("src/ui/i18n.rs")), "the catalogues are scanned");
    let mut found = Vec::new();
    for f in &files {
        let Ok(src) = fs::read_to_string(f) else { continue };
        for (line, lit) in string_literals(&src) {
            if let Some(id) = rule_id(&without_product_names(&lit)) {
                if !ALLOWED.contains(&lit.as_str()) {
                    let rel = f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(f);
                    found.push(format!("{}:{line}: {id} in \"{lit}\"", rel.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "rule ids in user-visible text (keep them in comments):\n{}", found.join("\n"));
}

#[test]
fn no_error_message_below_the_ui_carries_a_rule_id() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let mut found = Vec::new();
    let mut messages = 0;
    for f in &files {
        let Ok(text) = fs::read_to_string(f) else { continue };
        for (n, line) in text.lines().enumerate() {
            let Some(attr) = line.trim_start().strip_prefix("#[error(") else { continue };
            for (_, lit) in string_literals(attr) {
                messages += 1;
                if let Some(id) = rule_id(&without_product_names(&lit)) {
                    let rel = f.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap_or(f);
                    found.push(format!("{}:{}: {id} in \"{lit}\"", rel.display(), n + 1));
                }
            }
        }
    }
    assert!(messages > 50, "only {messages} error messages found under src/");
    assert!(found.is_empty(), "rule ids in error messages (keep them in doc comments):\n{}", found.join("\n"));
}

/// The stylesheets are served as written (comments and all) and anyone can read them in
/// the browser, so their comments say what a rule is about, not its id.
#[test]
fn no_served_file_carries_a_rule_id() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = vec![root.join("index.html")];
    for dir in ["style", "public"] {
        if let Ok(rd) = fs::read_dir(root.join(dir)) {
            files.extend(
                rd.flatten()
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "css" || x == "html" || x == "js" || x == "json")),
            );
        }
    }
    files.sort();
    assert!(files.iter().any(|f| f.extension().is_some_and(|x| x == "css")), "the stylesheets are scanned");
    let mut found = Vec::new();
    for f in &files {
        let Ok(text) = fs::read_to_string(f) else { continue };
        for (n, line) in text.lines().enumerate() {
            if let Some(id) = rule_id(&without_product_names(line)) {
                let rel = f.strip_prefix(root).unwrap_or(f);
                found.push(format!("{}:{}: {id}", rel.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "rule ids in files the browser is served:\n{}", found.join("\n"));
}
