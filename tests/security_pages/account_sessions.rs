//! `/account`: where you are signed in, and ending a session after confirming it is you.

use super::*;

const END_FIREFOX: &str = "Sessie beëindigen: Firefox op Windows";

fn session_items(page: &Mounted) -> Vec<web_sys::Element> {
    let items = page.root.query_selector_all("li.session").unwrap();
    (0..items.length())
        .filter_map(|i| items.item(i))
        .map(|n| n.unchecked_into())
        .collect()
}

#[wasm_bindgen_test]
async fn sessions_are_named_in_words_and_this_device_is_marked() {
    let _fetch = account_backend(security(true, false, 0, false), vec![]);
    let page = account_page();
    wait_for("the sessions", || session_items(&page).len() == 3).await;

    let items = session_items(&page);
    let texts: Vec<String> = items
        .iter()
        .map(|li| li.text_content().unwrap_or_default())
        .collect();
    assert!(texts[0].contains("Chrome op macOS"), "{}", texts[0]);
    assert!(texts[0].contains("Dit apparaat"), "{}", texts[0]);
    assert!(items[0].class_list().contains("session--this"));
    assert!(
        items[0].query_selector("button").unwrap().is_none(),
        "this device is ended by signing out"
    );
    assert!(texts[1].contains("Firefox op Windows"), "{}", texts[1]);
    assert!(!texts[1].contains("Dit apparaat"));
    assert!(
        texts[2].contains("Onbekende browser op onbekend systeem"),
        "{}",
        texts[2]
    );
    assert!(has_button(&page, END_FIREFOX));
    assert!(has_button(&page, "Alle andere sessies beëindigen"));
}

#[wasm_bindgen_test]
async fn ending_a_session_that_needs_a_fresh_sign_in_asks_the_password_then_ends_it() {
    let ending = paths::account_session("s-2");
    let fetch = account_backend(
        security(true, false, 0, false),
        vec![
            on(
                "DELETE",
                &ending,
                vec![problem(403, "reauthentication_required"), no_content()],
            ),
            on("POST", paths::ACCOUNT_REAUTHENTICATE, vec![no_content()]),
        ],
    );
    let page = account_page();
    wait_for("the sessions", || has_button(&page, END_FIREFOX)).await;
    page.button(END_FIREFOX).click();

    wait_for("the confirmation", || {
        page.find("input#sessions-confirm-password").is_some()
    })
    .await;
    assert!(page.text().contains("Bevestig dat jij het bent"));
    wait_for("focus on its password field", || {
        active_id() == "sessions-confirm-password"
    })
    .await;
    assert_eq!(fetch.calls_to("DELETE", &ending), 1);
    assert_eq!(fetch.calls_to("POST", paths::ACCOUNT_REAUTHENTICATE), 0);

    type_into(
        &page.input("input#sessions-confirm-password"),
        "mijn-wachtwoord",
    );
    page.button("Bevestigen").click();
    wait_for("the session ended", || {
        page.text().contains("De sessie is beëindigd.")
    })
    .await;
    assert_eq!(
        fetch.last_json_to("POST", paths::ACCOUNT_REAUTHENTICATE),
        json!({"password": "mijn-wachtwoord"})
    );
    assert_eq!(
        fetch.calls_to("DELETE", &ending),
        2,
        "the ending, sent again"
    );
    assert!(page.find("input#sessions-confirm-password").is_none());
    wait_for("the list asked again", || {
        fetch.calls_to("GET", paths::ACCOUNT_SESSIONS) == 2
    })
    .await;
}
