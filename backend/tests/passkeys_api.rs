//! Passkeys over real HTTP against a real SQLite file, with a software authenticator
//! (support/authenticator.rs) answering as a browser's `credential.toJSON()` would:
//! adding one on the account page, listing, renaming and removing it, and signing in
//! with it through the discoverable flow (the button and the email field's autofill).

mod support;

use reqwest::StatusCode;
use serde_json::{json, Value};
use support::authenticator::{b64, unb64, SoftPasskey};
use support::two_step::{account, browser_as, enable, get, set_cookie, sign_in, PASSWORD};
use support::{mail_to, post, TestBackend};
use topocloud_contract::paths;

const EMAIL: &str = "eva@zuid.test";
const OTHER: &str = "piet@noord.test";
/// What the site's origin is in these tests: a host name, as WebAuthn needs.
const ORIGIN: &str = "http://localhost:8080";
const CHROME_ANDROID: &str = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36";

async fn backend() -> TestBackend {
    TestBackend::start_with(|c| c.public_url = ORIGIN.to_owned()).await
}

/// A browser signed in to a fresh account `email` with [`PASSWORD`].
async fn signed_in(b: &TestBackend, email: &str) -> reqwest::Client {
    account(b, email);
    let c = browser_as(CHROME_ANDROID);
    let (status, _, _) = sign_in(&c, b, email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    c
}

/// Adds a passkey named `name` to the account signed in on `c`; returns its summary.
async fn add_passkey(
    c: &reqwest::Client,
    b: &TestBackend,
    authenticator: &mut SoftPasskey,
    name: &str,
) -> Value {
    let (status, _, options) = post(c, b, paths::PASSKEY_REGISTRATION_OPTIONS, json!(null)).await;
    assert_eq!(status, StatusCode::OK, "{options}");
    let credential = authenticator
        .create(&options["publicKey"])
        .expect("the authenticator creates one");
    let body = json!({"name": name, "credential": credential});
    let (status, _, added) = post(c, b, paths::ACCOUNT_PASSKEYS, body).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    added
}

/// Sign-in options in `c` (sets its ceremony cookie); returns `publicKey`.
async fn sign_in_options(c: &reqwest::Client, b: &TestBackend) -> Value {
    let (status, headers, options) =
        post(c, b, paths::PASSKEY_AUTHENTICATION_OPTIONS, json!(null)).await;
    assert_eq!(status, StatusCode::OK, "{options}");
    let cookie = set_cookie(&headers, "topocloud_passkey");
    for part in [
        "HttpOnly",
        "SameSite=Lax",
        "Path=/api/passkeys",
        "Max-Age=300",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }
    options["publicKey"].clone()
}

async fn finish_sign_in(
    c: &reqwest::Client,
    b: &TestBackend,
    credential: &Value,
) -> (StatusCode, reqwest::header::HeaderMap, Value) {
    post(
        c,
        b,
        paths::PASSKEY_AUTHENTICATION,
        json!({"credential": credential, "remember": true}),
    )
    .await
}

/// A fresh account with one passkey on `authenticator`, signed out again.
async fn account_with_passkey(b: &TestBackend, email: &str, authenticator: &mut SoftPasskey) {
    let c = signed_in(b, email).await;
    add_passkey(&c, b, authenticator, "Telefoon").await;
}

#[tokio::test]
async fn a_passkey_is_added_listed_renamed_and_signs_in_without_a_password() {
    let b = backend().await;
    let c = signed_in(&b, EMAIL).await;
    let mut phone = SoftPasskey::new(ORIGIN);

    let (status, headers, options) =
        post(&c, &b, paths::PASSKEY_REGISTRATION_OPTIONS, json!(null)).await;
    assert_eq!(status, StatusCode::OK, "{options}");
    let cookie = set_cookie(&headers, "topocloud_passkey");
    for part in [
        "HttpOnly",
        "SameSite=Lax",
        "Path=/api/account/passkeys",
        "Max-Age=300",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let public_key = &options["publicKey"];
    assert_eq!(
        public_key["rp"],
        json!({"id": "localhost", "name": "TopoCloud"})
    );
    assert_eq!(public_key["user"]["name"], EMAIL);
    assert_eq!(public_key["user"]["displayName"], "Eva Jansen");
    assert!(!unb64(public_key["user"]["id"].as_str().expect("user.id")).is_empty());
    assert!(unb64(public_key["challenge"].as_str().expect("challenge")).len() >= 16);
    assert_eq!(
        public_key["authenticatorSelection"]["residentKey"],
        "required"
    );
    assert_eq!(
        public_key["authenticatorSelection"]["requireResidentKey"],
        true
    );
    assert_eq!(
        public_key["authenticatorSelection"]["userVerification"],
        "required"
    );
    assert!(public_key["pubKeyCredParams"]
        .as_array()
        .expect("algorithms")
        .contains(&json!({"type": "public-key", "alg": -7})));
    assert_eq!(public_key["excludeCredentials"], json!([]));

    let credential = phone.create(public_key).expect("created");
    let body = json!({"name": "  Mijn   telefoon ", "credential": credential});
    let (status, headers, added) = post(&c, &b, paths::ACCOUNT_PASSKEYS, body).await;
    assert_eq!(status, StatusCode::CREATED, "{added}");
    assert!(set_cookie(&headers, "topocloud_passkey").contains("Max-Age=0"));
    assert_eq!(added["name"], "Mijn telefoon");
    assert_eq!(added["browser"], "Chrome");
    assert_eq!(added["system"], "Android");
    assert_eq!(added["last_used_at"], Value::Null);
    assert_eq!(added["created_at"], b.state.clock.now());
    let id = added["id"].as_str().expect("id").to_owned();
    assert_ne!(id, b64(&phone.credentials[0].id), "never the credential id");

    let mails = mail_to(&b, EMAIL).await;
    assert_eq!(mails[0]["kind"], "passkey_added", "{mails:?}");
    assert!(mails[0]["text"]
        .as_str()
        .expect("text")
        .contains("Mijn telefoon"));

    let (status, list) = get(&c, &b, paths::ACCOUNT_PASSKEYS).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(list, json!([added]));

    let renamed = json!({"name": " Pixel 8 "});
    let (status, _, summary) = post(&c, &b, &paths::account_passkey(&id), renamed).await;
    assert_eq!(status, StatusCode::OK, "{summary}");
    assert_eq!(summary["name"], "Pixel 8");
    for wrong in ["   ", &"x".repeat(65)] {
        let (status, _, problem) =
            post(&c, &b, &paths::account_passkey(&id), json!({"name": wrong})).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
        assert_eq!(problem["code"], "validation_failed");
        assert_eq!(problem["errors"][0]["field"], "name");
    }

    // Another browser, no password: the button (or the autofill).
    b.state.clock.advance(90);
    let laptop = b.browser();
    let public_key = sign_in_options(&laptop, &b).await;
    assert_eq!(public_key["rpId"], "localhost");
    assert!(public_key
        .get("allowCredentials")
        .is_none_or(|list| list == &json!([])));
    assert_eq!(public_key["userVerification"], "required");
    let assertion = phone.get(&public_key);
    let (status, headers, session) = finish_sign_in(&laptop, &b, &assertion).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session, json!({"email": EMAIL, "name": "Eva Jansen"}));
    assert!(set_cookie(&headers, "topocloud_session").contains("Max-Age=2592000"));
    assert!(set_cookie(&headers, "topocloud_passkey").contains("Max-Age=0"));
    let (status, who) = get(&laptop, &b, paths::SESSION).await;
    assert_eq!((status, &who["email"]), (StatusCode::OK, &json!(EMAIL)));
    // A passkey sign-in is a recent one.
    let (_, security) = get(&laptop, &b, paths::ACCOUNT_SECURITY).await;
    assert!(
        security["recent_sign_in_for"].as_u64() > Some(0),
        "{security}"
    );

    let (_, list) = get(&laptop, &b, paths::ACCOUNT_PASSKEYS).await;
    assert_eq!(list[0]["last_used_at"], b.state.clock.now());
    assert_eq!(list[0]["name"], "Pixel 8");
    // The signature counter and the backup state (synced since) are kept.
    let stored: String = b
        .state
        .db
        .conn()
        .query_row("SELECT passkey FROM passkeys", [], |r| r.get(0))
        .expect("stored passkey");
    let stored: Value = serde_json::from_str(&stored).expect("json");
    assert_eq!(stored["cred"]["counter"], 1, "{stored}");
    assert_eq!(stored["cred"]["backup_state"], true, "{stored}");
}

#[tokio::test]
async fn the_options_json_holds_to_the_webauthn_json_forms() {
    let b = backend().await;
    let c = signed_in(&b, EMAIL).await;
    let (_, _, options) = post(&c, &b, paths::PASSKEY_REGISTRATION_OPTIONS, json!(null)).await;
    let creation = options["publicKey"].as_object().expect("object");
    // No nulls: parseCreationOptionsFromJSON would refuse them for dictionary members.
    fn no_nulls(value: &Value, at: &str) {
        match value {
            Value::Null => panic!("null at {at}"),
            Value::Object(map) => map
                .iter()
                .for_each(|(k, v)| no_nulls(v, &format!("{at}.{k}"))),
            Value::Array(list) => list.iter().for_each(|v| no_nulls(v, at)),
            _ => {}
        }
    }
    no_nulls(&options, "options");
    for member in ["rp", "user", "challenge", "pubKeyCredParams"] {
        assert!(creation.contains_key(member), "{member}: {options}");
    }
    let (_, _, request) = post(&c, &b, paths::PASSKEY_AUTHENTICATION_OPTIONS, json!(null)).await;
    no_nulls(&request, "request");
    assert!(request["publicKey"]["challenge"].is_string(), "{request}");
    assert_eq!(
        request.as_object().map(|o| o.len()),
        Some(1),
        "only publicKey: {request}"
    );
}

#[tokio::test]
async fn a_passkey_is_both_steps_even_with_two_step_verification_or_an_organisation_requiring_it() {
    let b = backend().await;
    let c = signed_in(&b, EMAIL).await;
    enable(&c, &b).await;
    let mut phone = SoftPasskey::new(ORIGIN);
    add_passkey(&c, &b, &mut phone, "Telefoon").await;
    // The password asks for a code now; the passkey does not.
    let other = b.browser();
    let (status, _, _) = sign_in(&other, &b, EMAIL, PASSWORD).await;
    assert_eq!(status, StatusCode::ACCEPTED);
    let public_key = sign_in_options(&other, &b).await;
    let (status, _, session) = finish_sign_in(&other, &b, &phone.get(&public_key)).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    let (status, _) = get(&other, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::OK);

    // An organisation that requires two-step verification of an account without it.
    let (status, _, _) = post(
        &reqwest::Client::new(),
        &b,
        "/dev/api/organisations/two-step",
        json!({"email": OTHER, "required": true}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "no such account yet");
    let mut key = SoftPasskey::new(ORIGIN);
    account_with_passkey(&b, OTHER, &mut key).await;
    let (status, _, _) = post(
        &reqwest::Client::new(),
        &b,
        "/dev/api/organisations/two-step",
        json!({"email": OTHER, "required": true}),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let third = b.browser();
    let (status, _, body) = sign_in(&third, &b, OTHER, PASSWORD).await;
    assert_eq!(
        (status, body),
        (StatusCode::ACCEPTED, json!({"second_step": "enrol"}))
    );
    let public_key = sign_in_options(&third, &b).await;
    let (status, _, session) = finish_sign_in(&third, &b, &key.get(&public_key)).await;
    assert_eq!(status, StatusCode::OK, "{session}");
    assert_eq!(session["email"], OTHER);
}

#[tokio::test]
async fn an_assertion_works_once_and_only_with_the_cookie_of_its_own_options() {
    let b = backend().await;
    let mut phone = SoftPasskey::new(ORIGIN);
    account_with_passkey(&b, EMAIL, &mut phone).await;

    // Replayed: the same answer again, with the same (now used) cookie.
    let c = b.browser();
    let public_key = sign_in_options(&c, &b).await;
    let assertion = phone.get(&public_key);
    let (status, _, _) = finish_sign_in(&c, &b, &assertion).await;
    assert_eq!(status, StatusCode::OK);
    let replay = b.browser();
    let (status, _, problem) = finish_sign_in(&replay, &b, &assertion).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(problem["code"], "passkey_failed");
    // ... and with a fresh ceremony of its own: its challenge is another.
    sign_in_options(&replay, &b).await;
    let (status, _, problem) = finish_sign_in(&replay, &b, &assertion).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );
    let (status, _) = get(&replay, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // The answer to one browser's options, sent from another browser with options of its own.
    let (a, other) = (b.browser(), b.browser());
    let for_a = sign_in_options(&a, &b).await;
    sign_in_options(&other, &b).await;
    let (status, _, problem) = finish_sign_in(&other, &b, &phone.get(&for_a)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );
    // Without any cookie at all.
    let none = b.browser();
    let (status, _, problem) = finish_sign_in(&none, &b, &phone.get(&for_a)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );
    // A's own ceremony still works: the others' failures did not touch it.
    let (status, _, _) = finish_sign_in(&a, &b, &phone.get(&for_a)).await;
    assert_eq!(status, StatusCode::OK);

    // A copy of the authenticator whose counter fell behind (a cloned key) is refused.
    let mut clone = SoftPasskey::new(ORIGIN);
    clone.credentials = phone.credentials.clone();
    let public_key = sign_in_options(&a, &b).await;
    let (status, _, _) = finish_sign_in(&a, &b, &phone.get(&public_key)).await;
    assert_eq!(status, StatusCode::OK);
    let public_key = sign_in_options(&a, &b).await;
    let (status, _, problem) = finish_sign_in(&a, &b, &clone.get(&public_key)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );
}

#[tokio::test]
async fn a_challenge_is_used_once_even_when_its_answer_was_wrong_and_expires() {
    let b = backend().await;
    let mut phone = SoftPasskey::new(ORIGIN);
    account_with_passkey(&b, EMAIL, &mut phone).await;

    let c = b.browser();
    let public_key = sign_in_options(&c, &b).await;
    let mut broken = phone.get(&public_key);
    broken["response"]["signature"] = json!(b64(b"not a signature"));
    let (status, _, problem) = finish_sign_in(&c, &b, &broken).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );
    let (status, _, problem) = finish_sign_in(&c, &b, &phone.get(&public_key)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );

    // Answered after five minutes.
    let public_key = sign_in_options(&c, &b).await;
    b.state.clock.advance(301);
    let (status, _, problem) = finish_sign_in(&c, &b, &phone.get(&public_key)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );

    // The page of another origin (a phishing copy) signs nothing.
    let mut phished = SoftPasskey::new("http://localhost.evil.test:8080");
    phished.credentials = phone.credentials.clone();
    let public_key = sign_in_options(&c, &b).await;
    let (status, _, problem) = finish_sign_in(&c, &b, &phished.get(&public_key)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );

    // An authenticator that did not verify the person (no fingerprint, face or PIN).
    phone.verify_user = false;
    let public_key = sign_in_options(&c, &b).await;
    let (status, _, problem) = finish_sign_in(&c, &b, &phone.get(&public_key)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn a_removed_passkey_stops_at_once_and_other_accounts_passkeys_are_invisible() {
    let b = backend().await;
    let c = signed_in(&b, EMAIL).await;
    let mut phone = SoftPasskey::new(ORIGIN);
    let added = add_passkey(&c, &b, &mut phone, "Telefoon").await;
    let id = added["id"].as_str().expect("id").to_owned();

    let other = signed_in(&b, OTHER).await;
    let (_, list) = get(&other, &b, paths::ACCOUNT_PASSKEYS).await;
    assert_eq!(list, json!([]));
    let (status, _, problem) = post(
        &other,
        &b,
        &paths::account_passkey(&id),
        json!({"name": "Mine"}),
    )
    .await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::NOT_FOUND, &json!("not_found"))
    );
    let res = other
        .delete(b.url(&paths::account_passkey(&id)))
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = c
        .delete(b.url(&paths::account_passkey("no-such-id")))
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // The options were asked before it was removed; the answer comes after.
    let laptop = b.browser();
    let public_key = sign_in_options(&laptop, &b).await;
    // Removing needs a recent sign-in.
    b.state.clock.advance(11 * 60);
    let res = c
        .delete(b.url(&paths::account_passkey(&id)))
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let problem: Value = res.json().await.expect("problem");
    assert_eq!(problem["code"], "reauthentication_required");
    let (status, _, _) = post(
        &c,
        &b,
        paths::ACCOUNT_REAUTHENTICATE,
        json!({"password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let public_key_late = sign_in_options(&laptop, &b).await;
    let res = c
        .delete(b.url(&paths::account_passkey(&id)))
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::NO_CONTENT);
    let mails = mail_to(&b, EMAIL).await;
    assert_eq!(mails[0]["kind"], "passkey_removed", "{mails:?}");

    let (status, _, problem) = finish_sign_in(&laptop, &b, &phone.get(&public_key_late)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_unknown"))
    );
    let _ = public_key;
    let (_, list) = get(&c, &b, paths::ACCOUNT_PASSKEYS).await;
    assert_eq!(list, json!([]));
}

#[tokio::test]
async fn a_credential_is_only_good_for_its_own_account() {
    let b = backend().await;
    let mut eva = SoftPasskey::new(ORIGIN);
    account_with_passkey(&b, EMAIL, &mut eva).await;
    let mut piet = SoftPasskey::new(ORIGIN);
    account_with_passkey(&b, OTHER, &mut piet).await;

    // Eva's credential, presented with Piet's user handle: refused, no session for either.
    let c = b.browser();
    let public_key = sign_in_options(&c, &b).await;
    let mut forged = eva.get(&public_key);
    forged["response"]["userHandle"] = json!(b64(&piet.credentials[0].user_handle));
    let (status, _, problem) = finish_sign_in(&c, &b, &forged).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );
    let (status, _) = get(&c, &b, paths::SESSION).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    // Piet's credential id with Eva's handle and Eva's signature.
    let public_key = sign_in_options(&c, &b).await;
    let mut swapped = eva.get(&public_key);
    swapped["id"] = json!(b64(&piet.credentials[0].id));
    swapped["rawId"] = swapped["id"].clone();
    let (status, _, problem) = finish_sign_in(&c, &b, &swapped).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_failed"))
    );

    // Unknown here at all (a passkey of another site's account, or removed long ago).
    let mut stranger = SoftPasskey::new(ORIGIN);
    stranger.create(&json!({
        "rp": {"id": "localhost"}, "user": {"id": b64(b"someone")}, "challenge": b64(b"x")
    }));
    let public_key = sign_in_options(&c, &b).await;
    let (status, _, problem) = finish_sign_in(&c, &b, &stranger.get(&public_key)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("passkey_unknown"))
    );

    // The same authenticator is not added twice to one account (excludeCredentials).
    let again = signed_in_again(&b, EMAIL).await;
    let (_, _, options) = post(&again, &b, paths::PASSKEY_REGISTRATION_OPTIONS, json!(null)).await;
    let excluded = options["publicKey"]["excludeCredentials"]
        .as_array()
        .expect("list")
        .clone();
    assert_eq!(excluded.len(), 1);
    assert_eq!(excluded[0]["id"], b64(&eva.credentials[0].id));
    assert!(eva.create(&options["publicKey"]).is_none());
}

async fn signed_in_again(b: &TestBackend, email: &str) -> reqwest::Client {
    let c = b.browser();
    let (status, _, _) = sign_in(&c, b, email, PASSWORD).await;
    assert_eq!(status, StatusCode::OK);
    c
}

#[tokio::test]
async fn adding_needs_a_session_a_recent_sign_in_and_the_cookie_of_its_own_options() {
    let b = backend().await;
    let anonymous = b.browser();
    let (status, problem) = get(&anonymous, &b, paths::ACCOUNT_PASSKEYS).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::UNAUTHORIZED, &json!("not_signed_in"))
    );
    for (path, body) in [
        (paths::PASSKEY_REGISTRATION_OPTIONS.to_owned(), json!(null)),
        (
            paths::ACCOUNT_PASSKEYS.to_owned(),
            json!({"name": "x", "credential": {}}),
        ),
        (paths::account_passkey("x"), json!({"name": "x"})),
    ] {
        let (status, _, problem) = post(&anonymous, &b, &path, body).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{path}");
        assert_eq!(problem["code"], "not_signed_in", "{path}");
    }
    let res = anonymous
        .delete(b.url(&paths::account_passkey("x")))
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);

    let c = signed_in(&b, EMAIL).await;
    let mut phone = SoftPasskey::new(ORIGIN);
    b.state.clock.advance(11 * 60);
    let (status, _, problem) = post(&c, &b, paths::PASSKEY_REGISTRATION_OPTIONS, json!(null)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(problem["code"], "reauthentication_required");
    let (status, _, _) = post(
        &c,
        &b,
        paths::ACCOUNT_REAUTHENTICATE,
        json!({"password": PASSWORD}),
    )
    .await;
    assert_eq!(status, StatusCode::NO_CONTENT);
    let (status, _, options) = post(&c, &b, paths::PASSKEY_REGISTRATION_OPTIONS, json!(null)).await;
    assert_eq!(status, StatusCode::OK);
    let credential = phone.create(&options["publicKey"]).expect("created");

    // A wrong name leaves the ceremony: the same credential comes again with a right one.
    let (status, _, problem) = post(
        &c,
        &b,
        paths::ACCOUNT_PASSKEYS,
        json!({"name": "", "credential": credential}),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        problem["errors"],
        json!([{"field": "name", "code": "required"}])
    );

    // Another signed-in browser of the same account, without this ceremony's cookie.
    let elsewhere = signed_in_again(&b, EMAIL).await;
    let body = json!({"name": "Telefoon", "credential": credential});
    let (status, _, problem) = post(&elsewhere, &b, paths::ACCOUNT_PASSKEYS, body.clone()).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::FORBIDDEN, &json!("passkey_failed"))
    );

    let (status, _, _) = post(&c, &b, paths::ACCOUNT_PASSKEYS, body.clone()).await;
    assert_eq!(status, StatusCode::CREATED);
    // Once.
    let (status, _, problem) = post(&c, &b, paths::ACCOUNT_PASSKEYS, body).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::FORBIDDEN, &json!("passkey_failed"))
    );
    let (_, list) = get(&c, &b, paths::ACCOUNT_PASSKEYS).await;
    assert_eq!(list.as_array().map(Vec::len), Some(1));
}

#[tokio::test]
async fn every_new_write_needs_the_csrf_header() {
    let b = backend().await;
    let c = signed_in(&b, EMAIL).await;
    let mut phone = SoftPasskey::new(ORIGIN);
    let added = add_passkey(&c, &b, &mut phone, "Telefoon").await;
    let id = added["id"].as_str().expect("id");
    // A client that does not send the header: the guard answers before anything else.
    let bare = reqwest::Client::new();
    for (path, body) in [
        (
            paths::PASSKEY_AUTHENTICATION_OPTIONS.to_owned(),
            json!(null),
        ),
        (
            paths::PASSKEY_AUTHENTICATION.to_owned(),
            json!({"credential": {}, "remember": false}),
        ),
        (paths::PASSKEY_REGISTRATION_OPTIONS.to_owned(), json!(null)),
        (
            paths::ACCOUNT_PASSKEYS.to_owned(),
            json!({"name": "x", "credential": {}}),
        ),
        (paths::account_passkey(id), json!({"name": "x"})),
    ] {
        let res = bare
            .post(b.url(&path))
            .json(&body)
            .send()
            .await
            .expect("post");
        assert_eq!(res.status(), StatusCode::FORBIDDEN, "{path}");
        let problem: Value = res.json().await.expect("problem");
        assert_eq!(problem["code"], "csrf_rejected", "{path}");
    }
    let res = bare
        .delete(b.url(&paths::account_passkey(id)))
        .send()
        .await
        .expect("delete");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (_, list) = get(&c, &b, paths::ACCOUNT_PASSKEYS).await;
    assert_eq!(list[0]["name"], "Telefoon");
}

#[tokio::test]
async fn passkey_sign_ins_are_limited_per_client_like_password_ones() {
    let b = TestBackend::start_with(|c| {
        c.public_url = ORIGIN.to_owned();
        c.client_sign_in_limit = 3;
    })
    .await;
    let mut phone = SoftPasskey::new(ORIGIN);
    account_with_passkey(&b, EMAIL, &mut phone).await;
    let c = b.browser();
    // The password sign-in above took one slot of this client's three.
    for _ in 0..2 {
        let public_key = sign_in_options(&c, &b).await;
        let (status, _, _) = finish_sign_in(&c, &b, &phone.get(&public_key)).await;
        assert_eq!(status, StatusCode::OK);
    }
    let public_key = sign_in_options(&c, &b).await;
    let (status, headers, problem) = finish_sign_in(&c, &b, &phone.get(&public_key)).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(problem["code"], "too_many_attempts");
    assert!(headers.contains_key(reqwest::header::RETRY_AFTER));
}

#[tokio::test]
async fn on_an_ip_address_passkeys_are_off() {
    let b = TestBackend::start().await;
    assert!(b.state.config.public_url.starts_with("http://127.0.0.1"));
    let c = b.browser();
    let (status, config) = get(&c, &b, paths::CONFIG).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(config["passkeys"], false);
    let (status, _, problem) =
        post(&c, &b, paths::PASSKEY_AUTHENTICATION_OPTIONS, json!(null)).await;
    assert_eq!(
        (status, &problem["code"]),
        (StatusCode::NOT_FOUND, &json!("not_found"))
    );
    let (status, _, _) = post(
        &c,
        &b,
        paths::PASSKEY_AUTHENTICATION,
        json!({"credential": {}, "remember": false}),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let on = backend().await;
    let (_, config) = get(&on.browser(), &on, paths::CONFIG).await;
    assert_eq!(config["passkeys"], true);
}
