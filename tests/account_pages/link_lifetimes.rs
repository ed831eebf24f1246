//! Texts that say how long an emailed link works say what the backend's `/api/config`
//! says, not the defaults (a deployment with other lifetimes would be contradicted).

use super::*;
use topocloud_site::help::{Article, ArticleBody};
use topocloud_site::recovery::ForgotPasswordPage;

const SHORT_LINKS: &str = r#"{"registration_open":true,"sso_providers":[],
  "password_policy":{"min_length":12,"max_length":128,"blocklist":true},
  "link_lifetimes":{"verify_email_seconds":7200,"reset_seconds":900,"invitation_seconds":259200}}"#;

#[wasm_bindgen_test]
async fn the_reset_confirmation_says_the_backends_link_lifetime() {
    let fetch = backend(SHORT_LINKS, vec![("/api/password-resets", accepted())]);
    let page = mount(|| {
        view! {
            <Router>
                <ForgotPasswordPage />
            </Router>
        }
    });
    wait_for("the form", || page.find("input#email").is_some()).await;
    wait_for("/api/config", || fetch.calls_to("GET", "/api/config") == 1).await;
    type_into(&page.input("input#email"), "jan@devries.test");
    page.button("Aanvragen").click();
    wait_for("the confirmation with the backend's lifetime", || {
        page.text().contains("De link is 15 minuten geldig.")
    })
    .await;
    assert!(!page.text().contains("uur geldig"), "{}", page.text());
    assert_eq!(fetch.calls_to("POST", "/api/password-resets"), 1);
}

#[wasm_bindgen_test]
async fn the_help_article_on_expired_links_says_each_lifetime() {
    let _fetch = backend(SHORT_LINKS, Vec::new());
    let page = mount(|| {
        view! { <ArticleBody article=Signal::derive(|| Some(Article::LinkExpired)) /> }
    });
    wait_for("the backend's lifetimes", || {
        page.text().contains("15 minuten geldig")
    })
    .await;
    let text = page.text();
    assert!(text.contains("de link is 2 uur geldig"), "{text}");
    assert!(text.contains("de link is 3 dagen geldig"), "{text}");
    assert!(
        !text.contains("link_lifetime"),
        "a placeholder showed: {text}"
    );
}

#[wasm_bindgen_test]
async fn a_backend_that_does_not_say_gets_the_default_lifetimes_in_words() {
    let _fetch = backend(RECOMMENDED, Vec::new());
    let page = mount(|| {
        view! { <ArticleBody article=Signal::derive(|| Some(Article::LinkExpired)) /> }
    });
    wait_for("the article", || page.text().contains("Nieuw wachtwoord")).await;
    let text = page.text();
    assert!(text.contains("de link is 1 uur geldig"), "{text}");
    assert!(text.contains("de link is 24 uur geldig"), "{text}");
    assert!(text.contains("de link is 7 dagen geldig"), "{text}");
}
