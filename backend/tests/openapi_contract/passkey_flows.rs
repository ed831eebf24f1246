//! Live, for passkeys: every answer of adding, listing, renaming, removing and signing in
//! with a passkey (a software authenticator, support/authenticator.rs), held to what
//! openapi.yaml documents; and the answers where passkeys are off.

use crate::answers::{conforms, Answer};
use crate::spec::spec;
use crate::support::authenticator::SoftPasskey;
use crate::support::two_step::{account, PASSWORD};
use crate::support::TestBackend;
use serde_json::{json, Value};
use topocloud_contract::paths;

const ORIGIN: &str = "http://localhost:8080";

async fn call(
    spec: &Value,
    b: &TestBackend,
    c: &reqwest::Client,
    method: &str,
    documented: &str,
    url_path: &str,
    body: Option<Value>,
) -> Answer {
    let url = b.url(url_path);
    let mut request = match method {
        "get" => c.get(url),
        "post" => c.post(url),
        "delete" => c.delete(url),
        other => panic!("{other}"),
    };
    if let Some(body) = body {
        request = request.json(&body);
    }
    let res = request.send().await.expect("request");
    let answer = Answer {
        status: res.status(),
        headers: res.headers().clone(),
        body: res.bytes().await.expect("body").to_vec(),
    };
    conforms(spec, method, documented, &answer);
    answer
}

#[tokio::test]
async fn the_passkey_flows_answer_as_documented() {
    let spec = spec();
    let b = TestBackend::start_with(|c| c.public_url = ORIGIN.to_owned()).await;
    let s = &spec;
    const EMAIL: &str = "eva@zuid.test";
    account(&b, EMAIL);
    let c = b.browser();
    let mut phone = SoftPasskey::new(ORIGIN);
    let sign_in = json!({"email": EMAIL, "password": PASSWORD});
    assert_eq!(
        call(
            s,
            &b,
            &c,
            "post",
            paths::SESSION,
            paths::SESSION,
            Some(sign_in)
        )
        .await
        .status,
        200
    );

    let opts = paths::PASSKEY_REGISTRATION_OPTIONS;
    let options = call(s, &b, &c, "post", opts, opts, None).await;
    assert_eq!(options.status, 200);
    let credential = phone.create(&options.json()["publicKey"]).expect("created");
    let list = paths::ACCOUNT_PASSKEYS;
    let wrong = json!({"name": " ", "credential": credential});
    assert_eq!(
        call(s, &b, &c, "post", list, list, Some(wrong))
            .await
            .status,
        422
    );
    let right = json!({"name": "Telefoon", "credential": credential});
    let added = call(s, &b, &c, "post", list, list, Some(right.clone())).await;
    assert_eq!(added.status, 201);
    assert_eq!(
        call(s, &b, &c, "post", list, list, Some(right))
            .await
            .status,
        403
    );
    assert_eq!(call(s, &b, &c, "get", list, list, None).await.status, 200);
    let id = added.json()["id"].as_str().expect("id").to_owned();
    let one = paths::account_passkey(&id);
    let item = paths::ACCOUNT_PASSKEY;
    let rename = Some(json!({"name": "Pixel"}));
    assert_eq!(
        call(s, &b, &c, "post", item, &one, rename.clone())
            .await
            .status,
        200
    );
    let unknown = paths::account_passkey("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    assert_eq!(
        call(s, &b, &c, "post", item, &unknown, rename).await.status,
        404
    );
    let long = Some(json!({"name": "x".repeat(65)}));
    assert_eq!(call(s, &b, &c, "post", item, &one, long).await.status, 422);

    let other = b.browser();
    let (auth_opts, auth) = (
        paths::PASSKEY_AUTHENTICATION_OPTIONS,
        paths::PASSKEY_AUTHENTICATION,
    );
    let options = call(s, &b, &other, "post", auth_opts, auth_opts, None).await;
    assert_eq!(options.status, 200);
    let assertion = phone.get(&options.json()["publicKey"]);
    let body = json!({"credential": assertion, "remember": false});
    assert_eq!(
        call(s, &b, &other, "post", auth, auth, Some(body.clone()))
            .await
            .status,
        200
    );
    let replay = call(s, &b, &other, "post", auth, auth, Some(body)).await;
    assert_eq!(
        (replay.status.as_u16(), replay.json()["code"].clone()),
        (401, json!("passkey_failed"))
    );
    assert_eq!(
        call(
            s,
            &b,
            &other,
            "post",
            auth,
            auth,
            Some(json!({"credential": 1}))
        )
        .await
        .status,
        401
    );
    assert_eq!(
        call(s, &b, &other, "post", auth, auth, Some(json!({})))
            .await
            .status,
        422
    );

    b.state.clock.advance(11 * 60);
    assert_eq!(call(s, &b, &c, "post", opts, opts, None).await.status, 403);
    assert_eq!(
        call(s, &b, &c, "delete", item, &one, None).await.status,
        403
    );
    // Signing in with the passkey again is a recent sign-in.
    let options = call(s, &b, &other, "post", auth_opts, auth_opts, None).await;
    let body = json!({"credential": phone.get(&options.json()["publicKey"])});
    assert_eq!(
        call(s, &b, &other, "post", auth, auth, Some(body))
            .await
            .status,
        200
    );
    let late = b.browser();
    let options = call(s, &b, &late, "post", auth_opts, auth_opts, None).await;
    assert_eq!(
        call(s, &b, &other, "delete", item, &one, None).await.status,
        204
    );
    assert_eq!(
        call(s, &b, &other, "delete", item, &one, None).await.status,
        404
    );
    let body = json!({"credential": phone.get(&options.json()["publicKey"])});
    let gone = call(s, &b, &late, "post", auth, auth, Some(body)).await;
    assert_eq!(
        (gone.status.as_u16(), gone.json()["code"].clone()),
        (401, json!("passkey_unknown"))
    );

    // Passkeys off (the public URL is an IP address): every passkey endpoint says so.
    let off = TestBackend::start().await;
    let c = off.browser();
    let config = call(s, &off, &c, "get", paths::CONFIG, paths::CONFIG, None).await;
    assert_eq!(config.json()["passkeys"], false);
    for (method, path, body) in [
        ("post", auth_opts, None),
        ("post", auth, Some(json!({"credential": {}}))),
        ("get", list, None),
        ("post", opts, None),
    ] {
        let answer = call(s, &off, &c, method, path, path, body).await;
        assert_eq!(answer.status, 404, "{method} {path}");
    }
}
