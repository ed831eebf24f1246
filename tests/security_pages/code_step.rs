//! The second sign-in step's code form: the field, what is sent, what is refused.

use super::*;

fn code_backend(answer: Answer) -> FakeFetch {
    backend(vec![
        on("GET", paths::SECOND_STEP, vec![ok(CODE_STEP)]),
        on("POST", paths::SECOND_STEP, vec![answer]),
    ])
}

async fn code_form(page: &Mounted) {
    wait_for("the code field", || page.find("input#code").is_some()).await;
}

#[wasm_bindgen_test]
async fn the_code_field_is_labelled_and_asks_for_the_phones_numeric_one_time_code() {
    let _fetch = code_backend(problem(401, "code_invalid"));
    let (page, _) = second_step_page();
    code_form(&page).await;

    assert_eq!(text_of(&page, "h1"), "Vul je inlogcode in");
    assert_eq!(text_of(&page, "label[for=code]"), "Code uit de app");
    let code = page.input("input#code");
    assert_eq!(code.type_(), "text");
    assert_eq!(
        code.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );
    assert_eq!(code.get_attribute("inputmode").as_deref(), Some("numeric"));
    assert_eq!(
        code.get_attribute("aria-describedby").as_deref(),
        Some("code-hint")
    );
    assert!(text_of(&page, "#code-hint").starts_with("6 cijfers, bijvoorbeeld 123 456."));
    assert_eq!(code.get_attribute("aria-invalid"), None);
    assert!(
        !shown(&page, "input#recovery-code"),
        "the recovery field waits"
    );
    assert_eq!(
        text_of(&page, "label[for=trust-device]"),
        "Dit apparaat 30 dagen vertrouwen"
    );
    assert!(
        !page.input("input#trust-device").checked(),
        "never ticked for you"
    );
}

#[wasm_bindgen_test]
async fn a_pasted_code_with_a_space_or_a_dash_is_sent_as_six_digits_and_signs_in() {
    for pasted in ["123 456", "123-456", " 123456 "] {
        let fetch = code_backend(ok(SIGNED_IN));
        let (page, went) = second_step_page();
        code_form(&page).await;
        type_into(&page.input("input#code"), pasted);
        page.button("Bevestigen").click();

        wait_for("the code sent", || {
            fetch.bodies_to("POST", paths::SECOND_STEP).len() == 1
        })
        .await;
        assert_eq!(
            fetch.last_json_to("POST", paths::SECOND_STEP),
            json!({"code": "123456", "recovery": false, "trust_device": false}),
            "pasted as {pasted:?}"
        );
        wait_for("on to where the login was going", || went.to().is_some()).await;
        assert_eq!(went.to().as_deref(), Some(DESTINATION));
    }
}

#[wasm_bindgen_test]
async fn an_empty_or_short_code_is_refused_in_words_without_a_request() {
    let fetch = code_backend(ok(SIGNED_IN));
    let (page, went) = second_step_page();
    code_form(&page).await;

    page.button("Bevestigen").click();
    wait_for("the empty-code error", || {
        text_of(&page, "#code-error") == "Vul de code van 6 cijfers uit de app in."
    })
    .await;
    let code = page.input("input#code");
    assert_eq!(code.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        code.get_attribute("aria-describedby").as_deref(),
        Some("code-hint code-error")
    );
    wait_for("focus on the code field", || active_id() == "code").await;

    type_into(&code, "12345");
    let button = page.button("Bevestigen");
    button.focus().unwrap();
    assert_eq!(active_id(), "", "focus left the field");
    button.click();
    wait_for("the five-digit error", || {
        text_of(&page, "#code-error") == "Een code bestaat uit 6 cijfers, bijvoorbeeld 123 456."
    })
    .await;
    wait_for("focus back on the code field", || active_id() == "code").await;
    assert_eq!(
        page.input("input#code").value(),
        "12345",
        "what was typed stays"
    );
    assert_eq!(
        fetch.calls_to("POST", paths::SECOND_STEP),
        0,
        "a code that cannot be right is never sent"
    );
    assert_eq!(went.to(), None);
}

#[wasm_bindgen_test]
async fn a_wrong_code_is_said_at_the_field_and_stays_typed() {
    let fetch = code_backend(problem(401, "code_invalid"));
    let (page, went) = second_step_page();
    code_form(&page).await;
    type_into(&page.input("input#code"), "123 456");
    let button = page.button("Bevestigen");
    button.focus().unwrap();
    button.click();

    wait_for("the wrong-code message", || {
        text_of(&page, "#code-error").starts_with("Deze code klopt niet of is al gebruikt.")
    })
    .await;
    let code = page.input("input#code");
    assert_eq!(code.get_attribute("aria-invalid").as_deref(), Some("true"));
    assert_eq!(
        code.get_attribute("aria-describedby").as_deref(),
        Some("code-hint code-error")
    );
    assert_eq!(code.value(), "123 456");
    wait_for("focus on the code field", || active_id() == "code").await;
    assert_eq!(fetch.calls_to("POST", paths::SECOND_STEP), 1);
    assert_eq!(went.to(), None, "still here");
    assert!(
        !page
            .find("[role=alert]")
            .unwrap()
            .text_content()
            .unwrap_or_default()
            .contains("klopt"),
        "said at the field, not in the form's alert"
    );
}

#[wasm_bindgen_test]
async fn switching_to_a_recovery_code_keeps_both_texts_and_sends_it_normalised() {
    let fetch = code_backend(ok(SIGNED_IN));
    let (page, went) = second_step_page();
    code_form(&page).await;
    type_into(&page.input("input#code"), "123456");

    page.button("Telefoon niet bij de hand? Gebruik een herstelcode")
        .click();
    wait_for("the recovery field", || shown(&page, "input#recovery-code")).await;
    assert!(!shown(&page, "input#code"));
    assert_eq!(text_of(&page, "label[for=recovery-code]"), "Herstelcode");
    wait_for("focus on the recovery field", || {
        active_id() == "recovery-code"
    })
    .await;
    let recovery = page.input("input#recovery-code");
    assert_eq!(recovery.get_attribute("inputmode").as_deref(), Some("text"));
    type_into(&recovery, "ABCDE-23456");

    page.button("Gebruik toch een code uit de app").click();
    wait_for("the code field again", || shown(&page, "input#code")).await;
    assert_eq!(page.input("input#code").value(), "123456");
    page.button("Telefoon niet bij de hand? Gebruik een herstelcode")
        .click();
    wait_for("the recovery field again", || {
        shown(&page, "input#recovery-code")
    })
    .await;
    assert_eq!(page.input("input#recovery-code").value(), "ABCDE-23456");

    page.button("Bevestigen").click();
    wait_for("the recovery code sent", || {
        fetch.bodies_to("POST", paths::SECOND_STEP).len() == 1
    })
    .await;
    assert_eq!(
        fetch.last_json_to("POST", paths::SECOND_STEP),
        json!({"code": "abcde23456", "recovery": true, "trust_device": false})
    );
    wait_for("signed in", || went.to().is_some()).await;
}

#[wasm_bindgen_test]
async fn trusting_this_device_is_sent_only_when_ticked() {
    let fetch = code_backend(problem(401, "code_invalid"));
    let (page, _) = second_step_page();
    code_form(&page).await;
    type_into(&page.input("input#code"), "654321");
    page.button("Bevestigen").click();
    wait_for("the first code sent", || {
        fetch.bodies_to("POST", paths::SECOND_STEP).len() == 1
    })
    .await;
    assert_eq!(
        fetch.last_json_to("POST", paths::SECOND_STEP)["trust_device"],
        json!(false)
    );
    wait_for("the answer", || !text_of(&page, "#code-error").is_empty()).await;

    page.input("input#trust-device").click();
    assert!(page.input("input#trust-device").checked());
    page.button("Bevestigen").click();
    wait_for("the second code sent", || {
        fetch.bodies_to("POST", paths::SECOND_STEP).len() == 2
    })
    .await;
    assert_eq!(
        fetch.last_json_to("POST", paths::SECOND_STEP),
        json!({"code": "654321", "recovery": false, "trust_device": true})
    );
}
