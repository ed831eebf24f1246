//! Fuzzing the API client's reading of error answers: whatever status, content type,
//! body and `Retry-After` arrive, [`ApiError::from_response`] classifies them without
//! panicking, and the result keeps its promises.
//!
//! Self-contained (a small seeded generator, no extra dependency in the site crate).
//! Bounded by default (20 000 answers, about a second); longer on demand, with another
//! seed to explore elsewhere:
//!
//!   FUZZ_CASES=1000000 FUZZ_SEED=7 cargo test -p topocloud-site --lib api::error::fuzz

use super::ApiError;
use crate::api::parse_retry_after;
use serde_json::{Map, Value};
use topocloud_contract::ErrorCode;

fn env_number(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// SplitMix64: tiny, seeded, good enough to spread inputs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len() as u64) as usize]
    }

    fn bytes(&mut self, max: u64) -> Vec<u8> {
        let len = self.below(max + 1);
        (0..len).map(|_| self.next() as u8).collect()
    }

    fn text(&mut self) -> String {
        match self.below(3) {
            0 => String::from_utf8_lossy(&self.bytes(64)).into_owned(),
            1 => (0..self.below(12))
                .map(|_| self.pick(AWKWARD))
                .collect::<Vec<_>>()
                .concat(),
            _ => (0..self.below(16))
                .filter_map(|_| char::from_u32(self.below(0x11_0000) as u32))
                .collect(),
        }
    }

    fn json(&mut self, depth: u32) -> Value {
        let kinds = if depth == 0 { 6 } else { 8 };
        match self.below(kinds) {
            0 => Value::Null,
            1 => Value::Bool(self.next() % 2 == 0),
            2 => Value::from(self.next() as i64),
            3 => Value::from(self.next()),
            4 => serde_json::Number::from_f64(f64::from_bits(self.next()))
                .map_or(Value::Null, Value::Number),
            5 => Value::String(self.text()),
            6 => Value::Array((0..self.below(5)).map(|_| self.json(depth - 1)).collect()),
            _ => Value::Object(
                (0..self.below(5))
                    .map(|_| (self.key(), self.json(depth - 1)))
                    .collect::<Map<_, _>>(),
            ),
        }
    }

    fn key(&mut self) -> String {
        if self.below(4) == 0 {
            self.text()
        } else {
            self.pick(KEYS).to_owned()
        }
    }

    /// An object with the problem's own member names holding values of any type.
    fn problem_shaped(&mut self) -> Value {
        let mut object = Map::new();
        if self.below(4) != 0 {
            object.insert("code".into(), Value::from(self.pick(CODES)));
        }
        for _ in 0..self.below(9) {
            let value = match self.below(5) {
                0 => Value::from(self.pick(CODES)),
                1 => Value::from(self.below(1000)),
                2 => Value::Array(
                    (0..self.below(4))
                        .map(|_| {
                            let mut e = Map::new();
                            e.insert("field".into(), self.json(1));
                            e.insert("code".into(), self.json(1));
                            Value::Object(e)
                        })
                        .collect(),
                ),
                _ => self.json(2),
            };
            object.insert(self.key(), value);
        }
        Value::Object(object)
    }

    fn body(&mut self) -> String {
        match self.below(5) {
            0 => String::from_utf8_lossy(&self.bytes(256)).into_owned(),
            1 => self.json(3).to_string(),
            _ => {
                let mut json = self.problem_shaped().to_string();
                // Sometimes cut short or with one byte changed, as a broken proxy would.
                if !json.is_empty() && self.below(3) == 0 {
                    let at = self.below(json.len() as u64) as usize;
                    let mut bytes = json.into_bytes();
                    if self.next() % 2 == 0 {
                        bytes.truncate(at);
                    } else {
                        bytes[at] = self.next() as u8;
                    }
                    json = String::from_utf8_lossy(&bytes).into_owned();
                }
                json
            }
        }
    }

    fn content_type(&mut self) -> Option<String> {
        match self.below(4) {
            0 => None,
            1 => Some(self.text()),
            _ => Some(self.pick(CONTENT_TYPES).to_owned()),
        }
    }

    fn retry_after(&mut self) -> Option<String> {
        match self.below(5) {
            0 => None,
            1 => Some(self.text()),
            2 => Some((0..self.below(40)).map(|_| self.pick(&DIGITS)).collect()),
            3 => Some(format!(
                "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
                self.pick(&["Sun", "Mon", "Wed", "", "Xyz"]),
                self.below(40),
                self.pick(&["Jan", "Feb", "Dec", "Foo"]),
                self.below(12_000),
                self.below(30),
                self.below(70),
                self.below(70)
            )),
            _ => Some(self.pick(RETRY_AFTERS).to_owned()),
        }
    }

    fn status(&mut self) -> u16 {
        match self.below(3) {
            0 => self.next() as u16,
            _ => [
                0, 200, 204, 400, 401, 403, 404, 409, 410, 422, 429, 500, 502, 503, 504, 599, 600,
            ][self.below(17) as usize],
        }
    }

    /// What `Date.now() / 1000` can be: JavaScript dates span ±8.64e12 seconds.
    fn now(&mut self) -> i64 {
        const JS_LIMIT: u64 = 8_640_000_000_000;
        match self.below(3) {
            0 => (self.below(2 * JS_LIMIT + 1) as i64) - JS_LIMIT as i64,
            _ => 1_700_000_000 + self.below(1_000_000_000) as i64,
        }
    }
}

const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
const KEYS: &[&str] = &[
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
    "__proto__",
    "",
];
const CODES: &[&str] = &[
    "invalid_credentials",
    "too_many_attempts",
    "validation_failed",
    "token_expired",
    "not_signed_in",
    "internal_error",
    "something_new",
    "",
    "INVALID_CREDENTIALS",
];
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
const AWKWARD: &[&str] = &[
    "\u{0}", "\n", "\u{7f}", "\u{202e}", "\u{feff}", "\u{fffd}", "e\u{301}", "שלום", "😀",
    "<script>", "\"", "\\", "{", "}", "[", "]", ":", ",", "%", "null",
];

#[test]
fn any_answer_is_classified_without_panicking_and_keeps_its_promises() {
    let cases = env_number("FUZZ_CASES", 20_000);
    let seed = env_number("FUZZ_SEED", 9);
    let mut rng = Rng(seed);
    // How often each outcome came up: a generator that never reaches one is no fuzzer.
    let (mut problems, mut servers, mut malformed) = (0u64, 0u64, 0u64);
    for case in 0..cases {
        let status = rng.status();
        let content_type = rng.content_type();
        let body = rng.body();
        let retry_after = rng.retry_after();
        let now = rng.now();
        let context = || {
            format!(
                "case {case} (FUZZ_SEED={seed}): {status} {content_type:?} {retry_after:?} now={now} {body:?}"
            )
        };
        let error = ApiError::from_response(
            status,
            content_type.as_deref(),
            &body,
            retry_after.as_deref(),
            now,
        );
        // Everything a screen asks of an error must answer, too.
        let _ = error.message();
        let _ = error.field_codes();
        let _ = error.problem_email();
        let _ = error.code();
        let _ = error.is_retryable();
        let _ = error.is_not_signed_in();

        // An answer is never mistaken for "no answer".
        assert!(
            !matches!(error, ApiError::Network | ApiError::Timeout),
            "{}",
            context()
        );
        let expected_wait = retry_after
            .as_deref()
            .and_then(|r| parse_retry_after(r, now));
        match &error {
            ApiError::Problem { status: s, .. } => {
                problems += 1;
                assert_eq!(*s, status, "{}", context());
                assert_eq!(error.retry_after(), expected_wait, "{}", context());
            }
            ApiError::Server { status: s } => {
                servers += 1;
                assert_eq!(*s, status, "{}", context());
                assert!((500..=599).contains(&status), "{}", context());
            }
            ApiError::Malformed => {
                malformed += 1;
                assert!(
                    !(500..=599).contains(&status) && status != 429,
                    "{}",
                    context()
                )
            }
            ApiError::Network | ApiError::Timeout => unreachable!(),
        }
        // Without a JSON content type the body is never read as a problem: only the
        // status decides.
        let is_json = content_type.as_deref().is_some_and(|ct| {
            let ct = ct.trim_start().to_ascii_lowercase();
            ct.starts_with("application/problem+json") || ct.starts_with("application/json")
        });
        if !is_json && status == 429 {
            assert_eq!(
                error.code(),
                Some(ErrorCode::TooManyAttempts),
                "{}",
                context()
            );
            assert!(error.field_codes().is_empty(), "{}", context());
        }
        if !is_json && status != 429 {
            assert!(error.code().is_none(), "{}", context());
        }
    }
    if cases >= 1_000 {
        let share = |n: u64| n * 100 / cases;
        assert!(
            share(problems) >= 5 && share(servers) >= 5 && share(malformed) >= 5,
            "problems {problems}, server errors {servers}, malformed {malformed} of {cases}"
        );
    }
}

#[test]
fn retry_after_reads_any_text_without_panicking() {
    let cases = env_number("FUZZ_CASES", 20_000);
    let mut rng = Rng(env_number("FUZZ_SEED", 9) ^ 0xA5A5);
    for _ in 0..cases {
        let raw = rng.retry_after().unwrap_or_default();
        let now = rng.now();
        if let Some(seconds) = parse_retry_after(&raw, now) {
            if raw.trim().bytes().all(|b| b.is_ascii_digit()) {
                let expected = raw
                    .trim()
                    .parse::<u64>()
                    .map_or(u32::MAX, |s| s.min(u32::MAX as u64) as u32);
                assert_eq!(seconds, expected, "{raw:?}");
            }
        }
    }
}
