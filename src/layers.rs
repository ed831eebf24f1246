//! The layers point one way: the API client knows no words and no screens, the widgets
//! and form kit know no screen, and screens meet only through them. Checked on the
//! source itself, so a shortcut shows up here rather than as a tangle later.

use std::path::Path;

/// Every `crate::…` module a folder (or file) of `src/` names.
fn imports(part: &str) -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = vec![root.join(format!("{part}.rs"))];
    let mut folders = vec![root.join(part)];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    let mut found = Vec::new();
    for file in files {
        let Ok(source) = std::fs::read_to_string(&file) else {
            continue;
        };
        for piece in source.split("crate::").skip(1) {
            let module: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            found.push((file.display().to_string(), module));
        }
    }
    found
}

fn assert_never_names(part: &str, forbidden: &[&str]) {
    let found = imports(part);
    assert!(!found.is_empty(), "{part}: nothing read");
    for (file, module) in found {
        assert!(
            !forbidden.contains(&module.as_str()),
            "{file} uses crate::{module}"
        );
    }
}

const SCREENS: &[&str] = &[
    "login", "account", "accounts", "recovery", "help", "session",
];

#[test]
fn the_api_client_returns_typed_errors_and_knows_no_words_or_screens() {
    let mut forbidden = vec!["i18n", "components", "context"];
    forbidden.extend_from_slice(SCREENS);
    assert_never_names("api", &forbidden);
}

#[test]
fn widgets_and_the_form_kit_know_no_screen() {
    assert_never_names("components", SCREENS);
}

#[test]
fn the_words_know_no_screen_and_no_widget() {
    let mut forbidden = vec!["components"];
    forbidden.extend_from_slice(SCREENS);
    assert_never_names("i18n", &forbidden);
}

#[test]
fn screens_of_one_part_do_not_reach_into_another() {
    for part in ["login", "account", "accounts", "recovery"] {
        let others: Vec<&str> = ["login", "account", "accounts", "recovery"]
            .into_iter()
            .filter(|other| *other != part)
            .collect();
        assert_never_names(part, &others);
    }
}
