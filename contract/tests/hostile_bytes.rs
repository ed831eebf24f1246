//! Fuzzing with proptest: whatever bytes arrive — a `return_to` in a URL, a password in a
//! form, an email address, a problem or configuration document from the network — the
//! contract's functions answer and never panic.
//!
//! Bounded in the normal test run (a few thousand cases per property, seconds in all);
//! longer on demand:
//!
//!   FUZZ_CASES=1000000 cargo test --release -p topocloud-contract --test hostile_bytes

#[path = "support/strategies.rs"]
mod strategies;

use proptest::prelude::*;
use strategies::{any_text, json_bytes, problem_shaped};
use topocloud_contract::{
    is_plausible_email, normalise_email, percent_decode, percent_encode, safe_return_to,
    PasswordPolicy, PasswordRule, Problem, SessionInfo, SiteConfig, MAX_EMAIL_LEN,
};

fn cases(default: u32) -> u32 {
    std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

fn config(default: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(default),
        // Shrinking a failure from a million cases can take long; the seed is printed.
        max_shrink_iters: 10_000,
        ..ProptestConfig::default()
    }
}

fn policies() -> impl Strategy<Value = PasswordPolicy> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(min_length, max_length, require_letter, require_digit, blocklist)| PasswordPolicy {
                min_length,
                max_length,
                require_letter,
                require_digit,
                blocklist,
            },
        )
}

proptest! {
    #![proptest_config(config(1_000))]

    #[test]
    fn return_to_answers_any_text_with_a_local_path_or_nothing(raw in any_text()) {
        if let Some(path) = safe_return_to(Some(&raw)) {
            prop_assert!(path.starts_with('/') && !path.starts_with("//"), "{path:?}");
            prop_assert!(!path.contains('\\') && !path.chars().any(char::is_control), "{path:?}");
            prop_assert_eq!(&path, &raw);
        }
    }

    #[test]
    fn percent_encoding_round_trips_any_text(raw in any_text()) {
        let encoded = percent_encode(&raw);
        prop_assert!(encoded.is_ascii());
        prop_assert_eq!(percent_decode(&encoded), Some(raw));
    }

    #[test]
    fn percent_decoding_any_text_never_panics_and_only_takes_two_hex_digits(raw in any_text()) {
        if let Some(decoded) = percent_decode(&raw) {
            // Every % in the input started a two-hex-digit escape.
            let bytes = raw.as_bytes();
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'%' {
                    prop_assert!(
                        bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                            && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit),
                        "{raw:?} decoded to {decoded:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_password_policy_answers_any_text_under_any_limits(
        policy in policies(),
        password in any_text(),
    ) {
        for policy in [policy, PasswordPolicy::recommended(), PasswordPolicy::legacy_product()] {
            let broken = policy.broken_rules(&password);
            prop_assert!(!broken.contains(&PasswordRule::NotCommon));
            prop_assert!(broken.len() <= 5);
            let _ = policy.rules();
        }
    }

    #[test]
    fn email_checks_answer_any_text(raw in any_text()) {
        let plausible = is_plausible_email(&raw);
        let normalised = normalise_email(&raw);
        if plausible {
            prop_assert!(raw.trim().len() <= MAX_EMAIL_LEN);
            prop_assert!(normalised.contains('@'));
        }
    }

}

proptest! {
    // Each case is a whole document: fewer of them in the normal run.
    #![proptest_config(config(400))]

    #[test]
    fn documents_from_the_network_parse_or_are_refused_never_panic(bytes in json_bytes()) {
        let _ = serde_json::from_slice::<Problem>(&bytes);
        let _ = serde_json::from_slice::<SiteConfig>(&bytes);
        let _ = serde_json::from_slice::<SessionInfo>(&bytes);
        let text = String::from_utf8_lossy(&bytes);
        let _ = serde_json::from_str::<Problem>(&text);
    }

    #[test]
    fn raw_bytes_as_documents_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..1024)) {
        let _ = serde_json::from_slice::<Problem>(&bytes);
        let _ = serde_json::from_slice::<SiteConfig>(&bytes);
        let _ = serde_json::from_slice::<SessionInfo>(&bytes);
    }

    #[test]
    fn a_parsed_problem_survives_a_round_trip(value in problem_shaped()) {
        if let Ok(problem) = serde_json::from_value::<Problem>(value) {
            let again = serde_json::to_value(&problem).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(serde_json::from_value::<Problem>(again).ok(), Some(problem));
        }
    }
}
