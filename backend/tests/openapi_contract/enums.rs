//! (c), (d) and the other enums: error codes, password rules, field codes and the small
//! enums are exactly the Rust ones.

use crate::routes::contract_module_constants;
use crate::spec::{enum_of, schema, set, spec};
use serde_json::json;
use std::collections::BTreeSet;
use topocloud_contract::{
    field_codes, AccountType, ErrorCode, Locale, PasswordRule, SecondStepKind, SsoError,
};

/// Exhaustive on purpose: a new variant does not compile until it is listed here (and
/// then `ALL_ERROR_CODES` and openapi.yaml need it too).
fn error_code_name(code: ErrorCode) -> Option<&'static str> {
    use ErrorCode::*;
    Some(match code {
        InvalidCredentials => "invalid_credentials",
        NotSignedIn => "not_signed_in",
        EmailNotVerified => "email_not_verified",
        ValidationFailed => "validation_failed",
        RegistrationClosed => "registration_closed",
        InvitationExpired => "invitation_expired",
        InvitationUsed => "invitation_used",
        InvitationInvalid => "invitation_invalid",
        TokenExpired => "token_expired",
        TokenUsed => "token_used",
        TokenInvalid => "token_invalid",
        SignedInAsOther => "signed_in_as_other",
        CsrfRejected => "csrf_rejected",
        TooManyAttempts => "too_many_attempts",
        CodeInvalid => "code_invalid",
        ChallengeExpired => "challenge_expired",
        ReauthenticationRequired => "reauthentication_required",
        WrongPassword => "wrong_password",
        SetupExpired => "setup_expired",
        TwoStepAlreadyOn => "two_step_already_on",
        TwoStepNotOn => "two_step_not_on",
        TwoStepRequired => "two_step_required",
        PasskeyUnknown => "passkey_unknown",
        PasskeyFailed => "passkey_failed",
        NotFound => "not_found",
        InternalError => "internal_error",
        // The site's stand-in for codes from a newer backend; never sent.
        Unknown => return None,
    })
}

const ALL_ERROR_CODES: [ErrorCode; 26] = [
    ErrorCode::InvalidCredentials,
    ErrorCode::NotSignedIn,
    ErrorCode::EmailNotVerified,
    ErrorCode::ValidationFailed,
    ErrorCode::RegistrationClosed,
    ErrorCode::InvitationExpired,
    ErrorCode::InvitationUsed,
    ErrorCode::InvitationInvalid,
    ErrorCode::TokenExpired,
    ErrorCode::TokenUsed,
    ErrorCode::TokenInvalid,
    ErrorCode::SignedInAsOther,
    ErrorCode::CsrfRejected,
    ErrorCode::TooManyAttempts,
    ErrorCode::CodeInvalid,
    ErrorCode::ChallengeExpired,
    ErrorCode::ReauthenticationRequired,
    ErrorCode::WrongPassword,
    ErrorCode::SetupExpired,
    ErrorCode::TwoStepAlreadyOn,
    ErrorCode::TwoStepNotOn,
    ErrorCode::TwoStepRequired,
    ErrorCode::PasskeyUnknown,
    ErrorCode::PasskeyFailed,
    ErrorCode::NotFound,
    ErrorCode::InternalError,
];

#[test]
fn error_codes_are_exactly_the_rust_ones() {
    let spec = spec();
    let mut rust = BTreeSet::new();
    for code in ALL_ERROR_CODES {
        let json = serde_json::to_value(code).expect("serialises");
        assert_eq!(json.as_str(), error_code_name(code), "{code:?}");
        rust.insert(json.as_str().expect("a string").to_owned());
    }
    assert_eq!(rust.len(), ALL_ERROR_CODES.len(), "a code is listed twice");
    let documented = enum_of(&spec, "ErrorCode");
    assert_eq!(
        documented, rust,
        "ErrorCode in openapi.yaml (left) differs from the Rust enum (right)"
    );
    // Each documented code is a real variant that serialises back to itself, not the
    // catch-all a code unknown to Rust would fall into.
    for code in &documented {
        let parsed: ErrorCode = serde_json::from_value(json!(code)).expect("parses");
        assert_ne!(parsed, ErrorCode::Unknown, "{code} is not a Rust variant");
        assert_eq!(
            serde_json::to_value(parsed).expect("serialises"),
            json!(code)
        );
    }
    let newer: ErrorCode = serde_json::from_value(json!("from_a_newer_backend")).expect("parses");
    assert_eq!(newer, ErrorCode::Unknown);
    assert!(!documented.contains("unknown"), "`unknown` is never sent");
}

fn password_rule_name(rule: PasswordRule) -> &'static str {
    match rule {
        PasswordRule::MinLength => "min_length",
        PasswordRule::MaxLength => "max_length",
        PasswordRule::Letter => "letter",
        PasswordRule::Digit => "digit",
        PasswordRule::Printable => "printable",
        PasswordRule::NotCommon => "not_common",
    }
}

const ALL_PASSWORD_RULES: [PasswordRule; 6] = [
    PasswordRule::MinLength,
    PasswordRule::MaxLength,
    PasswordRule::Letter,
    PasswordRule::Digit,
    PasswordRule::Printable,
    PasswordRule::NotCommon,
];

#[test]
fn password_rules_are_exactly_the_rust_ones() {
    let spec = spec();
    let mut rust = BTreeSet::new();
    for rule in ALL_PASSWORD_RULES {
        assert_eq!(rule.code(), password_rule_name(rule));
        assert_eq!(
            serde_json::to_value(rule).expect("serialises"),
            json!(rule.code())
        );
        rust.insert(rule.code().to_owned());
    }
    let documented = enum_of(&spec, "PasswordRule");
    assert_eq!(
        documented, rust,
        "PasswordRule: openapi.yaml (left), Rust (right)"
    );
    for code in &documented {
        let rule = PasswordRule::from_code(code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(rule.code(), code);
    }
}

#[test]
fn field_codes_are_exactly_the_rust_ones() {
    let spec = spec();
    let listed = set([
        field_codes::REQUIRED,
        field_codes::INVALID_EMAIL,
        field_codes::TOO_LONG,
        field_codes::NOT_ACCEPTED,
    ]);
    assert_eq!(
        listed,
        contract_module_constants("form_rules.rs", "field_codes")
    );
    assert_eq!(enum_of(&spec, "FieldCode"), listed);
    let rules: BTreeSet<String> = ALL_PASSWORD_RULES
        .iter()
        .map(|r| r.code().to_owned())
        .collect();
    assert!(
        listed.is_disjoint(&rules),
        "a field code is also a password rule"
    );
}

#[test]
fn small_enums_are_exactly_the_rust_ones() {
    let spec = spec();
    let account_types = [AccountType::Main, AccountType::Employee].map(|t| match t {
        AccountType::Main | AccountType::Employee => t.code(),
    });
    for t in [AccountType::Main, AccountType::Employee] {
        assert_eq!(
            serde_json::to_value(t).expect("serialises"),
            json!(t.code())
        );
    }
    assert_eq!(enum_of(&spec, "AccountType"), set(account_types));

    let locales = [Locale::Nl, Locale::En].map(|l| match l {
        Locale::Nl | Locale::En => l.code(),
    });
    for l in [Locale::Nl, Locale::En] {
        assert_eq!(
            serde_json::to_value(l).expect("serialises"),
            json!(l.code())
        );
    }
    assert_eq!(enum_of(&spec, "Locale"), set(locales));
    assert_eq!(
        schema(&spec, "Locale")["default"],
        json!(Locale::default().code())
    );

    let sso = SsoError::ALL.map(|e| match e {
        SsoError::Cancelled
        | SsoError::Failed
        | SsoError::StateMismatch
        | SsoError::NoAccount
        | SsoError::UnknownProvider => e.code(),
    });
    assert_eq!(enum_of(&spec, "SsoErrorCode"), set(sso));

    let kinds = [SecondStepKind::Code, SecondStepKind::Enrol].map(|k| match k {
        SecondStepKind::Code => "code",
        SecondStepKind::Enrol => "enrol",
    });
    for (kind, name) in [SecondStepKind::Code, SecondStepKind::Enrol]
        .iter()
        .zip(kinds)
    {
        assert_eq!(serde_json::to_value(kind).expect("serialises"), json!(name));
    }
    assert_eq!(enum_of(&spec, "SecondStepKind"), set(kinds));
}
