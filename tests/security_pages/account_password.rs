//! `/account`: changing the password, and the account without one (single sign-on).

use super::*;

const CURRENT: &str = "oud-wachtwoord-1";
const NEW: &str = "een nieuw en lang wachtwoord";

async fn password_form(page: &Mounted) {
    wait_for("the password form", || {
        page.find("input#current-password").is_some()
    })
    .await;
}

fn fill_and_send(page: &Mounted) {
    type_into(&page.input("input#current-password"), CURRENT);
    type_into(&page.input("input#new-password"), NEW);
    let button = page.button("Wachtwoord wijzigen");
    button.focus().unwrap();
    button.click();
}

#[wasm_bindgen_test]
async fn changing_the_password_sends_the_current_and_the_new_one() {
    let fetch = account_backend(
        security(true, false, 0, false),
        vec![on("POST", paths::ACCOUNT_PASSWORD, vec![no_content()])],
    );
    let page = account_page();
    password_form(&page).await;
    assert_eq!(
        attribute(&page, "input#current-password", "autocomplete").as_deref(),
        Some("current-password")
    );
    assert_eq!(
        attribute(&page, "input#new-password", "autocomplete").as_deref(),
        Some("new-password")
    );
    fill_and_send(&page);

    wait_for("the change sent", || {
        fetch.bodies_to("POST", paths::ACCOUNT_PASSWORD).len() == 1
    })
    .await;
    assert_eq!(
        fetch.last_json_to("POST", paths::ACCOUNT_PASSWORD),
        json!({"current_password": CURRENT, "new_password": NEW})
    );
    wait_for("the confirmation", || {
        page.text()
            .contains("Je wachtwoord is gewijzigd. Je bent op je andere apparaten afgemeld.")
    })
    .await;
    assert_eq!(page.input("input#current-password").value(), "", "emptied");
    assert_eq!(page.input("input#new-password").value(), "");
}

#[wasm_bindgen_test]
async fn a_wrong_current_password_is_said_at_that_field_and_both_stay() {
    let fetch = account_backend(
        security(true, false, 0, false),
        vec![on(
            "POST",
            paths::ACCOUNT_PASSWORD,
            vec![problem(403, "wrong_password")],
        )],
    );
    let page = account_page();
    password_form(&page).await;
    fill_and_send(&page);

    wait_for("the wrong-password message", || {
        text_of(&page, "#current-password-error") == "Dit wachtwoord klopt niet."
    })
    .await;
    let current = page.input("input#current-password");
    assert_eq!(
        current.get_attribute("aria-invalid").as_deref(),
        Some("true")
    );
    assert!(current
        .get_attribute("aria-describedby")
        .unwrap_or_default()
        .contains("current-password-error"));
    assert_eq!(current.value(), CURRENT);
    assert_eq!(page.input("input#new-password").value(), NEW);
    assert_eq!(
        attribute(&page, "input#new-password", "aria-invalid"),
        None,
        "the new one is fine"
    );
    wait_for("focus on the current password", || {
        active_id() == "current-password"
    })
    .await;
    assert_eq!(fetch.calls_to("POST", paths::ACCOUNT_PASSWORD), 1);
}

#[wasm_bindgen_test]
async fn a_rule_only_the_server_checks_is_said_at_the_new_password() {
    let too_short = FakeResponse::json(
        422,
        r#"{"status":422,"code":"validation_failed",
            "errors":[{"field":"new_password","code":"min_length"}]}"#,
    );
    let _fetch = account_backend(
        security(true, false, 0, false),
        vec![on("POST", paths::ACCOUNT_PASSWORD, vec![Some(too_short)])],
    );
    let page = account_page();
    password_form(&page).await;
    fill_and_send(&page);

    wait_for("the rule at the new password", || {
        text_of(&page, "#new-password-error") == "Je wachtwoord is te kort."
    })
    .await;
    assert_eq!(
        attribute(&page, "input#new-password", "aria-invalid").as_deref(),
        Some("true")
    );
    assert_eq!(
        attribute(&page, "input#current-password", "aria-invalid"),
        None
    );
    assert_eq!(page.input("input#new-password").value(), NEW);
    wait_for("focus on the new password", || {
        active_id() == "new-password"
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_account_that_signs_in_with_microsoft_has_no_password_form() {
    let fetch = account_backend(security(false, false, 0, false), vec![]);
    let page = account_page();
    wait_for("the sentence about Microsoft", || {
        page.text()
            .contains("Je meldt je aan met Microsoft en hebt bij TopoCloud geen eigen wachtwoord.")
    })
    .await;
    assert!(page.find("input#current-password").is_none());
    assert!(page.find("input#new-password").is_none());
    assert!(!has_button(&page, "Wachtwoord wijzigen"));
    assert!(
        page.text().contains("Tweestapsverificatie"),
        "the other sections are there"
    );
    assert_eq!(fetch.calls_to("POST", paths::ACCOUNT_PASSWORD), 0);
}
