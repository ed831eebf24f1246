//! Hostile input as proptest strategies: any bytes, awkward text, JSON of any shape,
//! problem-shaped objects and damaged JSON. Shared by the contract's property tests
//! (`hostile_bytes.rs`) and the site's API error fuzzer (`src/api/error/fuzz.rs`, by
//! `#[path]`), so both throw the same things at their parsers.
// Each includer uses a part of it.
#![allow(dead_code)]

use proptest::prelude::*;
use serde_json::{Map, Value};

/// Any bytes, read the way a browser or server turns bytes into text.
pub fn lossy() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u8>(), 0..256)
        .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
}

/// Text that is mostly awkward: controls, NUL, surrogate-adjacent and invisible
/// characters, combining marks, right-to-left text, emoji, percent signs.
pub fn awkward_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "\u{0}",
        "\u{1}",
        "\n",
        "\r",
        "\t",
        "\u{7f}",
        "\u{85}",
        "\u{200b}",
        "\u{202e}",
        "\u{2066}",
        "\u{feff}",
        "\u{fffd}",
        "\u{10ffff}",
        "e\u{301}",
        "שלום",
        "مرحبا",
        "😀",
        "👩‍👩‍👧",
        "%",
        "%%",
        "%0",
        "%zz",
        "%C3",
        "%C3%A9",
        "%2F",
        "%5C",
        "%00",
        "/",
        "//",
        "\\",
        "@",
        ".",
        "-",
        " ",
        "a",
        "Z",
        "9",
        "é",
        "ß",
        "İ",
        "<script>",
        "\"",
        "'",
        "%+1",
        "%+",
        "+",
        "%-1",
    ]);
    prop::collection::vec(pieces, 0..24).prop_map(|p| p.concat())
}

pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![lossy(), awkward_text(), any::<String>()]
}

/// JSON of any shape, nested a few levels.
pub fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        any_text().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(any_text(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect::<Map<_, _>>())),
        ]
    })
}

/// Member names of the contract's documents (problems, configuration), and some others.
pub const MEMBER_NAMES: &[&str] = &[
    "type",
    "title",
    "status",
    "code",
    "detail",
    "instance",
    "errors",
    "email",
    "inviter",
    "field",
    "registration_open",
    "sso_providers",
    "password_policy",
    "min_length",
    "max_length",
    "require_letter",
    "require_digit",
    "blocklist",
    "id",
    "label",
    "name",
    "__proto__",
    "",
];

/// Error codes: known ones, an unknown one, and near misses.
pub const CODES: &[&str] = &[
    "invalid_credentials",
    "too_many_attempts",
    "validation_failed",
    "token_expired",
    "internal_error",
    "not_signed_in",
    "something_new",
    "",
    "INVALID_CREDENTIALS",
];

/// An object with the contract's field names (and some others) holding values of any
/// type: closer to a real answer than random JSON, so parsing gets past the first key.
pub fn problem_shaped() -> impl Strategy<Value = Value> {
    let keys = prop::sample::select(MEMBER_NAMES);
    let codes = prop::sample::select(CODES);
    let value = prop_oneof![
        any_json(),
        codes.prop_map(Value::from),
        (0u64..1000).prop_map(Value::from),
        prop::collection::vec(
            prop::collection::btree_map(
                prop::sample::select(vec!["field", "code", "x"]),
                any_json(),
                0..3
            ),
            0..4
        )
        .prop_map(|v| Value::Array(
            v.into_iter()
                .map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
                .collect()
        )),
    ];
    prop::collection::btree_map(keys, value, 0..8)
        .prop_map(|m| Value::Object(m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()))
}

/// Serialised JSON, sometimes cut short or with a byte changed.
pub fn json_bytes() -> impl Strategy<Value = Vec<u8>> {
    damaged(prop_oneof![problem_shaped(), any_json()])
}

/// `values` serialised, one time in three cut short and one in three with a byte changed,
/// as a broken proxy would.
pub fn damaged(values: impl Strategy<Value = Value>) -> impl Strategy<Value = Vec<u8>> {
    (values, any::<usize>(), any::<u8>(), 0u8..3).prop_map(|(value, at, byte, damage)| {
        let mut bytes = serde_json::to_vec(&value).unwrap_or_default();
        if !bytes.is_empty() {
            let at = at % bytes.len();
            match damage {
                1 => bytes.truncate(at),
                2 => {
                    if let Some(b) = bytes.get_mut(at) {
                        *b = byte;
                    }
                }
                _ => {}
            }
        }
        bytes
    })
}
