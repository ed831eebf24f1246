//! Whatever arrives as `return_to`, what comes out is a path on this site or nothing.

use proptest::prelude::*;
use topocloud_contract::{percent_decode, safe_return_to};

/// What a browser would treat as "another origin" or a script, checked independently of
/// the sanitiser's own code.
fn is_same_origin_path(path: &str) -> bool {
    let decoded = percent_decode(path).unwrap_or_default();
    [path, decoded.as_str()].iter().all(|p| {
        p.starts_with('/')
            && !p.starts_with("//")
            && !p.contains('\\')
            && !p.chars().any(|c| c.is_control() || c.is_whitespace())
    })
}

fn hostile_looking() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "/",
        "//",
        "\\\\",
        "%2F",
        "%2f",
        "%5C",
        "%25",
        "%0a",
        "%0d",
        "%00",
        "http:",
        "https:",
        "javascript:",
        "evil.test",
        "account",
        "?",
        "#",
        "@",
        ":",
        " ",
        "\t",
        "\n",
        "é",
        "%C3%A9",
        "%",
        "..",
        "users/login",
    ]);
    prop::collection::vec(pieces, 0..8).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(5_000))]

    #[test]
    fn output_is_always_a_same_origin_path(raw in any::<String>()) {
        if let Some(path) = safe_return_to(Some(&raw)) {
            prop_assert!(is_same_origin_path(&path), "{path:?}");
            prop_assert_eq!(path, raw, "accepted values are passed through unchanged");
        }
    }

    #[test]
    fn built_from_hostile_pieces_output_is_still_same_origin(raw in hostile_looking()) {
        if let Some(path) = safe_return_to(Some(&raw)) {
            prop_assert!(is_same_origin_path(&path), "{path:?}");
            let page = path.split(['?', '#']).next().unwrap_or_default();
            prop_assert!(page != "/users/login" && !page.starts_with("/users/login/"), "{path:?} would loop");
        }
    }
}
