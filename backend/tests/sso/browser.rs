//! The hand-driven browser the SSO tests walk the flow with.

use crate::support::TestBackend;
use reqwest::redirect::Policy;
use reqwest::{Client, Response, StatusCode, Url};
use std::collections::HashMap;

pub(crate) type Params = HashMap<String, String>;
pub(crate) const AUTHORIZE: &str = "/dev/sso/microsoft/authorize";

pub(crate) fn login_error(code: &str) -> String {
    format!("/users/login#error={code}")
}

/// Relative and absolute targets alike. The backend's `public_url` is the default
/// http://127.0.0.1:8080, not the test server, so redirects are followed by path.
pub(crate) fn parse(target: &str) -> Url {
    let base = Url::parse("http://site.invalid/").expect("base");
    base.join(target).expect("url")
}

pub(crate) fn location(res: &Response) -> String {
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    res.headers()["location"]
        .to_str()
        .expect("ascii")
        .to_owned()
}

pub(crate) fn no_redirects(cookies: bool) -> Client {
    let builder = Client::builder().redirect(Policy::none());
    builder.cookie_store(cookies).build().expect("client")
}

/// A browser that stops at every redirect, so each step can be looked at.
pub(crate) struct Browser<'a> {
    b: &'a TestBackend,
    pub(crate) http: Client,
}

impl<'a> Browser<'a> {
    pub(crate) fn new(b: &'a TestBackend) -> Self {
        Self {
            b,
            http: no_redirects(true),
        }
    }

    pub(crate) async fn get(&self, target: &str) -> Response {
        let url = parse(target);
        let path = url
            .query()
            .map_or(url.path().to_owned(), |q| format!("{}?{q}", url.path()));
        self.http
            .get(self.b.url(&path))
            .send()
            .await
            .expect("request")
    }

    /// `GET /api/sso/microsoft/start`: the authorize parameters and the Set-Cookie.
    pub(crate) async fn start(&self, return_to: &str) -> (Params, String) {
        let path = format!("/api/sso/microsoft/start?return_to={return_to}");
        let res = self.get(&path).await;
        let cookie = res.headers()["set-cookie"]
            .to_str()
            .expect("ascii")
            .to_owned();
        let target = location(&res);
        assert!(target.starts_with(&format!("{AUTHORIZE}?")), "{target}");
        (parse(&target).query_pairs().into_owned().collect(), cookie)
    }

    /// Presses a button on the stand-in's page: the redirect back to the callback.
    pub(crate) async fn decide(&self, params: &Params, email: &str, action: &str) -> String {
        let hidden = ["client_id", "redirect_uri", "state", "code_challenge"];
        let mut form: Vec<(&str, &str)> = hidden.map(|k| (k, params[k].as_str())).to_vec();
        form.extend([
            ("email", email),
            ("name", "Demo Landmeter"),
            ("action", action),
        ]);
        let res = self
            .http
            .post(self.b.url(AUTHORIZE))
            .form(&form)
            .send()
            .await;
        location(&res.expect("request"))
    }

    /// Starts a flow and signs in at the stand-in as `email`: the callback URL.
    pub(crate) async fn callback_for(&self, email: &str) -> String {
        let (params, _) = self.start("/account").await;
        self.decide(&params, email, "sign_in").await
    }

    /// Follows the stand-in's redirect to the callback: where the callback sends us.
    pub(crate) async fn finish(&self, callback: &str) -> String {
        let res = self.get(callback).await;
        let cleared = res.headers().get_all("set-cookie").iter().any(|c| {
            let c = c.to_str().unwrap_or_default();
            c.starts_with("topocloud_sso=;") && c.contains("Max-Age=0")
        });
        assert!(cleared, "the callback always clears the SSO cookie");
        location(&res)
    }

    pub(crate) async fn signed_in_as(&self) -> Option<String> {
        let res = self.get("/api/session").await;
        let body: serde_json::Value = res.json().await.expect("json");
        body["email"].as_str().map(str::to_owned)
    }
}
