//! Property tests of the API client's reading of error answers: whatever status, content
//! type, body and `Retry-After` arrive, [`ApiError::from_response`] classifies them without
//! panicking, and the result keeps its promises.
//!
//! proptest (a native dev-dependency only, never in the wasm) generates the answers and
//! shrinks a failing one to its smallest form. Longer runs on demand:
//!
//!   PROPTEST_CASES=1000000 cargo test -p topocloud-site --lib api::error::fuzz

use super::ApiError;
use crate::api::parse_retry_after;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde_json::{Map, Value};
use strategies::{any_json, any_text, damaged, lossy, CODES, MEMBER_NAMES};
use topocloud_contract::ErrorCode;

#[path = "../../../contract/tests/support/strategies.rs"]
mod strategies;

/// One answer as the browser hands it over, and the clock when it arrives.
#[derive(Debug, Clone)]
struct Answer {
    status: u16,
    content_type: Option<String>,
    body: String,
    retry_after: Option<String>,
    now: i64,
}

impl Answer {
    fn read(&self) -> ApiError {
        ApiError::from_response(
            self.status,
            self.content_type.as_deref(),
            &self.body,
            self.retry_after.as_deref(),
            self.now,
        )
    }
}

const CONTENT_TYPES: &[&str] = &[
    "application/problem+json",
    "application/json",
    "application/json; charset=utf-8",
    " APPLICATION/PROBLEM+JSON",
    "text/html",
    "text/plain",
    "application/jsonx",
    "",
];
const RETRY_AFTERS: &[&str] = &[
    "30",
    " 30 ",
    "-1",
    "+5",
    "1e3",
    "99999999999999999999999999",
    "Sun, 06 Nov 1994 08:49:37 GMT",
    "Fri, 31 Dec 9999 23:59:60 GMT",
    "soon",
    "",
];
const STATUSES: &[u16] = &[
    0, 200, 204, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504, 599, 600,
];

/// An object with the problem's own member names, nearly always with a code, holding
/// values of any type: most answers a client gets are problems, so most must parse.
fn problem_with_code() -> impl Strategy<Value = Value> {
    let field_error = (any_json(), any_json()).prop_map(|(field, code)| {
        Value::Object(Map::from_iter([
            ("field".into(), field),
            ("code".into(), code),
        ]))
    });
    let member = prop_oneof![
        select(CODES).prop_map(Value::from),
        (0u64..1000).prop_map(Value::from),
        vec(field_error, 0..4).prop_map(Value::Array),
        any_json(),
    ];
    let key = prop_oneof![1 => any_text(), 3 => select(MEMBER_NAMES).prop_map(str::to_owned)];
    (
        proptest::option::weighted(0.75, select(CODES)),
        vec((key, member), 0..9),
    )
        .prop_map(|(code, members)| {
            let mut object = Map::from_iter(members);
            if let Some(code) = code {
                object.insert("code".into(), Value::from(code));
            }
            Value::Object(object)
        })
}

/// Any bytes, or JSON (problem-shaped more often than not), sometimes damaged: the
/// contract's hostile generators.
fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => lossy(),
        4 => damaged(prop_oneof![1 => any_json(), 3 => problem_with_code()])
            .prop_map(|bytes| String::from_utf8_lossy(&bytes).into_owned()),
    ]
}

fn content_type() -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        1 => Just(None),
        1 => any_text().prop_map(Some),
        2 => select(CONTENT_TYPES).prop_map(|s| Some(s.to_owned())),
    ]
}

fn retry_after() -> impl Strategy<Value = Option<String>> {
    let http_date = (
        select(&["Sun", "Mon", "Wed", "", "Xyz"][..]),
        0u32..40,
        select(&["Jan", "Feb", "Dec", "Foo"][..]),
        0u32..12_000,
        (0u32..30, 0u32..70, 0u32..70),
    )
        .prop_map(|(day, d, month, y, (h, m, s))| {
            format!("{day}, {d:02} {month} {y} {h:02}:{m:02}:{s:02} GMT")
        });
    prop_oneof![
        Just(None),
        any_text().prop_map(Some),
        "[0-9]{0,40}".prop_map(Some),
        http_date.prop_map(Some),
        select(RETRY_AFTERS).prop_map(|s| Some(s.to_owned())),
    ]
}

/// What `Date.now() / 1000` can be: JavaScript dates span ±8.64e12 seconds.
fn now() -> impl Strategy<Value = i64> {
    const JS_LIMIT: i64 = 8_640_000_000_000;
    prop_oneof![1 => -JS_LIMIT..=JS_LIMIT, 2 => 1_700_000_000i64..2_700_000_000]
}

fn answer() -> impl Strategy<Value = Answer> {
    let status = prop_oneof![1 => any::<u16>(), 2 => select(STATUSES)];
    (status, content_type(), body(), retry_after(), now()).prop_map(
        |(status, content_type, body, retry_after, now)| Answer {
            status,
            content_type,
            body,
            retry_after,
            now,
        },
    )
}

fn cases(default: u32) -> ProptestConfig {
    ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default),
    )
}

proptest! {
    #![proptest_config(cases(4096))]

    #[test]
    fn any_answer_is_classified_without_panicking_and_keeps_its_promises(answer in answer()) {
        let error = answer.read();
        // Everything a screen asks of an error must answer, too.
        let _ = error.message();
        let _ = error.field_codes();
        let _ = error.problem_email();
        let _ = error.code();
        let _ = error.is_retryable();
        let _ = error.is_not_signed_in();

        let status = answer.status;
        let expected_wait = answer
            .retry_after
            .as_deref()
            .and_then(|r| parse_retry_after(r, answer.now));
        match &error {
            ApiError::Problem { status: s, .. } => {
                prop_assert_eq!(*s, status);
                prop_assert_eq!(error.retry_after(), expected_wait);
            }
            ApiError::Server { status: s } => {
                prop_assert_eq!(*s, status);
                prop_assert!((500..=599).contains(&status));
            }
            ApiError::Malformed => prop_assert!(!(500..=599).contains(&status) && status != 429),
            // An answer is never mistaken for "no answer".
            ApiError::Network | ApiError::Timeout => prop_assert!(false, "an answer read as none"),
        }
        // Without a JSON content type the body is never read as a problem: only the status
        // decides.
        let is_json = answer.content_type.as_deref().is_some_and(|ct| {
            let ct = ct.trim_start().to_ascii_lowercase();
            ct.starts_with("application/problem+json") || ct.starts_with("application/json")
        });
        if !is_json && status == 429 {
            prop_assert_eq!(error.code(), Some(ErrorCode::TooManyAttempts));
            prop_assert!(error.field_codes().is_empty());
        }
        if !is_json && status != 429 {
            prop_assert!(error.code().is_none());
        }
    }

    #[test]
    fn retry_after_reads_any_text_without_panicking(raw in retry_after(), now in now()) {
        let raw = raw.unwrap_or_default();
        if let Some(seconds) = parse_retry_after(&raw, now) {
            if raw.trim().bytes().all(|b| b.is_ascii_digit()) {
                let expected = raw
                    .trim()
                    .parse::<u64>()
                    .map_or(u32::MAX, |s| s.min(u32::MAX as u64) as u32);
                prop_assert_eq!(seconds, expected, "{:?}", raw);
            }
        }
    }
}

/// A generator that never reaches an outcome tests nothing there: of 2,000 answers each
/// kind of reading makes up at least 5 %.
#[test]
fn the_answers_reach_every_kind_of_reading() {
    let mut runner = TestRunner::deterministic();
    let strategy = answer();
    let (mut problems, mut servers, mut malformed) = (0u32, 0u32, 0u32);
    let total = 2_000;
    for _ in 0..total {
        let answer = strategy
            .new_tree(&mut runner)
            .expect("a generated answer")
            .current();
        match answer.read() {
            ApiError::Problem { .. } => problems += 1,
            ApiError::Server { .. } => servers += 1,
            ApiError::Malformed => malformed += 1,
            ApiError::Network | ApiError::Timeout => {}
        }
    }
    let share = |n: u32| n * 100 / total;
    assert!(
        share(problems) >= 5 && share(servers) >= 5 && share(malformed) >= 5,
        "problems {problems}, server errors {servers}, malformed {malformed} of {total}"
    );
}
