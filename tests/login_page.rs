//! The login page mounted in a real browser (headless Chromium).
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_router::components::Router;
use support::{document, mount, type_into, wait_for, FakeFetch};
use topocloud_site::pages::LoginPage;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn login_page() -> support::Mounted {
    mount(|| view! { <Router><LoginPage /></Router> })
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn renders_labelled_fields_that_password_managers_understand() {
    let page = login_page();
    leptos::task::tick().await;

    let email = page.input("input#email");
    assert_eq!(email.type_(), "email");
    assert_eq!(
        email.get_attribute("autocomplete").as_deref(),
        Some("username")
    );
    let password = page.input("input#password");
    assert_eq!(password.type_(), "password");
    assert_eq!(
        password.get_attribute("autocomplete").as_deref(),
        Some("current-password")
    );

    let email_label = page.find("label[for=email]").expect("email label");
    assert_eq!(email_label.text_content().as_deref(), Some("E-mailadres"));
    let password_label = page.find("label[for=password]").expect("password label");
    assert_eq!(password_label.text_content().as_deref(), Some("Wachtwoord"));
    assert!(page.text().contains("Aanmelden"));
}

#[wasm_bindgen_test]
async fn an_empty_submit_shows_errors_and_sends_nothing() {
    let fetch = FakeFetch::answering(500, "text/plain", "must not be called");
    let page = login_page();
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
        fetch.calls(),
        0,
        "validation errors must not reach the network"
    );
}

#[wasm_bindgen_test]
async fn wrong_credentials_are_explained_and_the_typed_email_stays() {
    let body = r#"{"type":"about:blank","title":"x","status":401,"code":"invalid_credentials"}"#;
    let fetch = FakeFetch::answering(401, "application/problem+json", body);
    let page = login_page();
    leptos::task::tick().await;

    type_into(&page.input("input#email"), "demo@topocloud.test");
    type_into(&page.input("input#password"), "wrong-password");
    page.button("Aanmelden").click();

    wait_for("the credentials message", || {
        page.text().contains("klopt niet")
    })
    .await;
    assert_eq!(fetch.calls(), 1);
    assert_eq!(page.input("input#email").value(), "demo@topocloud.test");
    assert_eq!(page.input("input#password").value(), "wrong-password");
    let alert = page.find("[role=alert]").expect("alert");
    assert!(alert
        .text_content()
        .unwrap_or_default()
        .contains("klopt niet"));
}

#[wasm_bindgen_test]
async fn a_server_error_page_is_not_shown_raw() {
    let _fetch = FakeFetch::answering(502, "text/html", "<h1>502 Bad Gateway</h1>");
    let page = login_page();
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
}
