//! (b) for account security: the second sign-in step's and the security page's schemas
//! have the members and `required` lists serde has.

use crate::schemas::{check_same, check_type, Direction};
use crate::spec::spec;
use topocloud_contract::{
    AccountSecurity, ChangePasswordRequest, CodeRequest, Confirmation, EnrolledSignIn, QrCode,
    RecoveryCodes, SecondStepKind, SecondStepRequest, SecondStepRequired, SecondStepState,
    SessionInfo, SessionSummary, SessionsEnded, TotpSetup,
};

#[test]
fn second_step_schemas_match_the_rust_types() {
    let spec = spec();
    let required = SecondStepRequired {
        second_step: SecondStepKind::Enrol,
    };
    check_same(&spec, "SecondStepRequired", Direction::Response, required);
    let state = SecondStepState {
        kind: SecondStepKind::Code,
        expires_in: 300,
    };
    check_same(&spec, "SecondStepState", Direction::Response, state);
    let request = SecondStepRequest {
        code: "123456".to_owned(),
        recovery: true,
        trust_device: true,
    };
    check_same(&spec, "SecondStepRequest", Direction::Request, request);
    let qr = QrCode {
        size: 41,
        path: "M4 4h7v1h-7z".to_owned(),
    };
    check_same(&spec, "QrCode", Direction::Response, qr.clone());
    let setup = TotpSetup {
        secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP".to_owned(),
        otpauth_uri: "otpauth://totp/TopoCloud:a%40b.nl?secret=JBSWY3DPEHPK3PXP".to_owned(),
        qr,
    };
    check_same(&spec, "TotpSetup", Direction::Response, setup);
    let code = CodeRequest {
        code: "123456".to_owned(),
    };
    check_same(&spec, "CodeRequest", Direction::Request, code);
    let codes = RecoveryCodes {
        codes: vec!["ab3de-fg7hk".to_owned()],
    };
    check_same(&spec, "RecoveryCodes", Direction::Response, codes);
    let enrolled = EnrolledSignIn {
        session: SessionInfo {
            email: "eva@zuid.test".to_owned(),
            name: "Eva Jansen".to_owned(),
        },
        recovery_codes: vec!["ab3de-fg7hk".to_owned()],
    };
    check_same(&spec, "EnrolledSignIn", Direction::Response, enrolled);
}

#[test]
fn security_page_schemas_match_the_rust_types() {
    let spec = spec();
    let full = Confirmation {
        password: Some("TopoCloud-demo-2026".to_owned()),
        code: Some("123456".to_owned()),
    };
    check_type(
        &spec,
        "Confirmation",
        Direction::Request,
        full,
        Confirmation::default(),
    );
    let change = ChangePasswordRequest {
        current_password: "TopoCloud-demo-2026".to_owned(),
        new_password: "Meetlat-en-theodoliet".to_owned(),
    };
    check_same(&spec, "ChangePasswordRequest", Direction::Request, change);
    let security = AccountSecurity {
        has_password: true,
        two_step: true,
        recovery_codes_left: 9,
        two_step_required: false,
        recent_sign_in_for: 420,
    };
    check_same(&spec, "AccountSecurity", Direction::Response, security);
    let summary = SessionSummary {
        id: "0f".repeat(16),
        browser: Some("Firefox".to_owned()),
        system: Some("Windows".to_owned()),
        started_at: 1_790_000_000,
        last_used_at: 1_790_000_600,
        this_device: true,
    };
    let unknown = SessionSummary {
        browser: None,
        system: None,
        this_device: false,
        ..summary.clone()
    };
    check_type(
        &spec,
        "SessionSummary",
        Direction::Response,
        summary,
        unknown,
    );
    check_same(
        &spec,
        "SessionsEnded",
        Direction::Response,
        SessionsEnded { ended: 2 },
    );
}
