//! Turning two-step verification on (setup, confirm), off, and renewing recovery codes.

use crate::support::two_step::{code, enable, get, sign_in, start_of_step, PASSWORD};
use crate::support::{mail_to, post, TestBackend};
use crate::{signed_in, EMAIL};
use reqwest::StatusCode;
use serde_json::{json, Value};
use topocloud_contract::paths;

#[tokio::test]
async fn setup_shows_the_key_as_text_uri_and_qr_code() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let (status, _, setup) = post(&c, &b, paths::TWO_STEP_SETUP, json!(null)).await;
    assert_eq!(status, StatusCode::OK);
    let secret = setup["secret"].as_str().expect("secret");
    assert_eq!(secret.len(), 32, "20 bytes of base32 without padding");
    assert!(!secret.contains('='));
    assert_eq!(
        setup["otpauth_uri"],
        format!("otpauth://totp/TopoCloud:eva%40zuid.test?secret={secret}&issuer=TopoCloud&algorithm=SHA1&digits=6&period=30")
    );
    let size = setup["qr"]["size"].as_i64().expect("size");
    assert!(size >= 21 + 8, "{size}");
    let path = setup["qr"]["path"].as_str().expect("path");
    assert!(path.starts_with("M4 4h7v1h-7z"), "{}", &path[..30]);
    // Not on until confirmed.
    let (_, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(security["two_step"], false);
    // A second setup replaces the first key.
    let (_, _, again) = post(&c, &b, paths::TWO_STEP_SETUP, json!(null)).await;
    assert_ne!(again["secret"], setup["secret"]);
    start_of_step(&b);
    let old_key = json!({"code": code(&b, secret, 0)});
    let (status, _, problem) = post(&c, &b, paths::TWO_STEP_CONFIRM, old_key).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "code_invalid");
}

#[tokio::test]
async fn confirming_turns_it_on_with_ten_recovery_codes_and_an_email() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let (_, codes) = enable(&c, &b).await;
    assert_eq!(codes.len(), 10);
    let alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    for code in &codes {
        assert_eq!(code.len(), 11, "{code}");
        assert_eq!(&code[5..6], "-");
        assert!(code
            .chars()
            .filter(|c| *c != '-')
            .all(|c| alphabet.contains(c)));
    }
    let stored: Vec<String> = {
        let conn = b.state.db.conn();
        let mut statement = conn
            .prepare("SELECT hash FROM recovery_codes")
            .expect("sql");
        let rows = statement.query_map([], |r| r.get(0)).expect("rows");
        rows.map(|r| r.expect("row")).collect()
    };
    assert_eq!(stored.len(), 10);
    assert!(stored
        .iter()
        .all(|h| h.len() == 64 && !codes.iter().any(|c| h.contains(c.as_str()))));
    assert_eq!(mail_to(&b, EMAIL).await[0]["kind"], "two_step_enabled");

    let (status, _, problem) = post(&c, &b, paths::TWO_STEP_SETUP, json!(null)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["code"], "two_step_already_on");
    // Signing in now takes a code.
    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
}

#[tokio::test]
async fn confirming_without_a_live_setup_is_setup_expired() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let (status, _, problem) =
        post(&c, &b, paths::TWO_STEP_CONFIRM, json!({"code": "123456"})).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(problem["code"], "setup_expired");
    let (_, _, setup) = post(&c, &b, paths::TWO_STEP_SETUP, json!(null)).await;
    let secret = setup["secret"].as_str().expect("secret").to_owned();
    b.state.clock.advance(601);
    let late = json!({"code": code(&b, &secret, 0)});
    let (status, _, problem) = post(&c, &b, paths::TWO_STEP_CONFIRM, late).await;
    assert_eq!(status, StatusCode::GONE, "a setup lasts ten minutes");
    assert_eq!(problem["code"], "setup_expired");
}

#[tokio::test]
async fn turning_it_off_needs_a_confirmation_and_ends_codes_and_trust() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let (secret, _) = enable(&c, &b).await;
    for (body, code_) in [
        (json!({}), "validation_failed"),
        (json!({"password": "Niet-het-wachtwoord"}), "wrong_password"),
        (json!({"code": code(&b, &secret, 2)}), "code_invalid"),
    ] {
        let (status, _, problem) = post(&c, &b, paths::TWO_STEP_DISABLE, body).await;
        assert_eq!(problem["code"], code_, "{status}");
    }
    let (_, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(security["two_step"], true, "still on");

    let off = json!({"code": code(&b, &secret, 0)});
    let (status, _, _) = post(&c, &b, paths::TWO_STEP_DISABLE, off).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (_, security) = get(&c, &b, paths::ACCOUNT_SECURITY).await;
    assert_eq!(
        (&security["two_step"], &security["recovery_codes_left"]),
        (&json!(false), &json!(0))
    );
    assert_eq!(mail_to(&b, EMAIL).await[0]["kind"], "two_step_disabled");
    let (status, _, _) = sign_in(&b.browser(), &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "the password alone signs in again");
    let rows: i64 = b
        .state
        .db
        .conn()
        .query_row(
            "SELECT (SELECT COUNT(*) FROM recovery_codes) + (SELECT COUNT(*) FROM totp_keys)
                  + (SELECT COUNT(*) FROM trusted_devices)",
            [],
            |r| r.get(0),
        )
        .expect("count");
    assert_eq!(rows, 0);
    // Already off: the same answer, whatever the confirmation.
    let (status, _, _) = post(&c, &b, paths::TWO_STEP_DISABLE, json!({})).await;
    assert_eq!(status, StatusCode::NO_CONTENT);
}

#[tokio::test]
async fn new_recovery_codes_replace_the_old_ones() {
    let b = TestBackend::start().await;
    let c = signed_in(&b).await;
    let (status, _, problem) = post(
        &c,
        &b,
        paths::TWO_STEP_RECOVERY_CODES,
        json!({"password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(problem["code"], "two_step_not_on");

    let (_, old) = enable(&c, &b).await;
    let (status, _, problem) = post(
        &c,
        &b,
        paths::TWO_STEP_RECOVERY_CODES,
        json!({"password": "Fout-fout-fout"}),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "wrong_password");
    let (status, _, renewed) = post(
        &c,
        &b,
        paths::TWO_STEP_RECOVERY_CODES,
        json!({"password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let new: Vec<Value> = renewed["codes"].as_array().expect("codes").clone();
    assert_eq!(new.len(), 10);
    assert!(!new.iter().any(|n| old.iter().any(|o| n == o.as_str())));

    let other = b.browser();
    sign_in(&other, &b, EMAIL, PASSWORD).await;
    let body = json!({"code": old[0], "recovery": true});
    let (status, _, _) = post(&other, &b, paths::SECOND_STEP, body).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "old codes stop working");
    let body = json!({"code": new[0], "recovery": true});
    let (status, _, _) = post(&other, &b, paths::SECOND_STEP, body).await;
    assert_eq!(status, StatusCode::OK, "new ones work");
}
