//! Email verification: the link is used only on the click.

use super::*;

#[wasm_bindgen_test]
async fn a_verification_link_is_used_only_on_the_click_and_leaves_the_address_bar() {
    let confirmed = FakeResponse::json(200, r#"{"email":"jan@devries.test"}"#);
    let fetch = backend(RECOMMENDED, vec![("/api/email-verifications", confirmed)]);
    with_token("abc123");
    let page = mount(|| {
        view! {
            <Router>
                <VerifyEmailPage />
            </Router>
        }
    });
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
    let page = mount(|| {
        view! {
            <Router>
                <VerifyEmailPage />
            </Router>
        }
    });
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
    let page = mount(|| {
        view! {
            <Router>
                <VerifyEmailPage />
            </Router>
        }
    });
    wait_for("the invalid state", || {
        page.text().contains("Deze link werkt niet")
    })
    .await;
    assert_eq!(fetch.calls_to("POST", "/api/email-verifications"), 0);
}
