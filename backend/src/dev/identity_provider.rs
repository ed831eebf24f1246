//! `GET|POST /dev/sso/microsoft/authorize`: a local stand-in for Microsoft's sign-in
//! page, so the whole SSO round trip runs offline. It trusts whatever email is typed in;
//! that is the point of a stand-in, and why it only exists in dev mode.

use crate::mail::escape_html as escape;
use crate::sso::{code_hash, random_bytes, see_other, CLIENT_ID, CODE_SECONDS};
use crate::AppState;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use rusqlite::params;
use serde::Deserialize;
use topocloud_contract::{is_plausible_email, percent_encode};

const AUTHORIZE_PATH: &str = "/dev/sso/microsoft/authorize";
const DEFAULT_EMAIL: &str = "demo@topocloud.test";
const DEFAULT_NAME: &str = "Demo Landmeter";
/// Used and expired codes are kept this long after expiry, then swept.
const CODE_RETENTION_SECONDS: i64 = 3600;

pub fn routes() -> Router<AppState> {
    Router::new().route(AUTHORIZE_PATH, get(page).post(decide))
}

#[derive(Deserialize)]
struct AuthorizeQuery {
    client_id: String,
    redirect_uri: String,
    state: String,
    code_challenge: String,
    code_challenge_method: String,
    response_type: String,
}

#[derive(Deserialize)]
struct Decision {
    client_id: String,
    redirect_uri: String,
    state: String,
    code_challenge: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    name: String,
    /// The value of the button pressed: `sign_in` or `cancel`.
    action: String,
}

async fn page(
    State(state): State<AppState>,
    query: Result<Query<AuthorizeQuery>, QueryRejection>,
) -> Response {
    let Ok(Query(q)) = query else {
        return bad_request("missing or malformed authorize parameters");
    };
    if q.response_type != "code" || q.code_challenge_method != "S256" {
        return bad_request("only response_type=code with S256 PKCE is supported");
    }
    if let Err(why) = check_client(&state, &q.client_id, &q.redirect_uri, &q.state) {
        return bad_request(why);
    }
    if !is_challenge(&q.code_challenge) {
        return bad_request("code_challenge is not an S256 challenge");
    }
    let html = format!(
        r#"<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local stand-in for Microsoft sign-in</title>
<style>
body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 28rem; margin: 3rem auto; padding: 0 1rem; }}
.notice {{ background: #fff4ce; border: 1px solid #c19c00; padding: .75rem; border-radius: 4px; }}
label {{ display: block; margin-top: 1rem; }}
input {{ width: 100%; padding: .4rem; font: inherit; box-sizing: border-box; }}
.actions {{ margin-top: 1.5rem; display: flex; gap: .75rem; }}
button {{ padding: .5rem 1.25rem; font: inherit; }}
</style>
</head>
<body>
<main>
<h1>Sign in with Microsoft (local stand-in)</h1>
<p class="notice" role="note"><strong>This is not Microsoft.</strong> It is a local stand-in
identity provider of the TopoCloud reference backend in dev mode. It vouches for any email
address you enter, without a password.</p>
<form method="post" action="{action}">
<input type="hidden" name="client_id" value="{client_id}">
<input type="hidden" name="redirect_uri" value="{redirect_uri}">
<input type="hidden" name="state" value="{state}">
<input type="hidden" name="code_challenge" value="{code_challenge}">
<label for="email">Email</label>
<input id="email" name="email" type="email" value="{email}" autocomplete="username">
<label for="name">Name</label>
<input id="name" name="name" type="text" value="{name}" autocomplete="name">
<div class="actions">
<button type="submit" name="action" value="sign_in">Sign in</button>
<button type="submit" name="action" value="cancel" formnovalidate>Cancel</button>
</div>
</form>
</main>
</body>
</html>
"#,
        action = AUTHORIZE_PATH,
        client_id = escape(&q.client_id),
        redirect_uri = escape(&q.redirect_uri),
        state = escape(&q.state),
        code_challenge = escape(&q.code_challenge),
        email = escape(DEFAULT_EMAIL),
        name = escape(DEFAULT_NAME),
    );
    // A sign-in page must not be framed by another site (clickjacking), and it runs no
    // script at all, so the policy can forbid everything but its own form and style.
    let csp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; \
               frame-ancestors 'none'";
    (
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::CONTENT_SECURITY_POLICY, csp),
        ],
        Html(html),
    )
        .into_response()
}

async fn decide(
    State(state): State<AppState>,
    form: Result<Form<Decision>, FormRejection>,
) -> Response {
    let Ok(Form(d)) = form else {
        return bad_request("missing or malformed form fields");
    };
    // Checked again here: the form's hidden fields are as untrusted as the query was.
    if let Err(why) = check_client(&state, &d.client_id, &d.redirect_uri, &d.state) {
        return bad_request(why);
    }
    let separator = if d.redirect_uri.contains('?') {
        '&'
    } else {
        '?'
    };
    let state_param = percent_encode(&d.state);
    match d.action.as_str() {
        "cancel" => see_other(
            &format!(
                "{}{separator}error=access_denied&state={state_param}",
                d.redirect_uri
            ),
            &[],
        ),
        "sign_in" => {
            if !is_challenge(&d.code_challenge) {
                return bad_request("code_challenge is not an S256 challenge");
            }
            let email = d.email.trim();
            if !is_plausible_email(email) {
                return bad_request("enter an email address");
            }
            let name = d.name.trim();
            let code = hex::encode(random_bytes());
            if let Err(err) = store_code(&state, &code, email, name, &d.code_challenge) {
                tracing::error!("dev identity provider: database error: {err}");
                return (StatusCode::INTERNAL_SERVER_ERROR, "database error").into_response();
            }
            see_other(
                &format!(
                    "{}{separator}code={code}&state={state_param}",
                    d.redirect_uri
                ),
                &[],
            )
        }
        _ => bad_request("unknown action"),
    }
}

/// Only the code's hash is stored, as a real provider would; the code itself exists only
/// in the redirect to the callback.
fn store_code(
    state: &AppState,
    code: &str,
    email: &str,
    name: &str,
    challenge: &str,
) -> rusqlite::Result<()> {
    let now = state.clock.now();
    let conn = state.db.conn();
    conn.execute(
        "DELETE FROM sso_codes WHERE expires_at < ?1",
        params![now - CODE_RETENTION_SECONDS],
    )?;
    conn.execute(
        "INSERT INTO sso_codes (hash, email, name, code_challenge, expires_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![code_hash(code), email, name, challenge, now + CODE_SECONDS],
    )?;
    Ok(())
}

/// A real provider only redirects to the URIs registered for a client; here that is
/// this site's own SSO callbacks, which stops the stand-in being an open redirect.
fn check_client(
    state: &AppState,
    client_id: &str,
    redirect_uri: &str,
    flow_state: &str,
) -> Result<(), &'static str> {
    if client_id != CLIENT_ID {
        return Err("unknown client_id");
    }
    let allowed = format!(
        "{}{}/",
        state.config.public_url,
        topocloud_contract::routes::SSO_PREFIX
    );
    let clean = !redirect_uri
        .chars()
        .any(|c| c.is_control() || c.is_whitespace() || c == '#' || c == '\\');
    if !redirect_uri.starts_with(&allowed) || !clean {
        return Err("redirect_uri is not registered for this client");
    }
    if flow_state.is_empty() {
        return Err("state is required");
    }
    Ok(())
}

/// base64url of a SHA-256: exactly 43 characters without padding.
fn is_challenge(challenge: &str) -> bool {
    challenge.len() == 43
        && challenge
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

fn bad_request(why: &'static str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        [(header::CACHE_CONTROL, "no-store")],
        why,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_neutralises_markup_and_attribute_quotes() {
        assert_eq!(
            escape(r#"<a href='x'>"&"</a>"#),
            "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;"
        );
    }

    #[test]
    fn challenges_must_look_like_s256() {
        assert!(is_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"));
        assert!(!is_challenge("plain-verifier"));
        assert!(!is_challenge("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw+cM"));
    }
}
