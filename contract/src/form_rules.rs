//! The form fields both sides name in `Problem.errors[].field`, and the field rules that
//! are not the password policy (that one is `password.rs`). The backend enforces them, the
//! site checks them before sending, so a person reads the same rule in words either way.

/// Field names as they appear in requests and in `Problem.errors[].field`.
pub mod fields {
    pub const NAME: &str = "name";
    pub const EMAIL: &str = "email";
    pub const ORGANISATION: &str = "organisation";
    pub const PASSWORD: &str = "password";
    /// The new password of `POST /api/account/password` (its rules as for `password`).
    pub const NEW_PASSWORD: &str = "new_password";
    pub const ACCEPT_TERMS: &str = "accept_terms";
}

/// Codes of per-field errors (`Problem::errors[].code`) besides [`crate::PasswordRule::code`].
pub mod field_codes {
    pub const REQUIRED: &str = "required";
    pub const INVALID_EMAIL: &str = "invalid_email";
    pub const TOO_LONG: &str = "too_long";
    pub const NOT_ACCEPTED: &str = "not_accepted";
}

/// A person's or an organisation's name: at most this many characters (after trimming).
pub const MAX_NAME_CHARS: usize = 200;

/// Sign-in passwords longer than this are refused outright, without hashing: far above
/// any password policy's maximum, it stops anyone making the server hash megabytes.
pub const MAX_SIGN_IN_PASSWORD_BYTES: usize = 4096;

/// What is wrong with a name or organisation, as a field code: [`field_codes::REQUIRED`]
/// when empty, [`field_codes::TOO_LONG`] when too long or holding control characters.
pub fn name_problem(value: &str) -> Option<&'static str> {
    let value = value.trim();
    if value.is_empty() {
        Some(field_codes::REQUIRED)
    } else if value.chars().count() > MAX_NAME_CHARS || value.chars().any(char::is_control) {
        Some(field_codes::TOO_LONG)
    } else {
        None
    }
}

/// Whether a sign-in password is worth checking at all: not empty, not over the cap.
pub fn sign_in_password_acceptable(password: &str) -> bool {
    !password.is_empty() && password.len() <= MAX_SIGN_IN_PASSWORD_BYTES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_required_bounded_and_printable() {
        assert_eq!(name_problem("  "), Some(field_codes::REQUIRED));
        assert_eq!(name_problem(&"é".repeat(MAX_NAME_CHARS)), None);
        assert_eq!(
            name_problem(&"é".repeat(MAX_NAME_CHARS + 1)),
            Some(field_codes::TOO_LONG)
        );
        assert_eq!(name_problem("Jan\u{0}"), Some(field_codes::TOO_LONG));
        assert_eq!(name_problem("  Jan de Vries  "), None);
    }

    #[test]
    fn sign_in_passwords_are_capped_in_bytes() {
        assert!(!sign_in_password_acceptable(""));
        assert!(sign_in_password_acceptable(
            &"é".repeat(MAX_SIGN_IN_PASSWORD_BYTES / 2)
        ));
        assert!(!sign_in_password_acceptable(
            &"é".repeat(MAX_SIGN_IN_PASSWORD_BYTES / 2 + 1)
        ));
    }
}
