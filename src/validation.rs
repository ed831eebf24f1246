//! Client-side checks of the forms, before anything is sent. The backend checks again;
//! these exist so a person hears about a typo at once, in their own language.

use crate::i18n::Text;
use topocloud_contract::{is_plausible_email, MAX_EMAIL_LEN};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Email,
    Password,
}

#[derive(Debug, Clone, Default)]
pub struct LoginForm {
    pub email: String,
    pub password: String,
}

/// The backend refuses longer sign-in passwords outright (the contract's cap); said here in
/// words instead of an "unexpected answer" from the server.
pub use topocloud_contract::MAX_SIGN_IN_PASSWORD_BYTES;

impl LoginForm {
    /// Problems in the order the fields appear on screen, so the first gets focus.
    pub fn problems(&self) -> Vec<(Field, Text)> {
        let email = email_problem(&self.email).map(|text| (Field::Email, text));
        let password = password_problem(&self.password).map(|text| (Field::Password, text));
        email.into_iter().chain(password).collect()
    }
}

/// A new password's first problem in words, checked with the policy from `/api/config`
/// (the very code the backend runs, apart from its blocklist).
pub fn new_password_problem(
    policy: &topocloud_contract::PasswordPolicy,
    password: &str,
) -> Option<Text> {
    if password.is_empty() {
        return Some(Text::PasswordRequired);
    }
    policy
        .broken_rules(password)
        .first()
        .map(|rule| password_rule_text(rule.code()))
}

/// The backend's per-field password codes (`errors[].code` with `field: "password"`).
pub fn password_rule_text(code: &str) -> Text {
    use topocloud_contract::PasswordRule;
    match PasswordRule::from_code(code) {
        Some(PasswordRule::MinLength) => Text::PasswordTooShort,
        Some(PasswordRule::MaxLength) => Text::PasswordTooLong,
        Some(PasswordRule::Letter) => Text::PasswordNeedsLetter,
        Some(PasswordRule::Digit) => Text::PasswordNeedsDigit,
        Some(PasswordRule::Printable) => Text::PasswordNotPrintable,
        Some(PasswordRule::NotCommon) => Text::PasswordTooCommon,
        None => Text::FormHasErrors,
    }
}

/// What is wrong with a typed email address, if anything: the one rule every form uses.
pub fn email_problem(email: &str) -> Option<Text> {
    let email = email.trim();
    if email.is_empty() {
        Some(Text::EmailRequired)
    } else if email.len() > MAX_EMAIL_LEN {
        Some(Text::EmailTooLong)
    } else if !is_plausible_email(email) {
        Some(Text::EmailInvalid)
    } else {
        None
    }
}

/// A sign-in password is only checked for being there and within the contract's cap: the
/// policy is for new passwords, and an old one may predate it.
fn password_problem(password: &str) -> Option<Text> {
    if password.is_empty() {
        Some(Text::PasswordRequired)
    } else if password.len() > MAX_SIGN_IN_PASSWORD_BYTES {
        Some(Text::PasswordTooLong)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(email: &str, password: &str) -> LoginForm {
        LoginForm {
            email: email.into(),
            password: password.into(),
        }
    }

    #[test]
    fn an_empty_form_names_both_fields_in_screen_order() {
        assert_eq!(
            form("", "").problems(),
            vec![
                (Field::Email, Text::EmailRequired),
                (Field::Password, Text::PasswordRequired)
            ]
        );
    }

    #[test]
    fn a_mistyped_email_is_explained() {
        assert_eq!(
            form("demo@topocloud", "x").problems(),
            vec![(Field::Email, Text::EmailInvalid)]
        );
        assert_eq!(
            form("   ", "x").problems(),
            vec![(Field::Email, Text::EmailRequired)]
        );
    }

    #[test]
    fn an_overlong_email_is_called_too_long_not_invalid() {
        let at_limit = format!(
            "{}@topocloud.test",
            "a".repeat(254 - "@topocloud.test".len())
        );
        assert_eq!(at_limit.len(), 254);
        assert_eq!(email_problem(&at_limit), None);
        assert_eq!(email_problem(&format!(" {at_limit} ")), None);
        let over = format!("a{at_limit}");
        assert_eq!(email_problem(&over), Some(Text::EmailTooLong));
        assert_eq!(
            form(&over, "x").problems(),
            vec![(Field::Email, Text::EmailTooLong)]
        );
        // Too long wins over malformed: the person first needs to hear about the length.
        assert_eq!(email_problem(&"x".repeat(300)), Some(Text::EmailTooLong));
    }

    #[test]
    fn new_passwords_are_judged_by_the_configured_policy() {
        use topocloud_contract::PasswordPolicy;
        let legacy = PasswordPolicy::legacy_product();
        assert_eq!(
            new_password_problem(&legacy, ""),
            Some(Text::PasswordRequired)
        );
        assert_eq!(
            new_password_problem(&legacy, "abc1"),
            Some(Text::PasswordTooShort)
        );
        assert_eq!(
            new_password_problem(&legacy, "abcdefgh"),
            Some(Text::PasswordNeedsDigit)
        );
        assert_eq!(new_password_problem(&legacy, "abcdefg1"), None);
        let recommended = PasswordPolicy::recommended();
        assert_eq!(
            new_password_problem(&recommended, "abcdefg1"),
            Some(Text::PasswordTooShort)
        );
        assert_eq!(new_password_problem(&recommended, "twelve chars"), None);
        assert_eq!(password_rule_text("not_common"), Text::PasswordTooCommon);
        assert_eq!(password_rule_text("from_the_future"), Text::FormHasErrors);
    }

    #[test]
    fn any_non_empty_password_is_left_to_the_backend() {
        // Sign-in must never judge a password's strength: old passwords must still work.
        for password in [" ", "a", "🔑", "x".repeat(500).as_str()] {
            assert!(form("demo@topocloud.test", password).problems().is_empty());
        }
    }

    #[test]
    fn a_password_the_backend_would_refuse_unread_is_too_long() {
        let at_limit = "é".repeat(MAX_SIGN_IN_PASSWORD_BYTES / 2);
        assert!(form("demo@topocloud.test", &at_limit).problems().is_empty());
        assert_eq!(
            form("demo@topocloud.test", &format!("{at_limit}x")).problems(),
            vec![(Field::Password, Text::PasswordTooLong)]
        );
    }
}
