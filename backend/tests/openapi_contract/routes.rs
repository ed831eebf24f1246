//! (a) paths: every `/api` route of the backend is in openapi.yaml, and nothing else is.

use crate::spec::{object_keys, repo_root, set, spec};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use topocloud_contract::paths;

pub(crate) use topocloud_contract::paths::{SSO_CALLBACK, SSO_START};

/// The string constants of `pub mod <module>` in `contract/src/<file>`, read from the
/// source so that a constant added there and left out of a list fails the test.
pub(crate) fn contract_module_constants(file: &str, module: &str) -> BTreeSet<String> {
    let source = std::fs::read_to_string(repo_root().join("contract/src").join(file))
        .expect("a file of contract/src");
    let start = source
        .find(&format!("pub mod {module} {{"))
        .unwrap_or_else(|| panic!("no `pub mod {module}` in contract/src/{file}"));
    let body = &source[start..];
    let body = &body[..body.find("\n}").expect("end of module")];
    body.lines()
        .filter(|line| line.trim_start().starts_with("pub const") && !line.contains(": &[&str]"))
        .filter_map(|line| line.split('"').nth(1))
        .map(str::to_owned)
        .collect()
}

/// Every `.route("/api/…", …)` written as a literal in backend/src (not dev/): none but
/// the catch-all, the others use `topocloud_contract::paths`.
fn literal_api_routes() -> BTreeSet<String> {
    fn walk(dir: &Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("read backend/src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "dev") {
                    walk(&path, found);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("read source");
            for (i, _) in source.match_indices(".route(") {
                let rest = source[i + ".route(".len()..].trim_start();
                if let Some(literal) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                    if literal.starts_with("/api/") {
                        found.insert(literal.to_owned());
                    }
                }
            }
        }
    }
    let mut found = BTreeSet::new();
    walk(&repo_root().join("backend/src"), &mut found);
    // The catch-all that answers `404 not_found` for everything else.
    found.remove("/api/{*rest}");
    found
}

fn contract_paths() -> BTreeSet<String> {
    set(paths::ALL.iter().copied())
}

fn documented_paths(spec: &Value) -> BTreeSet<String> {
    object_keys(&spec["paths"])
}

#[test]
fn the_test_lists_every_path_constant_of_the_contract() {
    assert_eq!(
        contract_paths(),
        contract_module_constants("routes.rs", "paths"),
        "topocloud_contract::paths changed: list the new path in paths::ALL and openapi.yaml"
    );
}

#[test]
fn every_api_route_is_documented_and_nothing_else() {
    let spec = spec();
    let literal = literal_api_routes();
    assert_eq!(
        literal,
        BTreeSet::new(),
        "backend/src routes /api paths by literal instead of topocloud_contract::paths"
    );
    let routed = contract_paths();
    let documented = documented_paths(&spec);
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty() && unrouted.is_empty(),
        "not in openapi.yaml: {undocumented:?}; in openapi.yaml but not a route: {unrouted:?}"
    );
    assert!(documented.iter().all(|p| p.starts_with("/api/")));
}
