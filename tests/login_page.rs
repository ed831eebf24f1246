//! The login form mounted in a real browser (headless Chromium), with `fetch` replaced.
#![cfg(target_arch = "wasm32")]
// A component test may unwrap and panic: a failed assertion is its point (the site's own
// code may not: Cargo.toml [lints.clippy]).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use leptos::prelude::*;
use leptos_router::components::Router;
use support::{
    document, key_on, mount, not_signed_in, type_into, wait_for, FakeFetch, FakeResponse,
};
use topocloud_site::login::LoginForm;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const CONFIG_WITHOUT_SSO: &str = r#"{"registration_open":true,"sso_providers":[],
  "password_policy":{"min_length":12,"max_length":128}}"#;
const CONFIG_WITH_SSO: &str = r#"{"registration_open":false,"sso_providers":[{"id":"microsoft","label":"Microsoft"}],
  "password_policy":{"min_length":12,"max_length":128}}"#;

/// The backend as the form meets it: `/api/config`, and `sign_in` for `POST /api/session`.
fn backend(config: &'static str, sign_in: FakeResponse) -> FakeFetch {
    FakeFetch::new(move |method, path| match (method, path) {
        ("GET", "/api/config") => FakeResponse::json(200, config),
        ("POST", "/api/session") => sign_in.clone(),
        _ => not_signed_in(),
    })
}

fn login_form() -> support::Mounted {
    mount(|| {
        view! {
            <Router>
                <LoginForm destination="/account".to_owned() />
            </Router>
        }
    })
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn invalid_credentials() -> FakeResponse {
    FakeResponse::json(
        401,
        r#"{"type":"about:blank","title":"x","status":401,"code":"invalid_credentials"}"#,
    )
}

#[wasm_bindgen_test]
async fn renders_labelled_fields_that_password_managers_understand() {
    let _fetch = backend(CONFIG_WITHOUT_SSO, invalid_credentials());
    let page = login_form();
    leptos::task::tick().await;

    let email = page.input("input#email");
    assert_eq!(email.type_(), "email");
    assert_eq!(
        email.get_attribute("autocomplete").as_deref(),
        Some("username webauthn"),
        "password managers fill it, and the browser offers saved passkeys in its list"
    );
    let password = page.input("input#password");
    assert_eq!(password.type_(), "password");
    assert_eq!(
        password.get_attribute("autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(
        page.find("label[for=email]")
            .and_then(|l| l.text_content())
            .as_deref(),
        Some("E-mailadres")
    );
    assert_eq!(
        page.find("label[for=password]")
            .and_then(|l| l.text_content())
            .as_deref(),
        Some("Wachtwoord")
    );
    assert_eq!(
        page.find("label[for=remember]")
            .and_then(|l| l.text_content())
            .as_deref(),
        Some("Ingelogd blijven")
    );
    assert!(page.text().contains("Wachtwoord vergeten?"));
    assert!(page.text().contains("Kan je niet inloggen?"));
}

#[wasm_bindgen_test]
async fn an_empty_submit_shows_errors_and_sends_nothing() {
    let fetch = backend(CONFIG_WITHOUT_SSO, invalid_credentials());
    let page = login_form();
    leptos::task::tick().await;

    page.button("Aanmelden").click();
    wait_for("the email error", || {
        page.text().contains("Vul je e-mailadres in.")
    })
    .await;
    assert!(page.text().contains("Vul je wachtwoord in."));
    let email = page.input("input#email");
    assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        email.get_attribute("aria-describedby").as_deref(),
        Some("email-error")
    );
    wait_for("focus on the email field", || active_id() == "email").await;
    assert_eq!(
        fetch.calls_to("POST", "/api/session"),
        0,
        "validation errors must not reach the network"
    );
}

#[wasm_bindgen_test]
async fn wrong_credentials_are_explained_and_everything_typed_stays() {
    let fetch = backend(CONFIG_WITHOUT_SSO, invalid_credentials());
    let page = login_form();
    leptos::task::tick().await;

    type_into(&page.input("input#email"), "demo@topocloud.test");
    type_into(&page.input("input#password"), "wrong-password");
    page.button("Aanmelden").click();

    wait_for("the credentials message", || {
        page.text().contains("klopt niet")
    })
    .await;
    assert_eq!(fetch.calls_to("POST", "/api/session"), 1);
    assert_eq!(page.input("input#email").value(), "demo@topocloud.test");
    assert_eq!(page.input("input#password").value(), "wrong-password");
    let alert = page.find("[role=alert]").expect("alert");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("klopt niet"));
}

#[wasm_bindgen_test]
async fn a_server_error_page_is_not_shown_raw_and_a_retry_is_offered() {
    let fetch = backend(
        CONFIG_WITHOUT_SSO,
        FakeResponse {
            status: 502,
            content_type: "text/html",
            body: "<h1>502 Bad Gateway</h1>".into(),
            headers: Vec::new(),
        },
    );
    let page = login_form();
    leptos::task::tick().await;

    type_into(&page.input("input#email"), "demo@topocloud.test");
    type_into(&page.input("input#password"), "whatever");
    page.button("Aanmelden").click();

    wait_for("the server message", || {
        page.text().contains("aan onze kant")
    })
    .await;
    assert!(!page.text().contains("Bad Gateway"));
    assert_eq!(page.input("input#email").value(), "demo@topocloud.test");
    page.button("Opnieuw proberen").click();
    wait_for("a second request", || {
        fetch.calls_to("POST", "/api/session") == 2
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_toggle_flips_the_input_type_and_submitting_hides_it_again() {
    let _fetch = backend(CONFIG_WITHOUT_SSO, invalid_credentials());
    let page = login_form();
    leptos::task::tick().await;
    let password = || page.input("input#password");
    type_into(&password(), "geheim-wachtwoord");

    page.button("Toon wachtwoord").click();
    wait_for("a visible password", || password().type_() == "text").await;
    let toggle = page.find(".password-toggle").expect("toggle");
    assert_eq!(
        toggle.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(
        toggle.text_content().unwrap_or_default().trim(),
        "Verberg wachtwoord"
    );

    type_into(&page.input("input#email"), "demo@topocloud.test");
    page.button("Aanmelden").click();
    wait_for("hidden again after submit", || {
        password().type_() == "password"
    })
    .await;
    assert_eq!(password().value(), "geheim-wachtwoord");
}

#[wasm_bindgen_test]
async fn caps_lock_is_pointed_out_while_typing() {
    let _fetch = backend(CONFIG_WITHOUT_SSO, invalid_credentials());
    let page = login_form();
    leptos::task::tick().await;
    let password = page.input("input#password");
    assert!(!page.text().contains("Caps Lock"));

    key_on(&password, "A", true);
    wait_for("the caps lock warning", || {
        page.text().contains("Caps Lock staat aan")
    })
    .await;
    let describedby = password
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(describedby.contains("password-caps"), "{describedby}");

    key_on(&password, "a", false);
    wait_for("the warning gone", || {
        !page.text().contains("Caps Lock staat aan")
    })
    .await;
}

#[wasm_bindgen_test]
async fn single_sign_on_appears_only_when_the_backend_offers_it() {
    let without = backend(CONFIG_WITHOUT_SSO, invalid_credentials());
    let page = login_form();
    wait_for("the registration link from /api/config", || {
        page.text().contains("Account aanmaken")
    })
    .await;
    assert!(page.find("a.button--sso").is_none());
    drop(page);
    drop(without);

    let _with = backend(CONFIG_WITH_SSO, invalid_credentials());
    let page = login_form();
    wait_for("the SSO button", || page.find("a.button--sso").is_some()).await;
    let sso = page.find("a.button--sso").expect("sso");
    assert_eq!(
        sso.text_content().unwrap_or_default().trim(),
        "Inloggen met Microsoft"
    );
    assert_eq!(
        sso.get_attribute("href").as_deref(),
        Some("/api/sso/microsoft/start?return_to=/account")
    );
    assert_eq!(sso.get_attribute("rel").as_deref(), Some("external"));
    assert!(
        !page.text().contains("Account aanmaken"),
        "registration is closed in this config"
    );
}

#[wasm_bindgen_test]
async fn too_many_attempts_counts_down_and_blocks_the_button_meanwhile() {
    let limited = FakeResponse::json(429, r#"{"status":429,"code":"too_many_attempts"}"#)
        .with_header("retry-after", "2");
    let fetch = backend(CONFIG_WITHOUT_SSO, limited);
    let page = login_form();
    leptos::task::tick().await;
    type_into(&page.input("input#email"), "demo@topocloud.test");
    type_into(&page.input("input#password"), "whatever");
    page.button("Aanmelden").click();

    wait_for("the countdown", || {
        page.text().contains("over 2 seconden opnieuw")
    })
    .await;
    let button = page.button("Aanmelden");
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    button.click();
    leptos::task::tick().await;
    assert_eq!(
        fetch.calls_to("POST", "/api/session"),
        1,
        "no request while locked"
    );
    wait_for("the end of the wait", || {
        page.text().contains("Je kunt het nu opnieuw proberen.")
    })
    .await;
    assert_eq!(
        page.button("Aanmelden").get_attribute("aria-disabled"),
        None
    );
}

const CONFIG_WITH_PASSKEYS: &str = r#"{"registration_open":true,"sso_providers":[],"passkeys":true,
  "password_policy":{"min_length":12,"max_length":128}}"#;

#[wasm_bindgen_test]
async fn the_passkey_button_appears_only_when_offered_and_carries_the_modules_settings() {
    let without = backend(CONFIG_WITHOUT_SSO, invalid_credentials());
    let page = login_form();
    wait_for("the registration link from /api/config", || {
        page.text().contains("Account aanmaken")
    })
    .await;
    assert!(page.find("#passkey-sign-in").is_none(), "not offered");
    drop(page);
    drop(without);

    let _with = backend(CONFIG_WITH_PASSKEYS, invalid_credentials());
    let page = login_form();
    wait_for("the passkey button", || {
        page.find("#passkey-sign-in").is_some()
    })
    .await;
    let button = page.find("#passkey-sign-in").expect("button");
    assert_eq!(button.get_attribute("type").as_deref(), Some("button"));
    assert_eq!(
        button.text_content().unwrap_or_default().trim(),
        "Inloggen met een toegangssleutel"
    );
    // What public/passkeys.js splits: URLs, CSRF header, time limit, renewal (ms).
    assert_eq!(
        button.get_attribute("data-settings").as_deref(),
        Some("/api/passkeys/authentication/options /api/passkeys/authentication x-topocloud-csrf 1 15000 270000")
    );
    let email = page.find("#email").expect("email");
    assert_eq!(
        email.get_attribute("autocomplete").as_deref(),
        Some("username webauthn")
    );
}

/// What public/passkeys.js dispatches: `{detail: {response}}` or `{detail: {error}}`.
fn tell_passkey(detail: &wasm_bindgen::JsValue) {
    let event = web_sys::Event::new("topocloud-passkey").expect("event");
    js_sys::Reflect::set(&event, &"detail".into(), detail).expect("detail");
    window().dispatch_event(&event).expect("dispatched");
}

fn detail(key: &str, value: &wasm_bindgen::JsValue) -> wasm_bindgen::JsValue {
    let detail = js_sys::Object::new();
    js_sys::Reflect::set(&detail, &key.into(), value).expect("set");
    detail.into()
}

#[wasm_bindgen_test]
async fn what_the_passkey_module_tells_is_said_in_the_alert_without_a_password_retry() {
    let _backend = backend(CONFIG_WITH_PASSKEYS, invalid_credentials());
    let page = login_form();
    wait_for("the passkey button", || {
        page.find("#passkey-sign-in").is_some()
    })
    .await;

    // A request that did not arrive: said, but "try again" would send the password form.
    tell_passkey(&detail("error", &"TypeError".into()));
    wait_for("the network message", || {
        page.text().contains("Geen verbinding met TopoCloud")
    })
    .await;
    assert!(
        !page.text().contains("Opnieuw proberen"),
        "no retry button that would send the password form"
    );
    wait_for("focus on the alert", || {
        document()
            .active_element()
            .is_some_and(|e| e.class_name().contains("form-alert"))
    })
    .await;

    // The server no longer knows the chosen passkey: said, with the way back to the password.
    let init = web_sys::ResponseInit::new();
    init.set_status(401);
    let headers = web_sys::Headers::new().expect("headers");
    headers
        .set("content-type", "application/problem+json")
        .expect("header");
    init.set_headers(&headers);
    let response = web_sys::Response::new_with_opt_str_and_init(
        Some(r#"{"type":"about:blank","title":"x","status":401,"code":"passkey_unknown"}"#),
        &init,
    )
    .expect("response");
    tell_passkey(&detail("response", &response.into()));
    wait_for("the unknown passkey message", || {
        page.text()
            .contains("TopoCloud kent deze toegangssleutel niet (meer)")
    })
    .await;
    assert!(page.text().contains("e-mailadres en wachtwoord"));
}

#[wasm_bindgen_test]
async fn a_browser_without_the_json_methods_of_webauthn_sees_no_passkey_button() {
    // Older browsers have PublicKeyCredential but not parseRequestOptionsFromJSON.
    let saved = js_sys::eval(
        "const p = window.PublicKeyCredential; \
         window.PublicKeyCredential = { isConditionalMediationAvailable: () => Promise.resolve(true) }; p",
    )
    .expect("stub");
    let _backend = backend(CONFIG_WITH_PASSKEYS, invalid_credentials());
    let page = login_form();
    wait_for("the registration link from /api/config", || {
        page.text().contains("Account aanmaken")
    })
    .await;
    let shown = page.find("#passkey-sign-in").is_some();
    js_sys::Reflect::set(&window(), &"PublicKeyCredential".into(), &saved).expect("restore");
    assert!(!shown, "no button that could not work");
}
