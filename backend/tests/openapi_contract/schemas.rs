//! (b) schemas named after Rust types: the same members and the same `required` lists as
//! serde has, and every component schema is held to one.

use crate::json_schema::{assert_valid, minimal};
use crate::spec::{object_keys, property_names, schema, set, spec, strings};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Value};
use topocloud_contract::{
    field_codes, AcceptInvitationRequest, AccountEmail, AccountType, CompletePasswordResetRequest,
    ErrorCode, FieldError, InvitationDetails, LinkLifetimes, Locale, PasswordPolicy,
    PasswordResetDetails, PasswordResetRequest, PasswordRule, Problem, RegistrationRequest,
    ResendVerificationRequest, SessionInfo, SignInRequest, SiteConfig, SsoProvider, TokenRequest,
};

#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Direction {
    /// `required` means: serde refuses the body without it.
    Request,
    /// `required` means: always in the JSON the backend sends.
    Response,
}

/// `full` sets every optional member; `sparse` leaves out whatever can be left out.
pub(crate) fn check_type<T>(spec: &Value, name: &str, direction: Direction, full: T, sparse: T)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug,
{
    let schema = schema(spec, name);
    let documented = property_names(schema);
    let required = strings(schema.get("required"));

    let full_json = serde_json::to_value(&full).expect("serialises");
    assert_eq!(
        object_keys(&full_json),
        documented,
        "{name}: the Rust type's fields (left) differ from the schema's properties (right)"
    );
    assert_valid(spec, schema, &full_json, name);
    let back: T = serde_json::from_value(full_json).expect("round trip");
    assert_eq!(back, full, "{name} does not round-trip");

    let sparse_json = serde_json::to_value(&sparse).expect("serialises");
    assert_valid(spec, schema, &sparse_json, name);
    assert!(
        required.is_subset(&object_keys(&sparse_json)),
        "{name}: a required member is not always serialised"
    );

    let least = minimal(spec, schema);
    assert_eq!(object_keys(&least), required);
    if let Err(e) = serde_json::from_value::<T>(least.clone()) {
        panic!("{name}: the schema's required members {least} do not deserialise: {e}");
    }

    match direction {
        Direction::Request => {
            // Each required member really is required, and unknown members are ignored.
            for name_missing in &required {
                let mut body = least.clone();
                body.as_object_mut().expect("object").remove(name_missing);
                assert!(
                    serde_json::from_value::<T>(body).is_err(),
                    "{name}.{name_missing} is required in openapi.yaml but serde defaults it"
                );
            }
            assert_eq!(
                schema["additionalProperties"], true,
                "{name}: leave it open"
            );
            let mut extra = least;
            extra
                .as_object_mut()
                .expect("object")
                .insert("x-unknown".to_owned(), json!(1));
            serde_json::from_value::<T>(extra).expect("unknown members are ignored");
        }
        Direction::Response => assert_eq!(
            object_keys(&sparse_json),
            required,
            "{name}: the members always sent (left) should be exactly the required ones (right)"
        ),
    }
}

/// For a type without optional members.
pub(crate) fn check_same<T>(spec: &Value, name: &str, direction: Direction, value: T)
where
    T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug + Clone,
{
    check_type(spec, name, direction, value.clone(), value);
}

#[test]
fn session_schemas_match_the_rust_types() {
    let spec = spec();
    let sign_in = SignInRequest {
        email: "demo@topocloud.test".to_owned(),
        password: "TopoCloud-demo-2026".to_owned(),
        remember: true,
    };
    check_same(&spec, "SignInRequest", Direction::Request, sign_in);
    let info = SessionInfo {
        email: "demo@topocloud.test".to_owned(),
        name: "Demo Landmeter".to_owned(),
    };
    check_same(&spec, "SessionInfo", Direction::Response, info);
}

#[test]
fn account_schemas_match_the_rust_types() {
    let spec = spec();
    let registration = RegistrationRequest {
        name: "Jan de Vries".to_owned(),
        email: "jan@landmeetkunde.nl".to_owned(),
        password: "correct horse battery".to_owned(),
        organisation: "Landmeetkunde De Vries".to_owned(),
        accept_terms: true,
        locale: Locale::En,
    };
    check_same(
        &spec,
        "RegistrationRequest",
        Direction::Request,
        registration,
    );
    let resend = ResendVerificationRequest {
        email: "jan@landmeetkunde.nl".to_owned(),
        locale: Locale::Nl,
    };
    check_same(
        &spec,
        "ResendVerificationRequest",
        Direction::Request,
        resend,
    );
    let token = TokenRequest {
        token: "ab".repeat(32),
    };
    check_same(&spec, "TokenRequest", Direction::Request, token);
    let email = AccountEmail {
        email: "jan@landmeetkunde.nl".to_owned(),
    };
    check_same(&spec, "AccountEmail", Direction::Response, email);
    let invitation = InvitationDetails {
        organisation: "Bureau Zuid".to_owned(),
        inviter: "Piet Bakker".to_owned(),
        email: "eva@zuid.test".to_owned(),
        name: "Eva Jansen".to_owned(),
        account_type: AccountType::Employee,
        project: Some("Kadastrale meting Zuid".to_owned()),
        expires_at: 1_790_000_000,
    };
    let sparse = InvitationDetails {
        name: String::new(),
        account_type: AccountType::Main,
        project: None,
        ..invitation.clone()
    };
    check_type(
        &spec,
        "InvitationDetails",
        Direction::Response,
        invitation,
        sparse,
    );
    let accept = AcceptInvitationRequest {
        token: "ab".repeat(32),
        name: "Eva Jansen".to_owned(),
        password: "Meetlat-en-theodoliet".to_owned(),
    };
    check_same(&spec, "AcceptInvitationRequest", Direction::Request, accept);
    let reset = PasswordResetRequest {
        email: "demo@topocloud.test".to_owned(),
        locale: Locale::En,
    };
    check_same(&spec, "PasswordResetRequest", Direction::Request, reset);
    let details = PasswordResetDetails {
        email: "demo@topocloud.test".to_owned(),
        expires_at: 1_790_000_000,
    };
    check_same(&spec, "PasswordResetDetails", Direction::Response, details);
    let complete = CompletePasswordResetRequest {
        token: "ab".repeat(32),
        password: "Meetlat-en-theodoliet".to_owned(),
    };
    check_same(
        &spec,
        "CompletePasswordResetRequest",
        Direction::Request,
        complete,
    );
}

#[test]
fn site_config_schemas_match_the_rust_types() {
    let spec = spec();
    let provider = SsoProvider {
        id: "microsoft".to_owned(),
        label: "Microsoft".to_owned(),
    };
    check_type(
        &spec,
        "SsoProvider",
        Direction::Response,
        provider.clone(),
        provider.clone(),
    );
    let policy = PasswordPolicy::legacy_product();
    check_type(
        &spec,
        "PasswordPolicy",
        Direction::Response,
        policy.clone(),
        PasswordPolicy::recommended(),
    );
    let config = SiteConfig {
        registration_open: true,
        sso_providers: vec![provider],
        password_policy: policy,
        link_lifetimes: Some(LinkLifetimes {
            verify_email_seconds: 7200,
            reset_seconds: 900,
            invitation_seconds: 3 * 86_400,
        }),
        passkeys: true,
    };
    let sparse = SiteConfig {
        registration_open: false,
        sso_providers: Vec::new(),
        password_policy: PasswordPolicy::recommended(),
        link_lifetimes: None,
        passkeys: false,
    };
    check_type(
        &spec,
        "LinkLifetimes",
        Direction::Response,
        LinkLifetimes::default(),
        LinkLifetimes::default(),
    );
    check_type(&spec, "SiteConfig", Direction::Response, config, sparse);
}

#[test]
fn problem_schemas_match_the_rust_types() {
    let spec = spec();
    let field = FieldError {
        field: "password".to_owned(),
        code: PasswordRule::NotCommon.code().to_owned(),
    };
    check_type(
        &spec,
        "FieldError",
        Direction::Response,
        field.clone(),
        FieldError {
            field: "email".to_owned(),
            code: field_codes::INVALID_EMAIL.to_owned(),
        },
    );
    let mut full = Problem::new(410, ErrorCode::InvitationExpired, "Invitation expired");
    full.errors = vec![field];
    full.email = Some("eva@zuid.test".to_owned());
    full.inviter = Some("Piet Bakker".to_owned());
    let sparse = Problem::new(401, ErrorCode::NotSignedIn, "Not signed in");
    check_type(&spec, "Problem", Direction::Response, full, sparse);
}

#[test]
fn every_component_schema_is_checked_against_a_rust_type() {
    // The schemas the tests above and below hold to a Rust type; a schema added to the
    // yaml without a test here would drift unnoticed.
    let checked = set([
        "SignInRequest",
        "SessionInfo",
        "RegistrationRequest",
        "ResendVerificationRequest",
        "TokenRequest",
        "AccountEmail",
        "AccountType",
        "InvitationDetails",
        "AcceptInvitationRequest",
        "PasswordResetRequest",
        "PasswordResetDetails",
        "CompletePasswordResetRequest",
        "Locale",
        "SiteConfig",
        "LinkLifetimes",
        "SsoProvider",
        "PasswordPolicy",
        "PasswordRule",
        "FieldCode",
        "FieldError",
        "ErrorCode",
        "Problem",
        "SsoErrorCode",
        // openapi_contract/passkey_schemas.rs
        "PasskeyOptions",
        "PasskeySignIn",
        "NewPasskey",
        "PasskeyRename",
        "PasskeySummary",
        "PublicKeyCredentialRequestOptionsJSON",
        "PublicKeyCredentialCreationOptionsJSON",
        "RegistrationResponseJSON",
        "AuthenticationResponseJSON",
        // openapi_contract/security_schemas.rs
        "SecondStepKind",
        "SecondStepRequired",
        "SecondStepState",
        "SecondStepRequest",
        "TotpSetup",
        "QrCode",
        "CodeRequest",
        "RecoveryCodes",
        "EnrolledSignIn",
        "Confirmation",
        "ChangePasswordRequest",
        "AccountSecurity",
        "SessionSummary",
        "SessionsEnded",
    ]);
    assert_eq!(object_keys(&spec()["components"]["schemas"]), checked);
}
