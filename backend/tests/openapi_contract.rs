//! `openapi.yaml` (repo root) against the Rust contract and the reference backend.
//!
//! Fails when the documented contract drifts from the code: a path added, renamed or
//! left undocumented; a field of a request or response type that the schema named after
//! it does not have (or the other way round); a `required` list that serde disagrees
//! with; an error code, password rule or field code on one side only. The live tests
//! then send each documented operation to a real backend and hold every answer to what
//! the yaml says about its status, headers, content type and body.
//!
//! Schemathesis (`scripts/schemathesis.sh`) fuzzes the same contract over HTTP; this file
//! needs no Python and also walks the happy paths that need an emailed token.

mod support;

use reqwest::header::HeaderMap;
use reqwest::StatusCode;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use support::{token_from_mail, TestBackend};
use topocloud_backend::accounts::{DEMO_EMAIL, DEMO_PASSWORD};
use topocloud_contract::{
    field_codes, paths, AcceptInvitationRequest, AccountEmail, AccountType,
    CompletePasswordResetRequest, ErrorCode, FieldError, InvitationDetails, Locale, PasswordPolicy,
    PasswordResetDetails, PasswordResetRequest, PasswordRule, Problem, RegistrationRequest,
    ResendVerificationRequest, SessionInfo, SignInRequest, SiteConfig, SsoError, SsoProvider,
    TokenRequest, CSRF_HEADER, CSRF_HEADER_VALUE, PROBLEM_CONTENT_TYPE,
};

/// Routed in `backend/src/sso.rs`; the contract crate has no constant for them.
const SSO_START: &str = "/api/sso/{provider}/start";
const SSO_CALLBACK: &str = "/api/sso/{provider}/callback";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("backend/ has a parent")
        .to_path_buf()
}

fn spec() -> Value {
    let path = repo_root().join("openapi.yaml");
    let text = std::fs::read_to_string(&path).expect("openapi.yaml at the repo root");
    serde_yaml::from_str(&text).expect("openapi.yaml is YAML with string keys")
}

fn schema<'a>(spec: &'a Value, name: &str) -> &'a Value {
    spec.pointer(&format!("/components/schemas/{name}"))
        .unwrap_or_else(|| panic!("components.schemas.{name} is missing from openapi.yaml"))
}

/// Follows a `$ref` (only local ones are used).
fn resolve<'a>(spec: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let pointer = reference
                .strip_prefix('#')
                .unwrap_or_else(|| panic!("only local $refs: {reference}"));
            resolve(
                spec,
                spec.pointer(pointer)
                    .unwrap_or_else(|| panic!("dangling $ref {reference}")),
            )
        }
        None => node,
    }
}

fn strings(node: Option<&Value>) -> BTreeSet<String> {
    node.and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .map(|v| v.as_str().expect("a string").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

fn enum_of(spec: &Value, name: &str) -> BTreeSet<String> {
    let set = strings(schema(spec, name).get("enum"));
    assert!(!set.is_empty(), "{name} has no enum in openapi.yaml");
    set
}

fn property_names(schema: &Value) -> BTreeSet<String> {
    schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.keys().cloned().collect())
        .unwrap_or_default()
}

fn object_keys(value: &Value) -> BTreeSet<String> {
    value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default()
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_owned).collect()
}

// ---------------------------------------------------------------------------------------
// A small JSON Schema checker: the subset openapi.yaml uses.

fn validate(spec: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(spec, schema);
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            validate(spec, part, value, at, errors);
        }
    }
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = any.iter().any(|part| {
            let mut e = Vec::new();
            validate(spec, part, value, at, &mut e);
            e.is_empty()
        });
        if !fits {
            errors.push(format!("{at}: {value} matches none of anyOf"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    let type_ok = match schema.get("type").and_then(Value::as_str) {
        None => true,
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("boolean") => value.is_boolean(),
        Some(other) => panic!("{at}: type {other} is not used in openapi.yaml"),
    };
    if !type_ok {
        errors.push(format!("{at}: {value} is not of type {}", schema["type"]));
        return;
    }
    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_i64),
        value.as_i64(),
    ) {
        if n < min {
            errors.push(format!("{at}: {n} < minimum {min}"));
        }
    }
    if let (Some(max), Some(n)) = (
        schema.get("maximum").and_then(Value::as_i64),
        value.as_i64(),
    ) {
        if n > max {
            errors.push(format!("{at}: {n} > maximum {max}"));
        }
    }
    if let Some(object) = value.as_object() {
        for name in strings(schema.get("required")) {
            if !object.contains_key(&name) {
                errors.push(format!("{at}: required member {name} is missing"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, member) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(sub) => validate(spec, sub, member, &format!("{at}.{name}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: member {name} is not allowed"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(spec, items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

fn assert_valid(spec: &Value, schema: &Value, value: &Value, what: &str) {
    let mut errors = Vec::new();
    validate(spec, schema, value, what, &mut errors);
    assert!(
        errors.is_empty(),
        "{what} does not fit openapi.yaml: {errors:#?}"
    );
}

/// The smallest value the schema allows: only required members, the documented example
/// where there is one, else the first enum value, else an empty value of the type.
fn minimal(spec: &Value, schema: &Value) -> Value {
    let schema = resolve(spec, schema);
    if let Some(example) = schema.get("example") {
        return example.clone();
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    {
        return first.clone();
    }
    if let Some(first) = schema
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
    {
        return minimal(spec, first);
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => {
            let mut object = Map::new();
            for name in strings(schema.get("required")) {
                let sub = schema
                    .pointer(&format!("/properties/{name}"))
                    .unwrap_or_else(|| panic!("required {name} has no property schema"));
                object.insert(name, minimal(spec, sub));
            }
            Value::Object(object)
        }
        Some("array") => json!([]),
        Some("string") => json!("x"),
        Some("integer") => json!(schema.get("minimum").and_then(Value::as_i64).unwrap_or(0)),
        Some("boolean") => json!(false),
        other => panic!("no minimal value for type {other:?}"),
    }
}

// ---------------------------------------------------------------------------------------
// (a) paths

/// The string constants of `pub mod <module>` in contract/src/lib.rs, read from the source
/// so that a constant added there and not here fails the test.
fn contract_module_constants(module: &str) -> BTreeSet<String> {
    let source = std::fs::read_to_string(repo_root().join("contract/src/lib.rs"))
        .expect("contract/src/lib.rs");
    let start = source
        .find(&format!("pub mod {module} {{"))
        .unwrap_or_else(|| panic!("no `pub mod {module}` in contract/src/lib.rs"));
    let body = &source[start..];
    let body = &body[..body.find("\n}").expect("end of module")];
    body.lines()
        .filter(|line| line.trim_start().starts_with("pub const"))
        .filter_map(|line| line.split('"').nth(1))
        .map(str::to_owned)
        .collect()
}

/// Every `.route("/api/…", …)` written as a literal in backend/src (not dev/), such as
/// the SSO routes; the others use `topocloud_contract::paths`.
fn literal_api_routes() -> BTreeSet<String> {
    fn walk(dir: &Path, found: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).expect("read backend/src") {
            let path = entry.expect("dir entry").path();
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "dev") {
                    walk(&path, found);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("read source");
            for (i, _) in source.match_indices(".route(") {
                let rest = source[i + ".route(".len()..].trim_start();
                if let Some(literal) = rest.strip_prefix('"').and_then(|r| r.split('"').next()) {
                    if literal.starts_with("/api/") {
                        found.insert(literal.to_owned());
                    }
                }
            }
        }
    }
    let mut found = BTreeSet::new();
    walk(&repo_root().join("backend/src"), &mut found);
    // The catch-all that answers `404 not_found` for everything else.
    found.remove("/api/{*rest}");
    found
}

fn contract_paths() -> BTreeSet<String> {
    set([
        paths::CONFIG,
        paths::SESSION,
        paths::REGISTRATIONS,
        paths::EMAIL_VERIFICATIONS,
        paths::EMAIL_VERIFICATIONS_RESEND,
        paths::INVITATIONS_LOOKUP,
        paths::INVITATIONS_ACCEPT,
        paths::PASSWORD_RESETS,
        paths::PASSWORD_RESETS_LOOKUP,
        paths::PASSWORD_RESETS_COMPLETE,
    ])
}

fn documented_paths(spec: &Value) -> BTreeSet<String> {
    object_keys(&spec["paths"])
}

#[test]
fn the_test_lists_every_path_constant_of_the_contract() {
    assert_eq!(
        contract_paths(),
        contract_module_constants("paths"),
        "topocloud_contract::paths changed: update contract_paths() here and openapi.yaml"
    );
}

#[test]
fn every_api_route_is_documented_and_nothing_else() {
    let spec = spec();
    let literal = literal_api_routes();
    assert_eq!(
        literal,
        set([SSO_START, SSO_CALLBACK]),
        "backend/src routes /api paths by literal that are not the SSO ones"
    );
    let mut routed = contract_paths();
    routed.extend(literal);
    let documented = documented_paths(&spec);
    let undocumented: Vec<_> = routed.difference(&documented).collect();
    let unrouted: Vec<_> = documented.difference(&routed).collect();
    assert!(
        undocumented.is_empty() && unrouted.is_empty(),
        "not in openapi.yaml: {undocumented:?}; in openapi.yaml but not a route: {unrouted:?}"
    );
    assert!(documented.iter().all(|p| p.starts_with("/api/")));
}

// ---------------------------------------------------------------------------------------
// Rules every operation follows

const METHODS: [&str; 4] = ["get", "post", "put", "delete"];

fn operations(spec: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                out.push((method.to_owned(), path.clone(), op.clone()));
            }
        }
    }
    out
}

fn parameters(spec: &Value, op: &Value) -> Vec<Value> {
    op.get("parameters")
        .and_then(Value::as_array)
        .map(|ps| ps.iter().map(|p| resolve(spec, p).clone()).collect())
        .unwrap_or_default()
}

#[test]
fn every_write_requires_the_csrf_header_and_documents_its_refusal() {
    let spec = spec();
    for (method, path, op) in operations(&spec) {
        let csrf = parameters(&spec, &op)
            .into_iter()
            .find(|p| p["in"] == "header" && p["name"] == CSRF_HEADER);
        if method == "get" {
            assert!(csrf.is_none(), "{method} {path} asks for the CSRF header");
            continue;
        }
        let csrf = csrf.unwrap_or_else(|| panic!("{method} {path} lacks the CSRF header"));
        assert_eq!(csrf["required"], true, "{method} {path}");
        assert_eq!(csrf["schema"]["enum"], json!([CSRF_HEADER_VALUE]));
        let refusal = resolve(&spec, &op["responses"]["403"]);
        let codes = problem_codes(&spec, refusal);
        assert!(
            codes.contains("csrf_rejected"),
            "{method} {path}: 403 does not list csrf_rejected"
        );
    }
}

/// The `code` values a problem response's schema allows.
fn problem_codes(spec: &Value, response: &Value) -> BTreeSet<String> {
    let schema = resolve(spec, &response["content"][PROBLEM_CONTENT_TYPE]["schema"]);
    let parts = schema["allOf"].as_array().cloned().unwrap_or_default();
    parts
        .iter()
        .flat_map(|part| strings(part.pointer("/properties/code/enum")))
        .collect()
}

#[test]
fn every_answer_is_no_store_and_every_error_is_a_known_problem_code() {
    let spec = spec();
    let known = enum_of(&spec, "ErrorCode");
    for (method, path, op) in operations(&spec) {
        let responses = op["responses"].as_object().expect("responses");
        assert!(!responses.is_empty(), "{method} {path} has no responses");
        for (status, response) in responses {
            let response = resolve(&spec, response);
            let at = format!("{method} {path} {status}");
            let cache = resolve(&spec, &response["headers"]["Cache-Control"]);
            assert_eq!(cache["required"], true, "{at}: Cache-Control");
            assert_eq!(cache["schema"]["enum"], json!(["no-store"]), "{at}");
            let code: u16 = status.parse().expect("numeric status");
            if code >= 400 {
                let content = object_keys(&response["content"]);
                assert_eq!(content, set([PROBLEM_CONTENT_TYPE]), "{at}: content");
                let codes = problem_codes(&spec, response);
                assert!(!codes.is_empty(), "{at}: says nothing about its codes");
                let unknown: Vec<_> = codes.difference(&known).collect();
                assert!(
                    unknown.is_empty(),
                    "{at}: codes not in ErrorCode: {unknown:?}"
                );
            }
            if code == 429 {
                let retry = resolve(&spec, &response["headers"]["Retry-After"]);
                assert_eq!(retry["required"], true, "{at}: Retry-After");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// (b) schemas named after Rust types

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    /// `required` means: serde refuses the body without it.
    Request,
    /// `required` means: always in the JSON the backend sends.
    Response,
}

/// `full` sets every optional member; `sparse` leaves out whatever can be left out.
fn check_type<T>(spec: &Value, name: &str, direction: Direction, full: T, sparse: T)
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
fn check_same<T>(spec: &Value, name: &str, direction: Direction, value: T)
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
    };
    let sparse = SiteConfig {
        registration_open: false,
        sso_providers: Vec::new(),
        password_policy: PasswordPolicy::recommended(),
    };
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
        "SsoProvider",
        "PasswordPolicy",
        "PasswordRule",
        "FieldCode",
        "FieldError",
        "ErrorCode",
        "Problem",
        "SsoErrorCode",
    ]);
    assert_eq!(object_keys(&spec()["components"]["schemas"]), checked);
}

// ---------------------------------------------------------------------------------------
// (c), (d) and the other enums

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
        NotFound => "not_found",
        InternalError => "internal_error",
        // The site's stand-in for codes from a newer backend; never sent.
        Unknown => return None,
    })
}

const ALL_ERROR_CODES: [ErrorCode; 16] = [
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
    assert_eq!(listed, contract_module_constants("field_codes"));
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
}

// ---------------------------------------------------------------------------------------
// Live: every documented operation against a real backend

/// A client that keeps no cookies and follows no redirects: it sees each answer as is.
fn raw_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).expect("a JSON body")
    }
}

async fn send(
    b: &TestBackend,
    method: &str,
    path: &str,
    body: Option<&Value>,
    csrf: bool,
) -> Answer {
    let url = b.url(&path.replace("{provider}", "microsoft"));
    let client = raw_client();
    let mut request = match method {
        "get" => client.get(url),
        "post" => client.post(url),
        "delete" => client.delete(url),
        other => panic!("no {other} in openapi.yaml"),
    };
    if csrf {
        request = request.header(CSRF_HEADER, CSRF_HEADER_VALUE);
    }
    if let Some(body) = body {
        request = request.json(body);
    }
    let res = request.send().await.expect("request");
    Answer {
        status: res.status(),
        headers: res.headers().clone(),
        body: res.bytes().await.expect("body").to_vec(),
    }
}

/// The literal runs of a regular expression, in order: what is left after dropping
/// anchors, groups, character classes and quantifiers. Enough for the header patterns in
/// openapi.yaml without a regex engine (Schemathesis checks them exactly).
fn literal_runs(pattern: &str) -> Vec<String> {
    let mut runs = vec![String::new()];
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        let skip_to = match c {
            '^' | '$' => None,
            '(' => Some(')'),
            '[' => Some(']'),
            '{' => Some('}'),
            '?' | '*' | '+' => None,
            '\\' => {
                if let Some(escaped) = chars.next() {
                    runs.last_mut().expect("a run").push(escaped);
                }
                continue;
            }
            _ => {
                runs.last_mut().expect("a run").push(c);
                continue;
            }
        };
        if let Some(end) = skip_to {
            for d in chars.by_ref() {
                if d == end {
                    break;
                }
            }
        }
        // A construct ends a run; a quantifier also takes the character before it.
        if matches!(c, '?' | '*' | '+' | '{') {
            runs.last_mut().expect("a run").pop();
        }
        runs.push(String::new());
    }
    runs.into_iter().filter(|r| !r.is_empty()).collect()
}

fn matches_loosely(pattern: &str, text: &str) -> bool {
    let mut rest = text;
    for run in literal_runs(pattern) {
        match rest.find(&run) {
            Some(i) => rest = &rest[i + run.len()..],
            None => return false,
        }
    }
    true
}

#[test]
fn literal_runs_of_the_header_patterns() {
    let session = "^(__Host-)?topocloud_session=[0-9a-f]{64}; Path=/; HttpOnly; SameSite=Lax";
    assert_eq!(
        literal_runs(session),
        vec!["topocloud_session=", "; Path=/; HttpOnly; SameSite=Lax"]
    );
    let cookie = format!(
        "topocloud_session={}; Path=/; HttpOnly; SameSite=Lax",
        "a".repeat(64)
    );
    assert!(matches_loosely(session, &cookie));
    assert!(!matches_loosely(session, &cookie.replace("Lax", "Strict")));
    assert!(!matches_loosely(session, &cookie.replace("HttpOnly; ", "")));
}

/// Holds one answer to what openapi.yaml documents for this operation and its status.
fn conforms(spec: &Value, method: &str, path: &str, answer: &Answer) {
    let at = format!("{} {path} -> {}", method.to_uppercase(), answer.status);
    let op = &spec["paths"][path][method];
    let status = answer.status.as_u16().to_string();
    let response = op["responses"]
        .get(&status)
        .map(|r| resolve(spec, r))
        .unwrap_or_else(|| {
            panic!(
                "{at}: undocumented status (documented: {:?}); body {}",
                object_keys(&op["responses"]),
                String::from_utf8_lossy(&answer.body)
            )
        });
    if let Some(headers) = response.get("headers").and_then(Value::as_object) {
        for (name, header) in headers {
            let header = resolve(spec, header);
            let Some(value) = answer.headers.get(name.as_str()) else {
                assert_ne!(header["required"], true, "{at}: header {name} missing");
                continue;
            };
            let value = value.to_str().expect("ASCII header");
            let value = match header["schema"]["type"].as_str() {
                Some("integer") => json!(value.parse::<i64>().expect("integer header")),
                _ => json!(value),
            };
            assert_valid(spec, &header["schema"], &value, &format!("{at} {name}"));
            if let Some(pattern) = header["schema"]["pattern"].as_str() {
                let text = value.as_str().unwrap_or_default();
                assert!(
                    matches_loosely(pattern, text),
                    "{at} {name}: {text:?} does not match {pattern:?}"
                );
            }
        }
    }
    match response.get("content").and_then(Value::as_object) {
        None => assert!(
            answer.body.is_empty(),
            "{at}: documented without a body, got {}",
            String::from_utf8_lossy(&answer.body)
        ),
        Some(content) => {
            let content_type = answer
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let (media, media_type) = content
                .iter()
                .find(|(media, _)| content_type.starts_with(media.as_str()))
                .unwrap_or_else(|| panic!("{at}: content type {content_type:?} undocumented"));
            assert!(media.contains("json"), "{at}: {media}");
            assert_valid(spec, &media_type["schema"], &answer.json(), &at);
        }
    }
}

#[tokio::test]
async fn every_documented_operation_is_routed_and_answers_as_documented() {
    let spec = spec();
    let b = TestBackend::start().await;
    for (method, path, op) in operations(&spec) {
        let body = op
            .pointer("/requestBody/content/application~1json/schema")
            .map(|schema| minimal(&spec, schema));
        let answer = send(&b, &method, &path, body.as_ref(), method != "get").await;
        assert_ne!(
            answer.status,
            StatusCode::METHOD_NOT_ALLOWED,
            "{method} {path}"
        );
        if answer.status == StatusCode::NOT_FOUND {
            assert_ne!(
                answer.json()["code"],
                "not_found",
                "{method} {path} is not routed"
            );
        }
        conforms(&spec, &method, &path, &answer);
        if method != "get" {
            let refused = send(&b, &method, &path, body.as_ref(), false).await;
            assert_eq!(refused.status, StatusCode::FORBIDDEN, "{method} {path}");
            assert_eq!(refused.json()["code"], "csrf_rejected");
            conforms(&spec, &method, &path, &refused);
        }
    }
}

/// The answers fuzzing cannot reach, because they need a token from an email.
#[tokio::test]
async fn the_emailed_token_flows_answer_as_documented() {
    let spec = spec();
    let b = TestBackend::start().await;
    let c = |method: &'static str, path: &'static str, body: Value| {
        let b = &b;
        async move { (method, path, send(b, method, path, Some(&body), true).await) }
    };
    let mut answers = Vec::new();

    // Sign-in, as the demo account.
    answers.push(
        c(
            "post",
            paths::SESSION,
            json!({"email": DEMO_EMAIL, "password": DEMO_PASSWORD, "remember": true}),
        )
        .await,
    );

    // Password reset.
    answers.push(c("post", paths::PASSWORD_RESETS, json!({"email": DEMO_EMAIL})).await);
    let token = token_from_mail(&b, DEMO_EMAIL, "/users/reset-password").await;
    answers.push(
        c(
            "post",
            paths::PASSWORD_RESETS_LOOKUP,
            json!({ "token": token }),
        )
        .await,
    );
    let weak = json!({"token": token, "password": "short"});
    answers.push(c("post", paths::PASSWORD_RESETS_COMPLETE, weak).await);
    let strong = json!({"token": token, "password": "Meetlat-en-theodoliet"});
    answers.push(c("post", paths::PASSWORD_RESETS_COMPLETE, strong.clone()).await);
    answers.push(c("post", paths::PASSWORD_RESETS_COMPLETE, strong).await);

    // Registration and email verification.
    let registration = json!({"name": "Jan de Vries", "email": "jan@landmeetkunde.test",
        "password": "Meetlat-en-theodoliet", "organisation": "De Vries", "accept_terms": true});
    answers.push(c("post", paths::REGISTRATIONS, registration).await);
    let email = json!({"email": "jan@landmeetkunde.test", "password": "Meetlat-en-theodoliet"});
    answers.push(c("post", paths::SESSION, email).await);
    let resend = json!({"email": "jan@landmeetkunde.test", "locale": "en"});
    answers.push(c("post", paths::EMAIL_VERIFICATIONS_RESEND, resend).await);
    let token = token_from_mail(&b, "jan@landmeetkunde.test", "/users/verify-email").await;
    answers.push(
        c(
            "post",
            paths::EMAIL_VERIFICATIONS,
            json!({ "token": token }),
        )
        .await,
    );
    answers.push(
        c(
            "post",
            paths::EMAIL_VERIFICATIONS,
            json!({ "token": token }),
        )
        .await,
    );

    // An invitation.
    let invite = json!({"email": "eva@zuid.test", "organisation": "Bureau Zuid",
        "account_type": "main", "inviter": "Piet Bakker"});
    let (status, _, _) =
        support::post(&reqwest::Client::new(), &b, "/dev/api/invitations", invite).await;
    assert_eq!(status, StatusCode::CREATED);
    let token = token_from_mail(&b, "eva@zuid.test", "/users/invitation").await;
    answers.push(c("post", paths::INVITATIONS_LOOKUP, json!({ "token": token })).await);
    let accept = json!({"token": token, "name": "Eva Jansen", "password": "Meetlat-en-theodoliet"});
    answers.push(c("post", paths::INVITATIONS_ACCEPT, accept.clone()).await);
    answers.push(c("post", paths::INVITATIONS_LOOKUP, json!({ "token": token })).await);
    answers.push(c("post", paths::INVITATIONS_ACCEPT, accept).await);

    // Too many failed sign-ins.
    for _ in 0..6 {
        let wrong = json!({"email": "nobody@topocloud.test", "password": "wrong"});
        answers.push(c("post", paths::SESSION, wrong).await);
    }

    let statuses: Vec<(&str, u16)> = answers
        .iter()
        .map(|(_, path, a)| (*path, a.status.as_u16()))
        .collect();
    assert_eq!(
        statuses,
        vec![
            (paths::SESSION, 200),
            (paths::PASSWORD_RESETS, 202),
            (paths::PASSWORD_RESETS_LOOKUP, 200),
            (paths::PASSWORD_RESETS_COMPLETE, 422),
            (paths::PASSWORD_RESETS_COMPLETE, 200),
            (paths::PASSWORD_RESETS_COMPLETE, 410),
            (paths::REGISTRATIONS, 202),
            (paths::SESSION, 403),
            (paths::EMAIL_VERIFICATIONS_RESEND, 202),
            (paths::EMAIL_VERIFICATIONS, 200),
            (paths::EMAIL_VERIFICATIONS, 410),
            (paths::INVITATIONS_LOOKUP, 200),
            (paths::INVITATIONS_ACCEPT, 200),
            (paths::INVITATIONS_LOOKUP, 410),
            (paths::INVITATIONS_ACCEPT, 410),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 401),
            (paths::SESSION, 429),
        ],
        "the flows went differently than this test expects"
    );
    for (method, path, answer) in &answers {
        conforms(&spec, method, path, answer);
    }
}

/// What a browser or an attacker can put in an SSO URL or cookie still gets a documented
/// answer (a 303 to the login page), never a plain-text 400 or a dropped connection.
#[tokio::test]
async fn hostile_sso_input_still_answers_as_documented() {
    let spec = spec();
    let b = TestBackend::start().await;
    let client = raw_client();
    // Not UTF-8 once percent-decoded.
    for path in [SSO_START, SSO_CALLBACK] {
        let url = b.url(&path.replace("{provider}", "%FF"));
        let res = client.get(url).send().await.expect("request");
        let answer = Answer {
            status: res.status(),
            headers: res.headers().clone(),
            body: res.bytes().await.expect("body").to_vec(),
        };
        conforms(&spec, "get", path, &answer);
        assert_eq!(
            answer.headers["location"],
            SsoError::UnknownProvider.login_location().as_str()
        );
    }
    // A flow cookie whose start time is as far in the past as an i64 goes.
    for issued_at in [i64::MIN, i64::MAX] {
        let url = b.url("/api/sso/microsoft/callback?state=ab&code=cd");
        let res = client
            .get(url)
            .header("cookie", format!("topocloud_sso={issued_at}.ab.cd."))
            .send()
            .await
            .expect("the backend answers");
        let answer = Answer {
            status: res.status(),
            headers: res.headers().clone(),
            body: res.bytes().await.expect("body").to_vec(),
        };
        conforms(&spec, "get", SSO_CALLBACK, &answer);
        assert_eq!(
            answer.headers["location"],
            SsoError::StateMismatch.login_location().as_str()
        );
    }
}
