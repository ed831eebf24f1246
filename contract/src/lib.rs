//! The HTTP/JSON contract between the TopoCloud sign-in site and its auth backend.
//!
//! Both the site (compiled to wasm) and the reference backend compile against these
//! types, so a field renamed on one side is a compile error on the other.

mod accounts;
mod email;
mod form_rules;
mod locale;
mod passkeys;
mod password;
mod problem;
mod return_to;
pub mod routes;
mod security;
mod session;
mod site_config;
mod sso;

pub use accounts::{
    AcceptInvitationRequest, AccountEmail, AccountType, CompletePasswordResetRequest,
    InvitationDetails, PasswordResetDetails, PasswordResetRequest, RegistrationRequest,
    ResendVerificationRequest, TokenRequest,
};
pub use email::{is_plausible_email, normalise_email, MAX_EMAIL_LEN};
pub use form_rules::{
    field_codes, fields, name_problem, sign_in_password_acceptable, MAX_NAME_CHARS,
    MAX_SIGN_IN_PASSWORD_BYTES,
};
pub use locale::Locale;
pub use passkeys::{
    default_passkey_name, device_in_words, passkey_name, NewPasskey, PasskeyOptions, PasskeyRename,
    PasskeySignIn, PasskeySummary, MAX_PASSKEY_NAME_CHARS, PASSKEY_CEREMONY_SECONDS,
    PASSKEY_COOKIE,
};
pub use password::{PasswordPolicy, PasswordRule};
pub use problem::{ErrorCode, FieldError, Problem, PROBLEM_CONTENT_TYPE};
pub use return_to::{percent_decode, percent_encode, safe_return_to};
pub use security::{
    group_secret, normalise_one_time_code, normalise_recovery_code, AccountSecurity,
    ChangePasswordRequest, CodeRequest, Confirmation, EnrolledSignIn, QrCode, RecoveryCodes,
    SecondStepKind, SecondStepRequest, SecondStepRequired, SecondStepState, SessionSummary,
    SessionsEnded, TotpSetup, FEW_RECOVERY_CODES, RECOVERY_CODE_CHARS, RECOVERY_CODE_COUNT,
};
pub use session::{SessionInfo, SignInRequest};
pub use site_config::{lifetime_in_words, LinkLifetimes, SiteConfig, SsoProvider};
pub use sso::{
    SsoError, SSO_CANCELLED, SSO_ERROR_PARAM, SSO_FAILED, SSO_NO_ACCOUNT, SSO_STATE_MISMATCH,
    SSO_UNKNOWN_PROVIDER,
};

/// Every state-changing API request must carry this header (value [`CSRF_HEADER_VALUE`]).
/// A cross-site HTML form cannot set a custom header, and a cross-site script cannot
/// either without a CORS preflight the backend never grants.
pub const CSRF_HEADER: &str = "x-topocloud-csrf";
pub const CSRF_HEADER_VALUE: &str = "1";

pub use routes::paths;
