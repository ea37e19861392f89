//! The dependency direction the README draws is the real one: every `crate::…` and
//! `super::…` path in `src/` is resolved and checked against what its layer may import.
//!
//! - `record` (clocks, documents, entries, merge) imports nothing else of the crate;
//! - `domain` imports only `record`: no storage, sync or ui, so the rules test natively;
//! - `sync` imports only `record`: the transport and envelope know nothing of rules;
//! - `storage` imports `domain`, `record` and `sync`, never `app` or `ui`;
//! - `app` (the commands) imports `record`, `domain`, `storage` and `sync`, never `ui`;
//! - `ui` imports anything but the bench harness.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::{Path, PathBuf};

/// What each top-level module may name besides itself.
fn allowed(layer: &str) -> &'static [&'static str] {
    match layer {
        "record" => &[],
        "domain" => &["record"],
        "sync" => &["record"],
        "storage" => &["record", "domain", "sync"],
        "app" => &["record", "domain", "sync", "storage"],
        "ui" => &["record", "domain", "sync", "storage", "app"],
        "bench" => &["record", "domain", "sync", "storage", "app", "ui"],
        _ => &["record", "domain", "sync", "storage", "app", "ui"],
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).expect("src is readable").flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/ui/orders/order_form.rs` → `["ui", "orders", "order_form"]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src").with_extension("");
    let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().into_owned()).collect();
    if matches!(parts.last().map(String::as_str), Some("lib" | "main")) {
        parts.pop();
    }
    parts
}

/// The top-level module every `crate::x` and `super::…::x` path in `text` lands in.
/// Paths inside inline modules (`mod tests { use super::*; }`) resolve one level
/// deeper; they only ever name their own file, which is in the same layer anyway.
fn targets(module: &[String], text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or_default();
        let mut rest = code;
        while let Some(i) = rest.find("crate::") {
            let before = rest[..i].chars().last();
            let tail = &rest[i + "crate::".len()..];
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$') {
                let name: String = tail.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    found.push((n + 1, name));
                }
            }
            rest = tail;
        }
        let mut rest = code;
        while let Some(i) = rest.find("super::") {
            let before = rest[..i].chars().last();
            let mut tail = &rest[i..];
            let mut ups = 0;
            while let Some(t) = tail.strip_prefix("super::") {
                ups += 1;
                tail = t;
            }
            if !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') && ups >= module.len() {
                let name: String = tail.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                if !name.is_empty() {
                    found.push((n + 1, name));
                }
            }
            rest = tail;
        }
    }
    found
}

#[test]
fn no_layer_imports_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    assert!(files.len() > 100, "found only {} source files under {}", files.len(), src.display());
    let layers = ["record", "domain", "sync", "storage", "app", "ui", "bench"];
    let mut wrong = Vec::new();
    for file in &files {
        let module = module_path(&src, file);
        let Some(layer) = module.first().filter(|m| layers.contains(&m.as_str())) else { continue };
        let text = fs::read_to_string(file).expect("source is UTF-8");
        for (line, target) in targets(&module, &text) {
            if layers.contains(&target.as_str()) && target != *layer && !allowed(layer).contains(&target.as_str()) {
                wrong.push(format!("{}:{line}: {layer} imports {target}", file.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layer direction:\n{}", wrong.join("\n"));
}

#[test]
fn the_layer_check_sees_a_storage_file_that_imports_the_commands() {
    let module = vec!["storage".to_owned(), "orders".to_owned()];
    let t = targets(&module, "use crate::app::orders::confirm_payment;\n");
    assert_eq!(t, vec![(1, "app".to_owned())]);
    assert!(!allowed("storage").contains(&"app") && !allowed("domain").contains(&"app"));
    assert!(allowed("ui").contains(&"app") && !allowed("app").contains(&"ui"));
}

#[test]
fn the_layer_check_sees_a_domain_file_that_imports_sync() {
    let module = vec!["domain".to_owned(), "pool".to_owned(), "fact".to_owned()];
    let t = targets(
        &module,
        "use crate::sync::engine::push;\nuse super::super::super::ui::x;\n// crate::ui in a comment\n",
    );
    assert_eq!(t, vec![(1, "sync".to_owned()), (2, "ui".to_owned())]);
}

/// Role policy has one home, the command layer (`app::<area>::can_*`): components ask it
/// rather than match roles themselves. Only the profile form names roles, to offer them.
#[test]
fn no_component_checks_a_role_itself() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut found = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(ui.join("profiles"))) {
        let text = fs::read_to_string(file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            if line.split("//").next().unwrap_or_default().contains("Role::") {
                found.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "role checks in components (ask app::<area>::can_* instead):\n{}", found.join("\n"));
}

/// Issue 15: a component records a change only through a command (`Commands::run`), so
/// every write passes the command's role and rule checks, which are tested natively. The
/// raw writers stay in `ui::state`; the one other caller is the shell publishing this
/// device's profiles to the team directory (`customers_ctx`), which is no user action.
#[test]
fn no_component_writes_past_the_commands() {
    let ui = Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join("ui");
    let mut files = Vec::new();
    rust_files(&ui, &mut files);
    let mut found = Vec::new();
    let exempt = [ui.join("customers").join("customers_ctx.rs")];
    for file in files.iter().filter(|f| !f.starts_with(ui.join("state")) && !exempt.contains(f)) {
        let text = fs::read_to_string(file).expect("source is UTF-8");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or_default();
            if ["Writer", "record_change(", "apply_local("].iter().any(|w| code.contains(w)) {
                found.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "writes that bypass the commands (use Commands::run):\n{}", found.join("\n"));
}
