//! Registration: the form, its checklist and errors, the mailbox step, closed registration.

use super::*;

fn register_page() -> Mounted {
    mount(|| {
        view! {
            <Router>
                <RegisterPage />
            </Router>
        }
    })
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
