//! Single sign-on through the local stand-in identity provider, over real HTTP, each
//! redirect followed by hand so every step can be inspected (and tampered with).

#[path = "sso/browser.rs"]
mod browser;
mod support;

use browser::{location, login_error, no_redirects, parse, Browser, AUTHORIZE};
use reqwest::{StatusCode, Url};
use support::TestBackend;
use topocloud_backend::accounts::DEMO_EMAIL;
use topocloud_backend::sso::pkce_challenge;

#[tokio::test]
async fn round_trip_signs_in_and_lands_on_the_return_to() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let (params, cookie) = browser.start("/projects/12%3Ftab%3Dmap").await;
    for part in [
        "topocloud_sso=",
        "HttpOnly",
        "SameSite=Lax",
        "Path=/api/sso",
        "Max-Age=600",
    ] {
        assert!(cookie.contains(part), "{cookie}");
    }
    assert_eq!(params["client_id"], "topocloud");
    let callback_uri = "http://127.0.0.1:8080/api/sso/microsoft/callback";
    assert_eq!(params["redirect_uri"], callback_uri);
    assert_eq!(params["code_challenge_method"], "S256");
    assert_eq!(params["response_type"], "code");
    assert!(params["state"].len() >= 32, "at least 128 random bits");

    let authorize = Url::parse_with_params(&b.url(AUTHORIZE), &params).expect("url");
    let page = browser.http.get(authorize).send().await.expect("request");
    assert_eq!(page.status(), StatusCode::OK);
    let html = page.text().await.expect("html");
    assert!(html.contains("local stand-in") && html.contains("This is not Microsoft"));
    assert!(html.contains(DEMO_EMAIL) && html.contains(&params["state"]));

    let callback = browser.decide(&params, DEMO_EMAIL, "sign_in").await;
    assert!(
        callback.starts_with(&format!("{callback_uri}?code=")),
        "{callback}"
    );
    assert_eq!(browser.finish(&callback).await, "/projects/12?tab=map");
    assert_eq!(browser.signed_in_as().await.as_deref(), Some(DEMO_EMAIL));
}

#[tokio::test]
async fn a_return_to_off_the_site_lands_on_the_account_page() {
    let b = TestBackend::start().await;
    for return_to in [
        "https://evil.test/",
        "//evil.test",
        "/%252F%252Fevil.test",
        "/users/login",
    ] {
        let browser = Browser::new(&b);
        let (params, _) = browser.start(return_to).await;
        let callback = browser.decide(&params, DEMO_EMAIL, "sign_in").await;
        assert_eq!(browser.finish(&callback).await, "/account", "{return_to}");
    }
}

#[tokio::test]
async fn a_tampered_state_is_a_mismatch_and_signs_nobody_in() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let (params, _) = browser.start("/account").await;
    let callback = browser.decide(&params, DEMO_EMAIL, "sign_in").await;
    let forged = callback.replace(&params["state"], &"0".repeat(64));
    assert_ne!(forged, callback);
    assert_eq!(
        browser.finish(&forged).await,
        login_error("sso_state_mismatch")
    );
    assert_eq!(browser.signed_in_as().await, None);
}

#[tokio::test]
async fn a_callback_without_the_flow_cookie_is_a_mismatch() {
    let b = TestBackend::start().await;
    let callback = Browser::new(&b).callback_for(DEMO_EMAIL).await;
    // Another browser (one that followed an attacker's link) has no flow cookie.
    let other = Browser::new(&b);
    assert_eq!(
        other.finish(&callback).await,
        login_error("sso_state_mismatch")
    );
    assert_eq!(other.signed_in_as().await, None);
}

#[tokio::test]
async fn a_code_issued_for_another_pkce_challenge_fails() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let (mut params, _) = browser.start("/account").await;
    let other = pkce_challenge("an-attacker-s-own-verifier-that-is-long-enough-0");
    params.insert("code_challenge".into(), other);
    let callback = browser.decide(&params, DEMO_EMAIL, "sign_in").await;
    assert_eq!(browser.finish(&callback).await, login_error("sso_failed"));
    assert_eq!(browser.signed_in_as().await, None);
}

#[tokio::test]
async fn a_code_works_only_once() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let (params, cookie) = browser.start("/account").await;
    let callback = parse(&browser.decide(&params, DEMO_EMAIL, "sign_in").await);
    // Replayed with the same flow cookie, so state and verifier are right both times
    // and only the code's single use can refuse the second attempt.
    let flow_cookie = cookie.split(';').next().expect("name=value").to_owned();
    let path = format!("{}?{}", callback.path(), callback.query().expect("query"));
    for expected in ["/account".to_owned(), login_error("sso_failed")] {
        let request = no_redirects(false)
            .get(b.url(&path))
            .header("cookie", &flow_cookie);
        assert_eq!(location(&request.send().await.expect("request")), expected);
    }
}

#[tokio::test]
async fn an_expired_code_fails() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let callback = browser.callback_for(DEMO_EMAIL).await;
    b.state.clock.advance(301);
    assert_eq!(browser.finish(&callback).await, login_error("sso_failed"));
    assert_eq!(browser.signed_in_as().await, None);
}

#[tokio::test]
async fn cancelling_at_the_provider_is_reported_as_cancelled() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let (params, _) = browser.start("/account").await;
    let callback = browser.decide(&params, "", "cancel").await;
    assert!(callback.contains("error=access_denied"), "{callback}");
    assert_eq!(
        browser.finish(&callback).await,
        login_error("sso_cancelled")
    );
    assert_eq!(browser.signed_in_as().await, None);
}

#[tokio::test]
async fn an_email_without_an_account_is_not_signed_in_or_created() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let callback = browser.callback_for("nobody@topocloud.test").await;
    assert_eq!(
        browser.finish(&callback).await,
        login_error("sso_no_account")
    );
    assert_eq!(browser.signed_in_as().await, None);
}

#[tokio::test]
async fn an_unknown_provider_is_reported() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    for path in [
        "/api/sso/google/start?return_to=/account",
        "/api/sso/google/callback?code=x&state=y",
    ] {
        let res = browser.get(path).await;
        assert_eq!(
            location(&res),
            login_error("sso_unknown_provider"),
            "{path}"
        );
    }
}

#[tokio::test]
async fn the_stand_in_escapes_what_it_echoes_and_only_redirects_to_this_site() {
    let b = TestBackend::start().await;
    let browser = Browser::new(&b);
    let (mut params, _) = browser.start("/account").await;
    params.insert("state".into(), r#""><script>alert(1)</script>"#.into());
    let authorize = Url::parse_with_params(&b.url(AUTHORIZE), &params).expect("url");
    let res = browser.http.get(authorize).send().await.expect("request");
    let html = res.text().await.expect("html");
    assert!(
        html.contains("&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script>"));

    params.insert("redirect_uri".into(), "https://evil.test/api/sso/".into());
    params.insert("action".into(), "sign_in".into());
    let res = browser
        .http
        .post(b.url(AUTHORIZE))
        .form(&params)
        .send()
        .await;
    assert_eq!(res.expect("request").status(), StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn without_dev_mode_there_is_no_stand_in_and_no_provider() {
    let b = TestBackend::start_with(|config| config.dev = false).await;
    let browser = Browser::new(&b);
    let page = browser
        .get(&format!("{AUTHORIZE}?client_id=topocloud"))
        .await;
    assert_eq!(page.status(), StatusCode::NOT_FOUND);
    let start = browser.get("/api/sso/microsoft/start").await;
    assert_eq!(location(&start), login_error("sso_unknown_provider"));
}
