//! The second sign-in step when the organisation requires two-step verification and the
//! account has none yet: the key, the first code, the recovery codes.

use super::*;

const OTHER_SECRET: &str = "KRSXG5CTMVRXEZLU";

fn enrolled() -> String {
    json!({"session": serde_json::from_str::<serde_json::Value>(SIGNED_IN).unwrap(),
           "recovery_codes": RECOVERY_CODES})
    .to_string()
}

fn enrol_backend(keys: Vec<Answer>, confirm: Vec<Answer>) -> FakeFetch {
    backend(vec![
        on("GET", paths::SECOND_STEP, vec![ok(ENROL_STEP)]),
        on("POST", paths::SECOND_STEP_ENROLMENT, keys),
        on("POST", paths::SECOND_STEP_ENROLMENT_CONFIRM, confirm),
    ])
}

async fn key_shown(page: &Mounted) {
    wait_for("the key", || page.find(".totp-key code").is_some()).await;
}

#[wasm_bindgen_test]
async fn the_key_is_drawn_as_the_backends_qr_code_and_written_in_groups_of_four() {
    let fetch = enrol_backend(vec![ok(&totp_setup(SECRET))], vec![]);
    let (page, _) = second_step_page();
    key_shown(&page).await;

    assert_eq!(text_of(&page, "h1"), "Zet tweestapsverificatie aan");
    assert_eq!(
        text_of(&page, ".totp-key code"),
        "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP"
    );
    let svg = page.find("svg.qr-code").expect("the QR code");
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(
        svg.get_attribute("aria-label").as_deref(),
        Some("QR-code voor je authenticator-app")
    );
    assert_eq!(svg.get_attribute("viewBox").as_deref(), Some("0 0 29 29"));
    assert_eq!(
        attribute(&page, "svg.qr-code path", "d").as_deref(),
        Some(QR_PATH)
    );
    assert!(!page.text().contains("otpauth://"), "the URI is not shown");
    let code = page.input("input#setup-code");
    assert_eq!(
        code.get_attribute("autocomplete").as_deref(),
        Some("one-time-code")
    );
    assert_eq!(fetch.calls_to("POST", paths::SECOND_STEP_ENROLMENT), 1);
}

#[wasm_bindgen_test]
async fn the_first_code_turns_it_on_and_the_ten_recovery_codes_come_before_going_on() {
    let fetch = enrol_backend(vec![ok(&totp_setup(SECRET))], vec![ok(&enrolled())]);
    let (page, went) = second_step_page();
    key_shown(&page).await;
    type_into(&page.input("input#setup-code"), "123 456");
    page.button("Aanzetten").click();

    wait_for("the recovery codes", || {
        page.find(".recovery-code-list").is_some()
    })
    .await;
    assert_eq!(
        fetch.last_json_to("POST", paths::SECOND_STEP_ENROLMENT_CONFIRM),
        json!({"code": "123456"})
    );
    let listed: Vec<String> = {
        let items = page
            .root
            .query_selector_all(".recovery-code-list li code")
            .unwrap();
        (0..items.length())
            .filter_map(|i| items.item(i))
            .filter_map(|n| n.text_content())
            .collect()
    };
    assert_eq!(listed, RECOVERY_CODES, "all ten, in order");
    assert_eq!(text_of(&page, "h2"), "Bewaar je herstelcodes");
    assert_eq!(went.to(), None, "not on before the codes are kept");

    page.button("Ik heb ze bewaard, verder").click();
    wait_for("on to where the login was going", || went.to().is_some()).await;
    assert_eq!(went.to().as_deref(), Some(DESTINATION));
}

#[wasm_bindgen_test]
async fn a_wrong_first_code_is_said_at_the_field() {
    let fetch = enrol_backend(
        vec![ok(&totp_setup(SECRET))],
        vec![problem(401, "code_invalid")],
    );
    let (page, went) = second_step_page();
    key_shown(&page).await;
    type_into(&page.input("input#setup-code"), "111111");
    page.button("Aanzetten").click();

    wait_for("the wrong-code message", || {
        text_of(&page, "#setup-code-error").starts_with("Deze code klopt niet")
    })
    .await;
    assert_eq!(page.input("input#setup-code").value(), "111111");
    assert_eq!(
        fetch.calls_to("POST", paths::SECOND_STEP_ENROLMENT),
        1,
        "same key"
    );
    assert_eq!(went.to(), None);
}

#[wasm_bindgen_test]
async fn an_expired_key_offers_to_start_over_with_a_new_one() {
    let fetch = enrol_backend(
        vec![ok(&totp_setup(SECRET)), ok(&totp_setup(OTHER_SECRET))],
        vec![problem(410, "setup_expired")],
    );
    let (page, _) = second_step_page();
    key_shown(&page).await;
    type_into(&page.input("input#setup-code"), "123456");
    page.button("Aanzetten").click();

    wait_for("the expired key", || {
        page.text().contains("Het instellen duurde te lang")
    })
    .await;
    assert!(
        page.find("input#setup-code").is_none(),
        "no code for a dead key"
    );
    page.button("Opnieuw beginnen").click();

    wait_for("a new key", || {
        text_of(&page, ".totp-key code") == "KRSX G5CT MVRX EZLU"
    })
    .await;
    assert_eq!(fetch.calls_to("POST", paths::SECOND_STEP_ENROLMENT), 2);
    assert_eq!(page.input("input#setup-code").value(), "", "a fresh form");
    assert!(!page.text().contains("Het instellen duurde te lang"));
}
