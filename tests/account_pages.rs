//! The account screens (registration, verification, invitation) mounted in a real
//! browser (headless Chromium), with `fetch` replaced.
#![cfg(target_arch = "wasm32")]

mod support;

use leptos::prelude::*;
use leptos_router::components::Router;
use support::{
    document, mount, not_signed_in, sleep, type_into, wait_for, FakeFetch, FakeResponse, Mounted,
};
use topocloud_site::pages::{InvitationPage, RegisterPage, VerifyEmailPage};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const LEGACY: &str = r#"{"registration_open":true,"sso_providers":[],
  "password_policy":{"min_length":8,"max_length":128,"require_letter":true,"require_digit":true,"blocklist":true}}"#;
const RECOMMENDED: &str = r#"{"registration_open":true,"sso_providers":[],
  "password_policy":{"min_length":12,"max_length":128,"blocklist":true}}"#;
const CLOSED: &str = r#"{"registration_open":false,"sso_providers":[],
  "password_policy":{"min_length":12,"max_length":128,"blocklist":true}}"#;
const MAIN_INVITATION: &str = r#"{"organisation":"Landmeetbureau Noord","inviter":"Anna Jansen",
  "email":"piet@noord.test","name":"Piet","account_type":"main","expires_at":1900000000}"#;
const EMPLOYEE_INVITATION: &str = r#"{"organisation":"Landmeetbureau Noord","inviter":"Anna Jansen",
  "email":"kees@noord.test","account_type":"employee","project":"Dijkversterking Lauwersoog",
  "expires_at":1900000000}"#;

/// The backend as the account screens meet it: `/api/config` and one answer per path.
fn backend(config: &'static str, answers: Vec<(&'static str, FakeResponse)>) -> FakeFetch {
    FakeFetch::new(move |method, path| match (method, path) {
        ("GET", "/api/config") => FakeResponse::json(200, config),
        (_, path) => answers
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, answer)| answer.clone())
            .unwrap_or_else(not_signed_in),
    })
}

fn problem(status: u16, body: &str) -> FakeResponse {
    FakeResponse::json(status, body)
}

fn accepted() -> FakeResponse {
    FakeResponse {
        status: 202,
        content_type: "text/plain",
        body: String::new(),
        headers: Vec::new(),
    }
}

fn register_page() -> Mounted {
    mount(|| view! { <Router><RegisterPage /></Router> })
}

/// Opens a page the way an emailed link does: with `#token=…` in the address.
fn with_token(token: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&format!("token={token}"));
    }
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

fn active_id() -> String {
    document()
        .active_element()
        .map(|e| e.id())
        .unwrap_or_default()
}

fn met_rules(page: &Mounted) -> u32 {
    page.root
        .query_selector_all(".checklist-item--met")
        .map(|l| l.length())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn the_checklist_follows_typing_under_the_products_current_rule() {
    let _fetch = backend(LEGACY, vec![]);
    let page = register_page();
    wait_for("the legacy policy", || {
        page.text().contains("Minstens 8 tekens")
    })
    .await;
    assert!(page.text().contains("Minstens één letter"));
    assert!(page.text().contains("Minstens één cijfer"));
    let password = page.input("input#password");
    assert_eq!(met_rules(&page), 0, "nothing is met before typing");

    type_into(&password, "abc");
    wait_for("the letter ticked", || met_rules(&page) == 1).await;
    assert!(page.text().contains("1 van 3 eisen voldaan."));
    type_into(&password, "abcdefgh");
    wait_for("length and letter", || met_rules(&page) == 2).await;
    type_into(&password, "abcdefg1");
    wait_for("all three", || met_rules(&page) == 3).await;
    assert!(page
        .text()
        .contains("Je wachtwoord voldoet aan alle eisen."));
    type_into(&password, "12345678");
    wait_for("the letter gone again", || met_rules(&page) == 2).await;
}

#[wasm_bindgen_test]
async fn the_checklist_follows_typing_under_the_default_policy() {
    let _fetch = backend(RECOMMENDED, vec![]);
    let page = register_page();
    wait_for("the default policy", || {
        page.text().contains("Minstens 12 tekens")
    })
    .await;
    assert!(!page.text().contains("Minstens één cijfer"));
    assert!(page.text().contains("Geen veelgebruikt"));
    let password = page.input("input#password");
    type_into(&password, "kort");
    leptos::task::tick().await;
    assert_eq!(met_rules(&page), 0);
    type_into(&password, "twaalf tekens");
    wait_for("the length ticked", || met_rules(&page) == 1).await;
    // The blocklist is the backend's: it is promised, never ticked.
    assert_eq!(met_rules(&page), 1);
}

#[wasm_bindgen_test]
async fn the_checklist_uses_the_default_policy_when_the_config_cannot_be_fetched() {
    let _fetch = FakeFetch::new(|_, _| FakeResponse::json(500, "{}"));
    let page = register_page();
    wait_for("the form", || page.find("input#password").is_some()).await;
    assert!(page.text().contains("Minstens 12 tekens"));
}

#[wasm_bindgen_test]
async fn password_managers_get_a_username_and_a_new_password() {
    let _fetch = backend(RECOMMENDED, vec![]);
    let page = register_page();
    wait_for("the form", || page.find("input#password").is_some()).await;
    type_into(&page.input("input#email"), "jan@devries.test");
    leptos::task::tick().await;
    let username = page.input("input[autocomplete=username]");
    assert!(username.hidden(), "present but hidden");
    assert_eq!(username.value(), "jan@devries.test");
    assert_eq!(
        page.input("input#password")
            .get_attribute("autocomplete")
            .as_deref(),
        Some("new-password")
    );
    assert!(page.find("input#password-repeat").is_none());
    let terms = page.find("label[for=accept-terms] a").expect("terms link");
    assert!(terms
        .get_attribute("href")
        .unwrap_or_default()
        .starts_with("https://"));
}

#[wasm_bindgen_test]
async fn an_empty_registration_names_every_field_and_sends_nothing() {
    let fetch = backend(RECOMMENDED, vec![("/api/registrations", accepted())]);
    let page = register_page();
    wait_for("the form", || page.find("input#password").is_some()).await;
    page.button("Account aanmaken").click();
    wait_for("the name error", || page.text().contains("Vul je naam in.")).await;
    for expected in [
        "Vul je e-mailadres in.",
        "Vul de naam van je organisatie in.",
        "Vul je wachtwoord in.",
        "Ga akkoord met de algemene voorwaarden",
    ] {
        assert!(page.text().contains(expected), "{expected}");
    }
    wait_for("focus on the name", || active_id() == "name").await;
    assert_eq!(fetch.calls_to("POST", "/api/registrations"), 0);
}

fn fill_registration(page: &Mounted, password: &str) {
    type_into(&page.input("input#name"), "Jan de Vries");
    type_into(&page.input("input#email"), "jan@devries.test");
    type_into(&page.input("input#organisation"), "De Vries Landmeten");
    type_into(&page.input("input#password"), password);
    page.input("input#accept-terms").click();
}

#[wasm_bindgen_test]
async fn a_common_password_is_refused_in_words_and_everything_typed_stays() {
    let not_common = problem(
        422,
        r#"{"status":422,"code":"validation_failed","errors":[{"field":"password","code":"not_common"}]}"#,
    );
    let fetch = backend(RECOMMENDED, vec![("/api/registrations", not_common)]);
    let page = register_page();
    wait_for("the form", || page.find("input#password").is_some()).await;
    fill_registration(&page, "welkom123456");
    page.button("Account aanmaken").click();
    wait_for("the blocklist reason", || {
        page.text().contains("Dit wachtwoord is te bekend")
    })
    .await;
    wait_for("focus on the password", || active_id() == "password").await;
    assert_eq!(fetch.calls_to("POST", "/api/registrations"), 1);
    assert_eq!(page.input("input#name").value(), "Jan de Vries");
    assert_eq!(page.input("input#email").value(), "jan@devries.test");
    assert_eq!(page.input("input#password").value(), "welkom123456");
    assert!(page.input("input#accept-terms").checked());
}

#[wasm_bindgen_test]
async fn after_registering_the_mailbox_step_shows_the_address_and_a_resend_cooldown() {
    let fetch = backend(
        RECOMMENDED,
        vec![
            ("/api/registrations", accepted()),
            ("/api/email-verifications/resend", accepted()),
        ],
    );
    let page = register_page();
    wait_for("the form", || page.find("input#password").is_some()).await;
    fill_registration(&page, "een lang wachtwoord");
    page.button("Account aanmaken").click();
    wait_for("the mailbox step", || {
        page.text().contains("Kijk in je mailbox")
    })
    .await;
    assert!(page.text().contains("jan@devries.test"));
    wait_for("focus on the heading", || active_id() == "mailbox-title").await;
    let resend = page.button("E-mail opnieuw sturen");
    assert_eq!(
        resend.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    assert!(page.text().contains("Opnieuw sturen kan over 60 seconden."));
    resend.click();
    leptos::task::tick().await;
    assert_eq!(
        fetch.calls_to("POST", "/api/email-verifications/resend"),
        0,
        "no email during the cooldown"
    );

    // Wrong address: back to the form with everything still there.
    page.button("Verkeerd e-mailadres? Pas het formulier aan")
        .click();
    wait_for("the form again, filled in", || {
        page.find("input#name").is_some() && page.input("input#name").value() == "Jan de Vries"
    })
    .await;
    assert_eq!(page.input("input#password").value(), "een lang wachtwoord");
}

#[wasm_bindgen_test]
async fn closed_registration_says_so_and_points_to_invitations_and_help() {
    let fetch = backend(CLOSED, vec![]);
    let page = register_page();
    wait_for("the closed state", || {
        page.text()
            .contains("Zelf een account aanmaken kan hier niet")
    })
    .await;
    assert!(page.text().contains("uit te nodigen"));
    assert!(page.find("a[href='/help/wat-heb-ik-nodig']").is_some());
    assert!(page.find("input#password").is_none());
    assert_eq!(fetch.calls_to("POST", "/api/registrations"), 0);
}

#[wasm_bindgen_test]
async fn registration_closed_by_the_backend_meanwhile_switches_to_the_closed_state() {
    let closed = problem(403, r#"{"status":403,"code":"registration_closed"}"#);
    let _fetch = backend(RECOMMENDED, vec![("/api/registrations", closed)]);
    let page = register_page();
    wait_for("the form", || page.find("input#password").is_some()).await;
    fill_registration(&page, "een lang wachtwoord");
    page.button("Account aanmaken").click();
    wait_for("the closed state", || {
        page.text()
            .contains("Zelf een account aanmaken kan hier niet")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_verification_link_is_used_only_on_the_click_and_leaves_the_address_bar() {
    let confirmed = FakeResponse::json(200, r#"{"email":"jan@devries.test"}"#);
    let fetch = backend(RECOMMENDED, vec![("/api/email-verifications", confirmed)]);
    with_token("abc123");
    let page = mount(|| view! { <Router><VerifyEmailPage /></Router> });
    wait_for("the confirm button", || {
        page.text().contains("Bevestig mijn e-mailadres")
    })
    .await;
    assert_eq!(current_hash(), "", "the token left the address bar");
    sleep(100).await;
    assert_eq!(
        fetch.calls_to("POST", "/api/email-verifications"),
        0,
        "opening the page uses nothing up"
    );
    page.button("Bevestig mijn e-mailadres").click();
    wait_for("the confirmation", || {
        page.text().contains("Je e-mailadres is bevestigd")
    })
    .await;
    assert!(page.text().contains("jan@devries.test"));
    assert!(page.find("a[href='/users/login']").is_some());
    assert_eq!(fetch.calls_to("POST", "/api/email-verifications"), 1);
}

#[wasm_bindgen_test]
async fn an_expired_verification_link_explains_itself_and_offers_a_new_one() {
    let expired = problem(410, r#"{"status":410,"code":"token_expired"}"#);
    let fetch = backend(
        RECOMMENDED,
        vec![
            ("/api/email-verifications", expired),
            ("/api/email-verifications/resend", accepted()),
        ],
    );
    with_token("old");
    let page = mount(|| view! { <Router><VerifyEmailPage /></Router> });
    wait_for("the confirm button", || {
        page.text().contains("Bevestig mijn e-mailadres")
    })
    .await;
    page.button("Bevestig mijn e-mailadres").click();
    wait_for("the expiry", || {
        page.text().contains("Deze link is verlopen")
    })
    .await;
    wait_for("focus on the heading", || active_id() == "verify-title").await;
    type_into(&page.input("input#resend-email"), "jan@devries.test");
    page.button("Stuur me een nieuwe link").click();
    wait_for("the neutral confirmation", || {
        page.text().contains("is er een nieuwe e-mail onderweg")
    })
    .await;
    assert_eq!(fetch.calls_to("POST", "/api/email-verifications/resend"), 1);
    assert!(page.text().contains("Opnieuw sturen kan over"));
}

#[wasm_bindgen_test]
async fn a_verification_page_without_a_token_asks_nothing_and_explains() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash("");
    }
    let fetch = backend(RECOMMENDED, vec![]);
    let page = mount(|| view! { <Router><VerifyEmailPage /></Router> });
    wait_for("the invalid state", || {
        page.text().contains("Deze link werkt niet")
    })
    .await;
    assert_eq!(fetch.calls_to("POST", "/api/email-verifications"), 0);
}

fn invitation_page() -> Mounted {
    mount(|| view! { <Router><InvitationPage /></Router> })
}

#[wasm_bindgen_test]
async fn an_invitation_says_who_invites_whom_to_what_without_using_the_link() {
    let fetch = backend(
        LEGACY,
        vec![(
            "/api/invitations/lookup",
            FakeResponse::json(200, MAIN_INVITATION),
        )],
    );
    with_token("invite-1");
    let page = invitation_page();
    wait_for("the details", || {
        page.text()
            .contains("Anna Jansen nodigt je uit voor Landmeetbureau Noord.")
    })
    .await;
    assert_eq!(current_hash(), "");
    assert!(page.text().contains("piet@noord.test"));
    assert!(page.text().contains("Hoofdaccount van de organisatie"));
    assert_eq!(page.input("input#name").value(), "Piet", "pre-filled");
    assert_eq!(
        page.input("input[autocomplete=username]").value(),
        "piet@noord.test"
    );
    assert!(
        page.text().contains("Minstens 8 tekens"),
        "the same checklist"
    );
    assert_eq!(fetch.calls_to("POST", "/api/invitations/lookup"), 1);
    assert_eq!(fetch.calls_to("POST", "/api/invitations/accept"), 0);
}

#[wasm_bindgen_test]
async fn an_employee_invitation_names_the_project() {
    let _fetch = backend(
        RECOMMENDED,
        vec![(
            "/api/invitations/lookup",
            FakeResponse::json(200, EMPLOYEE_INVITATION),
        )],
    );
    with_token("invite-2");
    let page = invitation_page();
    wait_for("the project", || {
        page.text().contains("Dijkversterking Lauwersoog")
    })
    .await;
    assert!(page.text().contains("Account als medewerker"));
    assert_eq!(page.input("input#name").value(), "");
}

#[wasm_bindgen_test]
async fn an_expired_invitation_names_the_inviter() {
    let expired = problem(
        410,
        r#"{"status":410,"code":"invitation_expired","inviter":"Anna Jansen","email":"piet@noord.test"}"#,
    );
    let _fetch = backend(RECOMMENDED, vec![("/api/invitations/lookup", expired)]);
    with_token("invite-3");
    let page = invitation_page();
    wait_for("the expiry", || {
        page.text().contains("Deze uitnodiging is verlopen")
    })
    .await;
    assert!(page.text().contains("Vraag Anna Jansen om"));
    assert!(page.text().contains("piet@noord.test"));
}

#[wasm_bindgen_test]
async fn a_used_invitation_leads_to_sign_in() {
    let used = problem(
        410,
        r#"{"status":410,"code":"invitation_used","email":"piet@noord.test"}"#,
    );
    let _fetch = backend(RECOMMENDED, vec![("/api/invitations/lookup", used)]);
    with_token("invite-4");
    let page = invitation_page();
    wait_for("the used state", || {
        page.text().contains("Deze uitnodiging is al gebruikt")
    })
    .await;
    assert!(page.find("a[href='/users/login']").is_some());
}

#[wasm_bindgen_test]
async fn an_invitation_without_a_token_is_explained_without_asking_the_backend() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash("");
    }
    let fetch = backend(RECOMMENDED, vec![]);
    let page = invitation_page();
    wait_for("the invalid state", || {
        page.text().contains("Deze uitnodigingslink werkt niet")
    })
    .await;
    assert_eq!(fetch.calls_to("POST", "/api/invitations/lookup"), 0);
}

#[wasm_bindgen_test]
async fn signed_in_as_somebody_else_shows_both_addresses_and_signs_out_to_continue() {
    let _fetch = FakeFetch::new(|method, path| match (method, path) {
        ("GET", "/api/config") => FakeResponse::json(200, RECOMMENDED),
        ("POST", "/api/invitations/lookup") => FakeResponse::json(200, MAIN_INVITATION),
        ("GET", "/api/session") => {
            FakeResponse::json(200, r#"{"email":"demo@topocloud.test","name":"Demo"}"#)
        }
        // (204 in the real backend; a fake `Response` cannot carry a null body.)
        ("DELETE", "/api/session") => accepted(),
        _ => not_signed_in(),
    });
    with_token("invite-5");
    let page = invitation_page();
    wait_for("the other-account state", || {
        page.text()
            .contains("Je bent aangemeld met een ander account")
    })
    .await;
    assert!(page.text().contains("demo@topocloud.test"));
    assert!(page.text().contains("piet@noord.test"));
    page.button("Afmelden en doorgaan").click();
    wait_for("the form", || page.find("input#password").is_some()).await;
    wait_for("focus on the heading", || active_id() == "invitation-title").await;
}

#[wasm_bindgen_test]
async fn a_network_failure_on_accept_keeps_everything_typed_and_offers_a_retry() {
    let fetch = FakeFetch::new(|method, path| match (method, path) {
        ("GET", "/api/config") => FakeResponse::json(200, RECOMMENDED),
        ("POST", "/api/invitations/lookup") => FakeResponse::json(200, MAIN_INVITATION),
        ("POST", "/api/invitations/accept") => FakeResponse {
            status: 503,
            content_type: "text/html",
            body: "<h1>down</h1>".into(),
            headers: Vec::new(),
        },
        _ => not_signed_in(),
    });
    with_token("invite-6");
    let page = invitation_page();
    wait_for("the form", || page.find("input#password").is_some()).await;
    type_into(&page.input("input#name"), "Piet de Boer");
    type_into(&page.input("input#password"), "een lang wachtwoord");
    page.button("Uitnodiging accepteren").click();
    wait_for("the server message", || {
        page.text().contains("aan onze kant")
    })
    .await;
    assert_eq!(page.input("input#name").value(), "Piet de Boer");
    assert_eq!(page.input("input#password").value(), "een lang wachtwoord");
    page.button("Opnieuw proberen").click();
    wait_for("a second attempt", || {
        fetch.calls_to("POST", "/api/invitations/accept") == 2
    })
    .await;
}
