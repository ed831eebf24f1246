//! The second sign-in step when things go wrong: limits, the network, an expired
//! challenge; and the step in English.

use super::*;

const LOGIN_AGAIN: &str = "/users/login?return_to=/projects/7";

async fn type_code_and_send(page: &Mounted, code: &str) {
    wait_for("the code field", || page.find("input#code").is_some()).await;
    type_into(&page.input("input#code"), code);
    page.button("Bevestigen").click();
}

fn alert_text(page: &Mounted) -> String {
    text_of(page, "[role=alert]")
}

#[wasm_bindgen_test]
async fn too_many_attempts_shows_the_countdown_and_sends_nothing_meanwhile() {
    let limited = FakeResponse::json(429, r#"{"status":429,"code":"too_many_attempts"}"#)
        .with_header("retry-after", "30");
    let fetch = backend(vec![
        on("GET", paths::SECOND_STEP, vec![ok(CODE_STEP)]),
        on("POST", paths::SECOND_STEP, vec![Some(limited)]),
    ]);
    let (page, _) = second_step_page();
    type_code_and_send(&page, "123456").await;

    wait_for("the countdown", || {
        alert_text(&page).contains("Te veel pogingen. Je kunt het over ")
    })
    .await;
    let said = alert_text(&page);
    assert!(
        said.contains("over 30 seconden") || said.contains("over 29 seconden"),
        "{said}"
    );
    wait_for("focus on the alert", || {
        document()
            .active_element()
            .is_some_and(|e| e.get_attribute("role").as_deref() == Some("alert"))
    })
    .await;
    let button = page.button("Bevestigen");
    assert_eq!(
        button.get_attribute("aria-disabled").as_deref(),
        Some("true")
    );
    button.click();
    leptos::task::tick().await;
    assert_eq!(fetch.calls_to("POST", paths::SECOND_STEP), 1, "locked");
    assert_eq!(page.input("input#code").value(), "123456");
}

#[wasm_bindgen_test]
async fn a_network_failure_keeps_the_code_and_trying_again_sends_it_again() {
    let fetch = backend(vec![
        on("GET", paths::SECOND_STEP, vec![ok(CODE_STEP)]),
        on("POST", paths::SECOND_STEP, vec![None, ok(SIGNED_IN)]),
    ]);
    let (page, went) = second_step_page();
    type_code_and_send(&page, "123 456").await;

    wait_for("the network message", || {
        alert_text(&page).contains("Geen verbinding met TopoCloud.")
    })
    .await;
    assert_eq!(page.input("input#code").value(), "123 456");
    assert_eq!(went.to(), None);
    page.button("Opnieuw proberen").click();

    wait_for("a second request", || {
        fetch.bodies_to("POST", paths::SECOND_STEP).len() == 2
    })
    .await;
    let bodies = fetch.bodies_to("POST", paths::SECOND_STEP);
    assert_eq!(bodies[0], bodies[1], "the same code, sent again");
    assert_eq!(
        fetch.last_json_to("POST", paths::SECOND_STEP)["code"],
        json!("123456")
    );
    wait_for("signed in this time", || went.to().is_some()).await;
    assert_eq!(went.to().as_deref(), Some(DESTINATION));
}

async fn sent_back_to_login(page: &Mounted) {
    wait_for("the sign-in-again screen", || {
        text_of(page, "h1") == "Log opnieuw in"
    })
    .await;
    let link = page.find("a.button--primary").expect("a link back");
    assert_eq!(
        link.text_content().unwrap_or_default().trim(),
        "Naar aanmelden"
    );
    assert_eq!(link.get_attribute("href").as_deref(), Some(LOGIN_AGAIN));
    assert!(page.find("input#code").is_none(), "no code form any more");
}

#[wasm_bindgen_test]
async fn a_challenge_expired_on_opening_sends_back_to_the_login() {
    let fetch = backend(vec![on(
        "GET",
        paths::SECOND_STEP,
        vec![problem(401, "challenge_expired")],
    )]);
    let (page, went) = second_step_page();
    sent_back_to_login(&page).await;
    assert_eq!(fetch.calls_to("POST", paths::SECOND_STEP), 0);
    assert_eq!(went.to(), None, "a link to follow, not a redirect");
}

#[wasm_bindgen_test]
async fn a_challenge_expired_on_sending_sends_back_to_the_login() {
    let fetch = backend(vec![
        on("GET", paths::SECOND_STEP, vec![ok(CODE_STEP)]),
        on(
            "POST",
            paths::SECOND_STEP,
            vec![problem(401, "challenge_expired")],
        ),
    ]);
    let (page, went) = second_step_page();
    type_code_and_send(&page, "123456").await;
    sent_back_to_login(&page).await;
    assert_eq!(fetch.calls_to("POST", paths::SECOND_STEP), 1);
    assert_eq!(went.to(), None);
}

#[wasm_bindgen_test]
async fn a_challenge_expired_while_turning_two_step_on_sends_back_to_the_login() {
    let fetch = backend(vec![
        on("GET", paths::SECOND_STEP, vec![ok(ENROL_STEP)]),
        on(
            "POST",
            paths::SECOND_STEP_ENROLMENT,
            vec![ok(&totp_setup(SECRET))],
        ),
        on(
            "POST",
            paths::SECOND_STEP_ENROLMENT_CONFIRM,
            vec![problem(401, "challenge_expired")],
        ),
    ]);
    let (page, went) = second_step_page();
    wait_for("the setup code field", || {
        page.find("input#setup-code").is_some()
    })
    .await;
    type_into(&page.input("input#setup-code"), "123456");
    page.button("Aanzetten").click();
    wait_for("the sign-in-again screen", || {
        text_of(&page, "h1") == "Log opnieuw in"
    })
    .await;
    assert_eq!(
        attribute(&page, "a.button--primary", "href").as_deref(),
        Some(LOGIN_AGAIN)
    );
    assert_eq!(
        fetch.calls_to("POST", paths::SECOND_STEP_ENROLMENT_CONFIRM),
        1
    );
    assert_eq!(went.to(), None);
}

#[wasm_bindgen_test]
async fn a_step_that_could_not_be_asked_for_is_asked_for_again() {
    let fetch = backend(vec![on(
        "GET",
        paths::SECOND_STEP,
        vec![None, ok(CODE_STEP)],
    )]);
    let (page, _) = second_step_page();
    wait_for("the network message", || {
        alert_text(&page).contains("Geen verbinding met TopoCloud.")
    })
    .await;
    assert!(page.find("input#code").is_none());
    page.button("Opnieuw proberen").click();
    wait_for("the code form after all", || {
        page.find("input#code").is_some()
    })
    .await;
    assert_eq!(fetch.calls_to("GET", paths::SECOND_STEP), 2);
}

#[wasm_bindgen_test]
async fn the_second_step_speaks_english_when_english_was_chosen() {
    let fetch = backend(vec![
        on("GET", paths::SECOND_STEP, vec![ok(CODE_STEP)]),
        on(
            "POST",
            paths::SECOND_STEP,
            vec![problem(401, "code_invalid")],
        ),
    ]);
    let (page, _) = second_step_page_in(Lang::En);
    wait_for("the code field", || page.find("input#code").is_some()).await;
    assert_eq!(text_of(&page, "h1"), "Enter your sign-in code");
    assert_eq!(text_of(&page, "label[for=code]"), "Code from the app");
    assert_eq!(
        text_of(&page, "label[for=trust-device]"),
        "Trust this device for 30 days"
    );
    assert!(has_button(&page, "Phone not at hand? Use a recovery code"));

    type_into(&page.input("input#code"), "12345");
    page.button("Verify").click();
    wait_for("the short-code error in English", || {
        text_of(&page, "#code-error") == "A code has 6 digits, for example 123 456."
    })
    .await;
    assert_eq!(fetch.calls_to("POST", paths::SECOND_STEP), 0);

    type_into(&page.input("input#code"), "123 456");
    page.button("Verify").click();
    wait_for("the wrong-code message in English", || {
        text_of(&page, "#code-error").starts_with("This code is not right or was used already.")
    })
    .await;
    assert!(
        !page.text().contains("klopt"),
        "no Dutch left: {}",
        page.text()
    );
}
