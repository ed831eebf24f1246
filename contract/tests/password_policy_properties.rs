//! The password policy never panics and always means what it says, for any Unicode.

use proptest::prelude::*;
use topocloud_contract::{PasswordPolicy, PasswordRule};

fn policies() -> impl Strategy<Value = PasswordPolicy> {
    (
        0u32..200,
        0u32..300,
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
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_unicode_gets_an_answer_that_matches_a_plain_reading_of_the_rules(
        policy in policies(),
        password in any::<String>(),
    ) {
        let broken = policy.broken_rules(&password);
        let length = password.chars().count();
        prop_assert_eq!(broken.contains(&PasswordRule::MinLength), length < policy.min_length as usize);
        prop_assert_eq!(broken.contains(&PasswordRule::MaxLength), length > policy.max_length as usize);
        prop_assert_eq!(
            broken.contains(&PasswordRule::Letter),
            policy.require_letter && !password.chars().any(char::is_alphabetic)
        );
        prop_assert_eq!(
            broken.contains(&PasswordRule::Digit),
            policy.require_digit && !password.chars().any(|c| c.is_ascii_digit())
        );
        prop_assert_eq!(broken.contains(&PasswordRule::Printable), password.chars().any(char::is_control));
        prop_assert!(!broken.contains(&PasswordRule::NotCommon), "the blocklist is the backend's");
    }

    #[test]
    fn nothing_is_truncated_a_longer_password_never_passes_the_max_where_a_prefix_fails(
        password in "\\PC{0,300}",
    ) {
        let policy = PasswordPolicy::recommended();
        let full = policy.broken_rules(&password).contains(&PasswordRule::MaxLength);
        prop_assert_eq!(full, password.chars().count() > 128);
    }

    #[test]
    fn policies_survive_json_round_trips(policy in policies()) {
        let json = serde_json::to_string(&policy).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let back: PasswordPolicy = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(back, policy);
    }
}
