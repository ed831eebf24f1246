//! (b) for passkeys: the schemas named after the contract's types have the members and
//! `required` lists serde has, and the W3C WebAuthn JSON forms' examples are what the
//! backend's WebAuthn library reads and writes.

use crate::schemas::{check_type, Direction};
use crate::spec::{schema, spec};
use serde_json::json;
use topocloud_contract::{
    NewPasskey, PasskeyOptions, PasskeyRename, PasskeySignIn, PasskeySummary,
};
use webauthn_rs::prelude::{
    CreationChallengeResponse, PublicKeyCredential, RegisterPublicKeyCredential,
    RequestChallengeResponse,
};

#[test]
fn passkey_schemas_match_the_rust_types() {
    let spec = spec();
    let example = |name: &str| schema(&spec, name)["example"].clone();
    let request = PasskeyOptions {
        public_key: example("PublicKeyCredentialRequestOptionsJSON"),
    };
    let creation = PasskeyOptions {
        public_key: example("PublicKeyCredentialCreationOptionsJSON"),
    };
    check_type(
        &spec,
        "PasskeyOptions",
        Direction::Response,
        request,
        creation,
    );
    let sign_in = PasskeySignIn {
        credential: example("AuthenticationResponseJSON"),
        remember: true,
    };
    let sparse = PasskeySignIn {
        remember: false,
        ..sign_in.clone()
    };
    check_type(&spec, "PasskeySignIn", Direction::Request, sign_in, sparse);
    let new = NewPasskey {
        name: "Telefoon".to_owned(),
        credential: example("RegistrationResponseJSON"),
    };
    check_type(&spec, "NewPasskey", Direction::Request, new.clone(), new);
    let rename = PasskeyRename {
        name: "Werklaptop".to_owned(),
    };
    check_type(
        &spec,
        "PasskeyRename",
        Direction::Request,
        rename.clone(),
        rename,
    );
    let used = PasskeySummary {
        id: "0f1e2d3c4b5a69788796a5b4c3d2e1f0".to_owned(),
        name: "Telefoon".to_owned(),
        created_at: 1_760_000_000,
        last_used_at: Some(1_760_000_600),
        browser: Some("Chrome".to_owned()),
        system: Some("Android".to_owned()),
    };
    let fresh = PasskeySummary {
        last_used_at: None,
        browser: None,
        system: None,
        ..used.clone()
    };
    check_type(&spec, "PasskeySummary", Direction::Response, used, fresh);
}

#[test]
fn the_webauthn_json_examples_are_what_the_library_reads() {
    let spec = spec();
    let example = |name: &str| schema(&spec, name)["example"].clone();
    serde_json::from_value::<RegisterPublicKeyCredential>(example("RegistrationResponseJSON"))
        .expect("RegistrationResponseJSON as webauthn-rs reads it");
    serde_json::from_value::<PublicKeyCredential>(example("AuthenticationResponseJSON"))
        .expect("AuthenticationResponseJSON as webauthn-rs reads it");
    let creation = json!({"publicKey": example("PublicKeyCredentialCreationOptionsJSON")});
    serde_json::from_value::<CreationChallengeResponse>(creation)
        .expect("creation options as webauthn-rs writes them");
    let request = json!({"publicKey": example("PublicKeyCredentialRequestOptionsJSON")});
    serde_json::from_value::<RequestChallengeResponse>(request)
        .expect("request options as webauthn-rs writes them");
}
