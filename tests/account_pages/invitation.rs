//! Invitations: who invites whom, every way a link can turn out, accepting.

use super::*;

fn invitation_page() -> Mounted {
    mount(|| {
        view! {
            <Router>
                <InvitationPage />
            </Router>
        }
    })
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
