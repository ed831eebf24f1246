//! Live, for account security: the answers that need a session, a challenge or a code
//! from the app, each held to what openapi.yaml documents.

use crate::answers::{conforms, Answer};
use crate::spec::spec;
use crate::support::two_step::{account, code, start_of_step, PASSWORD};
use crate::support::TestBackend;
use serde_json::{json, Value};
use topocloud_contract::paths;

struct Flow<'a> {
    b: &'a TestBackend,
    spec: Value,
    statuses: Vec<(String, u16)>,
}

impl Flow<'_> {
    /// Sends one request from `c` (cookies kept) and checks the answer against the yaml
    /// under the documented path `path`.
    async fn call(
        &mut self,
        c: &reqwest::Client,
        method: &str,
        path: &str,
        url_path: &str,
        body: Option<Value>,
    ) -> Answer {
        let url = self.b.url(url_path);
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
        conforms(&self.spec, method, path, &answer);
        self.statuses
            .push((format!("{method} {url_path}"), answer.status.as_u16()));
        answer
    }

    async fn post(&mut self, c: &reqwest::Client, path: &str, body: Value) -> Answer {
        self.call(c, "post", path, path, Some(body)).await
    }

    async fn get(&mut self, c: &reqwest::Client, path: &str) -> Answer {
        self.call(c, "get", path, path, None).await
    }
}

#[tokio::test]
async fn the_account_security_flows_answer_as_documented() {
    let b = TestBackend::start().await;
    let mut f = Flow {
        b: &b,
        spec: spec(),
        statuses: Vec::new(),
    };
    const EMAIL: &str = "eva@zuid.test";
    account(&b, EMAIL);
    let c = b.browser();
    let sign_in = json!({"email": EMAIL, "password": PASSWORD});
    f.post(&c, paths::SESSION, sign_in.clone()).await;
    f.get(&c, paths::ACCOUNT_SECURITY).await;
    f.post(&c, paths::TWO_STEP_CONFIRM, json!({"code": "123456"}))
        .await;
    let setup = f.post(&c, paths::TWO_STEP_SETUP, Value::Null).await.json();
    let secret = setup["secret"].as_str().expect("secret").to_owned();
    start_of_step(&b);
    f.post(
        &c,
        paths::TWO_STEP_CONFIRM,
        json!({"code": code(&b, &secret, 2)}),
    )
    .await;
    f.post(
        &c,
        paths::TWO_STEP_CONFIRM,
        json!({"code": code(&b, &secret, 0)}),
    )
    .await;
    f.post(
        &c,
        paths::TWO_STEP_CONFIRM,
        json!({"code": code(&b, &secret, 0)}),
    )
    .await;
    f.post(&c, paths::TWO_STEP_SETUP, Value::Null).await;
    f.get(&c, paths::ACCOUNT_SESSIONS).await;
    f.post(&c, paths::ACCOUNT_SESSIONS_END_OTHERS, Value::Null)
        .await;

    b.state.clock.advance(601);
    f.post(&c, paths::ACCOUNT_SESSIONS_END_OTHERS, Value::Null)
        .await;
    let unknown = paths::account_session(&"0".repeat(32));
    f.call(&c, "delete", paths::ACCOUNT_SESSION, &unknown, None)
        .await;
    f.post(
        &c,
        paths::ACCOUNT_REAUTHENTICATE,
        json!({"password": "Fout-fout-fout"}),
    )
    .await;
    f.post(&c, paths::ACCOUNT_REAUTHENTICATE, json!({})).await;
    f.post(
        &c,
        paths::ACCOUNT_REAUTHENTICATE,
        json!({"password": PASSWORD}),
    )
    .await;
    f.call(&c, "delete", paths::ACCOUNT_SESSION, &unknown, None)
        .await;
    let weak = json!({"current_password": PASSWORD, "new_password": "kort"});
    f.post(&c, paths::ACCOUNT_PASSWORD, weak).await;
    let wrong =
        json!({"current_password": "Fout-fout-fout", "new_password": "Nieuwe-meetlat-2026"});
    f.post(&c, paths::ACCOUNT_PASSWORD, wrong).await;
    let right = json!({"current_password": PASSWORD, "new_password": "Nieuwe-meetlat-2026"});
    f.post(&c, paths::ACCOUNT_PASSWORD, right).await;
    let new_password = json!({"password": "Nieuwe-meetlat-2026"});
    f.post(&c, paths::TWO_STEP_RECOVERY_CODES, new_password.clone())
        .await;
    f.post(&c, paths::TWO_STEP_DISABLE, json!({"password": PASSWORD}))
        .await;

    // The second sign-in step, from another browser.
    let other = b.browser();
    f.get(&other, paths::SECOND_STEP).await;
    let sign_in = json!({"email": EMAIL, "password": "Nieuwe-meetlat-2026"});
    f.post(&other, paths::SESSION, sign_in).await;
    f.get(&other, paths::SECOND_STEP).await;
    b.state.clock.advance(30);
    f.post(
        &other,
        paths::SECOND_STEP,
        json!({"code": code(&b, &secret, 3)}),
    )
    .await;
    let trusted = json!({"code": code(&b, &secret, 0), "trust_device": true});
    f.post(&other, paths::SECOND_STEP, trusted).await;
    f.post(&other, paths::SECOND_STEP, json!({"code": "123456"}))
        .await;
    f.post(&other, paths::SECOND_STEP_ENROLMENT, Value::Null)
        .await;

    // Turning it off, and the answers once it is off.
    f.post(&c, paths::TWO_STEP_DISABLE, new_password.clone())
        .await;
    f.post(&c, paths::TWO_STEP_DISABLE, json!({})).await;
    f.post(&c, paths::TWO_STEP_RECOVERY_CODES, new_password)
        .await;

    // Enrolment during sign-in, for an organisation that requires it.
    const REQUIRED: &str = "piet@zuid.test";
    account(&b, REQUIRED);
    let body = json!({"email": REQUIRED, "required": true});
    let dev = reqwest::Client::new();
    let res = dev
        .post(b.url("/dev/api/organisations/two-step"))
        .json(&body)
        .send()
        .await
        .expect("dev");
    assert!(res.status().is_success());
    let p = b.browser();
    f.post(
        &p,
        paths::SESSION,
        json!({"email": REQUIRED, "password": PASSWORD}),
    )
    .await;
    f.post(
        &p,
        paths::SECOND_STEP_ENROLMENT_CONFIRM,
        json!({"code": "123456"}),
    )
    .await;
    let setup = f
        .post(&p, paths::SECOND_STEP_ENROLMENT, Value::Null)
        .await
        .json();
    let key = setup["secret"].as_str().expect("secret").to_owned();
    start_of_step(&b);
    let wrong = json!({"code": code(&b, &key, 2)});
    f.post(&p, paths::SECOND_STEP_ENROLMENT_CONFIRM, wrong)
        .await;
    let right = json!({"code": code(&b, &key, 0)});
    f.post(&p, paths::SECOND_STEP_ENROLMENT_CONFIRM, right)
        .await;
    f.post(&p, paths::TWO_STEP_DISABLE, json!({"password": PASSWORD}))
        .await;
    let own = f.get(&p, paths::ACCOUNT_SESSIONS).await.json();
    let own = paths::account_session(own[0]["id"].as_str().expect("id"));
    f.call(&p, "delete", paths::ACCOUNT_SESSION, &own, None)
        .await;
    f.get(&p, paths::ACCOUNT_SECURITY).await;

    // Too many wrong confirmations.
    for _ in 0..6 {
        f.post(
            &c,
            paths::ACCOUNT_REAUTHENTICATE,
            json!({"password": "Fout-fout-fout"}),
        )
        .await;
    }

    let statuses: Vec<u16> = f.statuses.iter().map(|(_, s)| *s).collect();
    assert_eq!(
        statuses,
        vec![
            200, 200, 410, 200, 403, 200, 409, 409, 200, 200, // setup and confirm
            403, 403, 403, 422, 204, 404, // recent sign-in
            422, 403, 204, 200, 403, // password, recovery codes, disable refused
            401, 202, 200, 401, 200, 401, 401, // second step
            204, 204, 409, // off
            202, 410, 200, 401, 200, 409, 200, 204, 401, // enrolment
            403, 403, 403, 403, 403, 429, // limits
        ],
        "{:#?}",
        f.statuses
    );
}
