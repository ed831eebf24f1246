//! The password policy: one implementation for the site's live checklist and the
//! backend's decision, so the two can never disagree.
//!
//! Lengths are counted in Unicode code points and never truncated; every printable
//! character is allowed. The blocklist of common passwords lives only in the backend
//! (shipping it to browsers would cost ~80 KB), which reports it as [`PasswordRule::NotCommon`].

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasswordPolicy {
    /// Minimum length in Unicode code points.
    pub min_length: u32,
    /// Maximum length in Unicode code points.
    pub max_length: u32,
    /// At least one letter (any script).
    #[serde(default)]
    pub require_letter: bool,
    /// At least one digit 0-9.
    #[serde(default)]
    pub require_digit: bool,
    /// The backend rejects common and breached passwords.
    #[serde(default)]
    pub blocklist: bool,
}

/// One rule of the policy, as the site lists it and as the backend reports a failure
/// (the field error code is [`PasswordRule::code`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PasswordRule {
    MinLength,
    MaxLength,
    Letter,
    Digit,
    /// No control characters (newlines, tabs, NUL, …).
    Printable,
    NotCommon,
}

impl PasswordRule {
    pub fn code(self) -> &'static str {
        match self {
            PasswordRule::MinLength => "min_length",
            PasswordRule::MaxLength => "max_length",
            PasswordRule::Letter => "letter",
            PasswordRule::Digit => "digit",
            PasswordRule::Printable => "printable",
            PasswordRule::NotCommon => "not_common",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        [
            PasswordRule::MinLength,
            PasswordRule::MaxLength,
            PasswordRule::Letter,
            PasswordRule::Digit,
            PasswordRule::Printable,
            PasswordRule::NotCommon,
        ]
        .into_iter()
        .find(|rule| rule.code() == code)
    }
}

impl Default for PasswordPolicy {
    fn default() -> Self {
        Self::recommended()
    }
}

impl PasswordPolicy {
    /// NIST SP 800-63B style: long, no composition rules, common passwords refused.
    pub fn recommended() -> Self {
        Self {
            min_length: 12,
            max_length: 128,
            require_letter: false,
            require_digit: false,
            blocklist: true,
        }
    }

    /// What today's product asks: 8 or more characters with a letter and a digit.
    pub fn legacy_product() -> Self {
        Self {
            min_length: 8,
            max_length: 128,
            require_letter: true,
            require_digit: true,
            blocklist: true,
        }
    }

    /// The rules to show in a checklist, in the order a person reads them.
    pub fn rules(&self) -> Vec<PasswordRule> {
        let mut rules = vec![PasswordRule::MinLength];
        if self.require_letter {
            rules.push(PasswordRule::Letter);
        }
        if self.require_digit {
            rules.push(PasswordRule::Digit);
        }
        rules
    }

    /// Every rule `password` breaks, apart from the blocklist (which the caller checks).
    /// Never panics, whatever the input.
    pub fn broken_rules(&self, password: &str) -> Vec<PasswordRule> {
        let length = password.chars().count();
        let mut broken = Vec::new();
        if length < self.min_length as usize {
            broken.push(PasswordRule::MinLength);
        }
        if length > self.max_length as usize {
            broken.push(PasswordRule::MaxLength);
        }
        if self.require_letter && !password.chars().any(char::is_alphabetic) {
            broken.push(PasswordRule::Letter);
        }
        if self.require_digit && !password.chars().any(|c| c.is_ascii_digit()) {
            broken.push(PasswordRule::Digit);
        }
        if password.chars().any(char::is_control) {
            broken.push(PasswordRule::Printable);
        }
        broken
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(c: &str, count: usize) -> String {
        c.repeat(count)
    }

    #[test]
    fn length_boundaries_are_inclusive_and_in_code_points() {
        let p = PasswordPolicy::recommended();
        assert_eq!(p.broken_rules(&n("a", 11)), vec![PasswordRule::MinLength]);
        assert!(p.broken_rules(&n("a", 12)).is_empty());
        assert!(p.broken_rules(&n("a", 128)).is_empty());
        assert_eq!(p.broken_rules(&n("a", 129)), vec![PasswordRule::MaxLength]);
    }

    #[test]
    fn emoji_and_combining_marks_count_per_code_point() {
        let p = PasswordPolicy::recommended();
        // 12 emoji are 48 bytes but 12 code points.
        assert!(p.broken_rules(&n("🔑", 12)).is_empty());
        assert_eq!(p.broken_rules(&n("🔑", 11)), vec![PasswordRule::MinLength]);
        // "e" + COMBINING ACUTE is two code points.
        assert!(p.broken_rules(&n("e\u{301}", 6)).is_empty());
        assert_eq!(
            p.broken_rules(&n("e\u{301}", 65)),
            vec![PasswordRule::MaxLength]
        );
    }

    #[test]
    fn spaces_and_any_script_are_fine_but_control_characters_are_not() {
        let p = PasswordPolicy::recommended();
        assert!(p.broken_rules("correct horse battery").is_empty());
        assert!(p.broken_rules("ÿÿ 日本語のパスワード").is_empty());
        assert_eq!(
            p.broken_rules("twelve chars\n!"),
            vec![PasswordRule::Printable]
        );
        assert_eq!(
            p.broken_rules("twelve\u{0}chars!"),
            vec![PasswordRule::Printable]
        );
    }

    #[test]
    fn the_legacy_policy_wants_a_letter_and_a_digit() {
        let p = PasswordPolicy::legacy_product();
        assert_eq!(p.broken_rules("abcdefgh"), vec![PasswordRule::Digit]);
        assert_eq!(p.broken_rules("12345678"), vec![PasswordRule::Letter]);
        assert!(p.broken_rules("abcdefg1").is_empty());
        assert_eq!(
            p.rules(),
            vec![
                PasswordRule::MinLength,
                PasswordRule::Letter,
                PasswordRule::Digit
            ]
        );
    }

    #[test]
    fn rule_codes_round_trip_and_match_serde() {
        for rule in [
            PasswordRule::MinLength,
            PasswordRule::MaxLength,
            PasswordRule::Letter,
            PasswordRule::Digit,
            PasswordRule::Printable,
            PasswordRule::NotCommon,
        ] {
            assert_eq!(PasswordRule::from_code(rule.code()), Some(rule));
            let json = serde_json::to_string(&rule).expect("serialises");
            assert_eq!(json, format!("\"{}\"", rule.code()));
        }
        assert_eq!(PasswordRule::from_code("nope"), None);
    }
}
