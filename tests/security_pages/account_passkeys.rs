//! `/account`: passkeys, with the browser's WebAuthn replaced by a script that answers as
//! `navigator.credentials.create` would (or as a closed dialog).

use super::*;

const CONFIG_WITH_PASSKEYS: &str = r#"{"registration_open":true,"sso_providers":[],"passkeys":true,
  "password_policy":{"min_length":12,"max_length":128,"blocklist":true}}"#;
const OPTIONS: &str = r#"{"publicKey":{"challenge":"Y2hhbGxlbmdl","rp":{"name":"TopoCloud"}}}"#;
const ONE_PASSKEY: &str = r#"[{"id":"p-1","name":"Telefoon van Anna","created_at":1767225600,
  "last_used_at":null,"browser":"Chrome","system":"Android"}]"#;
const ADDED: &str = r#"{"id":"p-2","name":"Laptop van Anna","created_at":1767229200,
  "last_used_at":null,"browser":"Chrome","system":"Linux"}"#;

/// The browser's passkey side: `create` answers `answer` (a JS expression of a promise)
/// and keeps what it was asked in `window.__created`; then the site's module over it.
fn browser_answers(answer: &str) {
    js_sys::eval(&format!(
        r#"window.PublicKeyCredential = {{
             parseCreationOptionsFromJSON: (o) => ({{ parsed: o }}),
             parseRequestOptionsFromJSON: (o) => ({{ parsed: o }}) }};
           window.__created = [];
           Object.defineProperty(navigator, 'credentials', {{ configurable: true, value: {{
             create: (o) => {{ window.__created.push(o); return {answer}; }} }} }});"#
    ))
    .expect("stub");
    // The site's own module (public/passkeys.js) over this browser, as if fetched already.
    js_sys::eval(include_str!("../../public/passkeys.js")).expect("the passkeys module");
}

fn created() -> usize {
    js_sys::eval("window.__created.length")
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(0.0) as usize
}

fn passkeys_backend(list: &str, more: Vec<(&'static str, String, Vec<Answer>)>) -> FakeFetch {
    let mut script = vec![
        on("GET", paths::CONFIG, vec![ok(CONFIG_WITH_PASSKEYS)]),
        on("GET", paths::ACCOUNT_PASSKEYS, vec![ok(list), ok(list)]),
    ];
    script.extend(more);
    account_backend(security(true, false, 0, false), script)
}

async fn section_drawn(page: &Mounted) {
    wait_for("the passkeys section", || {
        page.text().contains("Toegangssleutels (passkeys)")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_passkey_is_made_by_the_browser_from_the_servers_options_and_sent_back_with_its_name() {
    browser_answers("Promise.resolve({ toJSON: () => ({ id: 'cred-1', type: 'public-key' }) })");
    let fetch = passkeys_backend(
        "[]",
        vec![
            on(
                "POST",
                paths::PASSKEY_REGISTRATION_OPTIONS,
                vec![ok(OPTIONS)],
            ),
            on(
                "POST",
                paths::ACCOUNT_PASSKEYS,
                vec![Some(FakeResponse::json(201, ADDED))],
            ),
        ],
    );
    let page = account_page();
    section_drawn(&page).await;
    assert!(page.text().contains("Je hebt nog geen toegangssleutels."));
    type_into(&page.input("input#passkey-name"), "  Laptop van Anna ");
    page.button("Toegangssleutel toevoegen").click();

    wait_for("added", || {
        page.text().contains("De toegangssleutel is toegevoegd.")
    })
    .await;
    assert_eq!(created(), 1);
    let asked = js_sys::eval("JSON.stringify(window.__created[0])")
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&asked).unwrap(),
        json!({"publicKey": {"parsed": {"challenge": "Y2hhbGxlbmdl", "rp": {"name": "TopoCloud"}}}}),
        "the server's publicKey went through the browser's own JSON parser"
    );
    assert_eq!(
        fetch.last_json_to("POST", paths::ACCOUNT_PASSKEYS),
        json!({"name": "  Laptop van Anna ", "credential": {"id": "cred-1", "type": "public-key"}})
    );
    wait_for("the list asked again", || {
        fetch.calls_to("GET", paths::ACCOUNT_PASSKEYS) == 2
    })
    .await;
}

#[wasm_bindgen_test]
async fn closing_the_browsers_dialog_is_no_error_and_sends_nothing() {
    browser_answers("Promise.reject(new DOMException('closed', 'NotAllowedError'))");
    let fetch = passkeys_backend(
        "[]",
        vec![on(
            "POST",
            paths::PASSKEY_REGISTRATION_OPTIONS,
            vec![ok(OPTIONS)],
        )],
    );
    let page = account_page();
    section_drawn(&page).await;
    page.button("Toegangssleutel toevoegen").click();
    wait_for("the dialog was opened", || created() == 1).await;
    wait_for("the button usable again", || {
        page.button("Toegangssleutel toevoegen")
            .get_attribute("aria-disabled")
            .is_none()
    })
    .await;
    assert_eq!(fetch.calls_to("POST", paths::ACCOUNT_PASSKEYS), 0);
    let alerts = page
        .root
        .query_selector_all(".form-alert--visible")
        .unwrap();
    assert_eq!(alerts.length(), 0, "no alert for a closed dialog");
}

#[wasm_bindgen_test]
async fn a_second_passkey_on_the_same_device_is_said_in_words() {
    browser_answers("Promise.reject(new DOMException('exists', 'InvalidStateError'))");
    let _fetch = passkeys_backend(
        ONE_PASSKEY,
        vec![on(
            "POST",
            paths::PASSKEY_REGISTRATION_OPTIONS,
            vec![ok(OPTIONS)],
        )],
    );
    let page = account_page();
    section_drawn(&page).await;
    page.button("Toegangssleutel toevoegen").click();
    wait_for("said", || {
        page.text()
            .contains("Op dit apparaat staat al een toegangssleutel voor je account.")
    })
    .await;
}

#[wasm_bindgen_test]
async fn adding_after_a_while_asks_the_password_then_asks_for_options_again() {
    browser_answers("Promise.resolve({ toJSON: () => ({ id: 'cred-1' }) })");
    let fetch = passkeys_backend(
        "[]",
        vec![
            on(
                "POST",
                paths::PASSKEY_REGISTRATION_OPTIONS,
                vec![problem(403, "reauthentication_required"), ok(OPTIONS)],
            ),
            on("POST", paths::ACCOUNT_REAUTHENTICATE, vec![no_content()]),
            on(
                "POST",
                paths::ACCOUNT_PASSKEYS,
                vec![Some(FakeResponse::json(201, ADDED))],
            ),
        ],
    );
    let page = account_page();
    section_drawn(&page).await;
    page.button("Toegangssleutel toevoegen").click();
    wait_for("the confirmation", || {
        page.find("input#passkeys-confirm-password").is_some()
    })
    .await;
    assert_eq!(created(), 0, "no dialog before the password");
    type_into(
        &page.input("input#passkeys-confirm-password"),
        "mijn-wachtwoord",
    );
    page.button("Bevestigen").click();
    wait_for("added", || {
        page.text().contains("De toegangssleutel is toegevoegd.")
    })
    .await;
    assert_eq!(
        fetch.calls_to("POST", paths::PASSKEY_REGISTRATION_OPTIONS),
        2
    );
}

#[wasm_bindgen_test]
async fn removing_a_passkey_asks_first_then_removes_it() {
    browser_answers("Promise.reject(new DOMException('closed', 'NotAllowedError'))");
    let fetch = passkeys_backend(
        ONE_PASSKEY,
        vec![on(
            "DELETE",
            &paths::account_passkey("p-1"),
            vec![no_content()],
        )],
    );
    let page = account_page();
    wait_for("the passkey listed", || {
        page.text().contains("Telefoon van Anna")
    })
    .await;
    assert!(page.text().contains("Chrome op Android"));
    assert!(page.text().contains("Nog niet gebruikt"));
    page.button("Verwijderen: Telefoon van Anna").click();
    wait_for("the question", || {
        page.text().contains("Deze toegangssleutel verwijderen?")
    })
    .await;
    assert_eq!(fetch.calls_to("DELETE", &paths::account_passkey("p-1")), 0);
    page.button("Ja, verwijderen").click();
    wait_for("removed", || {
        page.text().contains("De toegangssleutel is verwijderd.")
    })
    .await;
    assert_eq!(fetch.calls_to("DELETE", &paths::account_passkey("p-1")), 1);
}

#[wasm_bindgen_test]
async fn a_passkey_is_renamed_in_its_row_and_an_empty_name_is_refused_without_a_request() {
    browser_answers("Promise.reject(new DOMException('closed', 'NotAllowedError'))");
    const RENAMED: &str = r#"{"id":"p-1","name":"Werktelefoon","created_at":1767225600,
      "last_used_at":null,"browser":"Chrome","system":"Android"}"#;
    let fetch = passkeys_backend(
        ONE_PASSKEY,
        vec![on(
            "POST",
            &paths::account_passkey("p-1"),
            vec![ok(RENAMED)],
        )],
    );
    let page = account_page();
    wait_for("the passkey listed", || {
        page.text().contains("Telefoon van Anna")
    })
    .await;
    page.button("Naam wijzigen: Telefoon van Anna").click();
    wait_for("the rename form", || page.find("#passkey-rename").is_some()).await;
    let field = page.input("#passkey-rename");
    // It starts with the name as it is.
    wait_for("the name in the field", || {
        field.value() == "Telefoon van Anna"
    })
    .await;
    wait_for("focus in the field", || {
        document()
            .active_element()
            .is_some_and(|e| e.id() == "passkey-rename")
    })
    .await;

    type_into(&field, "   ");
    page.button("Naam opslaan").click();
    wait_for("the empty name said", || {
        page.text().contains("Geef de toegangssleutel een naam.")
    })
    .await;
    assert_eq!(fetch.calls_to("POST", &paths::account_passkey("p-1")), 0);

    type_into(&field, "  Werktelefoon ");
    page.button("Naam opslaan").click();
    wait_for("renamed", || page.text().contains("De naam is gewijzigd.")).await;
    assert_eq!(
        fetch.bodies_to("POST", &paths::account_passkey("p-1")),
        vec![r#"{"name":"Werktelefoon"}"#.to_owned()]
    );
    assert!(page.find("#passkey-rename").is_none(), "the form is closed");
}
