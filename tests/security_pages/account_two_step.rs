//! `/account`: two-step verification turned off, required, and short of recovery codes.

use super::*;

const TURN_OFF: &str = "Tweestapsverificatie uitzetten";
const FEW_LEFT: &str = "Je hebt bijna geen herstelcodes meer.";

async fn two_step_on(page: &Mounted) {
    wait_for("the two-step section", || {
        page.text().contains("Tweestapsverificatie staat aan:")
    })
    .await;
}

#[wasm_bindgen_test]
async fn turning_two_step_off_asks_for_the_password_first_and_sends_it() {
    let fetch = account_backend(
        security(true, true, 8, false),
        vec![on("POST", paths::TWO_STEP_DISABLE, vec![no_content()])],
    );
    let page = account_page();
    two_step_on(&page).await;
    page.button(TURN_OFF).click();

    wait_for("the confirmation", || {
        page.text().contains("Bevestig dat jij het bent")
    })
    .await;
    assert!(page.text().contains(
        "Vul je wachtwoord of een code uit de app in om tweestapsverificatie uit te zetten."
    ));
    wait_for("focus on its password field", || {
        active_id() == "two-step-confirm-password"
    })
    .await;
    assert_eq!(
        fetch.calls_to("POST", paths::TWO_STEP_DISABLE),
        0,
        "nothing is turned off by one click"
    );
    type_into(
        &page.input("input#two-step-confirm-password"),
        "mijn-wachtwoord",
    );
    page.button("Bevestigen").click();

    wait_for("turned off", || {
        page.text().contains("Tweestapsverificatie staat uit.")
    })
    .await;
    assert_eq!(
        fetch.last_json_to("POST", paths::TWO_STEP_DISABLE),
        json!({"password": "mijn-wachtwoord"})
    );
    assert_eq!(fetch.calls_to("POST", paths::TWO_STEP_DISABLE), 1);
    wait_for("the page asks the backend again", || {
        fetch.calls_to("GET", paths::ACCOUNT_SECURITY) == 2
    })
    .await;
}

#[wasm_bindgen_test]
async fn cancelling_the_confirmation_leaves_two_step_on() {
    let fetch = account_backend(
        security(true, true, 8, false),
        vec![on("POST", paths::TWO_STEP_DISABLE, vec![no_content()])],
    );
    let page = account_page();
    two_step_on(&page).await;
    page.button(TURN_OFF).click();
    wait_for("the confirmation", || {
        page.find("input#two-step-confirm-password").is_some()
    })
    .await;
    page.button("Annuleren").click();
    wait_for("back to the section", || has_button(&page, TURN_OFF)).await;
    assert!(page.find("input#two-step-confirm-password").is_none());
    assert_eq!(fetch.calls_to("POST", paths::TWO_STEP_DISABLE), 0);
}

#[wasm_bindgen_test]
async fn an_organisation_that_requires_two_step_offers_no_way_to_turn_it_off() {
    let _fetch = account_backend(security(true, true, 8, true), vec![]);
    let page = account_page();
    two_step_on(&page).await;
    assert!(page
        .text()
        .contains("Je organisatie vereist tweestapsverificatie, dus uitzetten kan niet."));
    assert!(!has_button(&page, TURN_OFF));
    assert!(has_button(&page, "Nieuwe herstelcodes maken"));
}

#[wasm_bindgen_test]
async fn few_recovery_codes_left_are_warned_about_and_plenty_are_not() {
    let few = account_backend(security(true, true, 2, false), vec![]);
    let page = account_page();
    two_step_on(&page).await;
    assert!(page.text().contains("Je hebt nog 2 herstelcodes."));
    assert!(
        text_of(&page, ".notice--warning").starts_with(FEW_LEFT),
        "{}",
        page.text()
    );
    drop(page);
    drop(few);

    let _plenty = account_backend(security(true, true, 8, false), vec![]);
    let page = account_page();
    two_step_on(&page).await;
    assert!(page.text().contains("Je hebt nog 8 herstelcodes."));
    assert!(!page.text().contains(FEW_LEFT));
}
