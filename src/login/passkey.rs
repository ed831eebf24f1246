//! Signing in with a passkey on the login page: from its button (the browser's dialog) or
//! from the email field's autofill (conditional mediation). No email and no password; it
//! counts as both steps of two-step verification. A closed dialog is no error: the form
//! simply stays.
//!
//! The ceremony and its two requests are `public/passkeys.js`, fetched only once the page
//! works (index.html's script), so that the login page's first load carries no more than
//! the button: its settings (from the contract and [`crate::api`], in its `data-`
//! attribute) and the reading of what the module tells in its `topocloud-passkey` events.

use crate::api::{self, ApiError, TIMEOUT_MS};
use crate::components::Failure;
use crate::i18n::Text;
use crate::webauthn;
use gloo_net::http::Response;
use js_sys::Reflect;
use topocloud_contract::{paths, CSRF_HEADER, CSRF_HEADER_VALUE, PASSKEY_CEREMONY_SECONDS};
use wasm_bindgen::{JsCast, JsValue};

/// The button's id, which the module and index.html's script look for.
pub const BUTTON_ID: &str = "passkey-sign-in";
/// The module's event on `window`.
pub const EVENT: &str = "topocloud-passkey";

/// The button's `data-settings` for the module, separated by spaces (none of them has
/// one): where to send the options request and the sign-in, the CSRF header, a request's
/// time limit, and when the autofill renews its options, before the server forgets them.
pub fn settings() -> String {
    format!(
        "{} {} {CSRF_HEADER} {CSRF_HEADER_VALUE} {TIMEOUT_MS} {}",
        api::url(paths::PASSKEY_AUTHENTICATION_OPTIONS),
        api::url(paths::PASSKEY_AUTHENTICATION),
        (PASSKEY_CEREMONY_SECONDS - 30) * 1000
    )
}

/// What one event says.
pub enum Passkey {
    /// The server's answer, read as the password's is (`api::signed_in`).
    Answer(Response),
    /// The request did not arrive, or the browser refused.
    Failed(Failure),
}

/// Reads an event's `detail`: `{response}` or `{error: name}`.
pub fn told(event: &web_sys::Event) -> Passkey {
    let detail = Reflect::get(event, &"detail".into()).unwrap_or(JsValue::UNDEFINED);
    let field = |key: &str| Reflect::get(&detail, &key.into()).ok();
    if let Some(Ok(response)) = field("response").map(|r| r.dyn_into::<web_sys::Response>()) {
        return Passkey::Answer(response.into());
    }
    let name = field("error")
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    Passkey::Failed(failure(&name))
}

/// What the browser's error name means for the person.
fn failure(name: &str) -> Failure {
    // Said without "try again" (see the login form): the passkey button is the way.
    let failed = |e: ApiError| Failure::Message(e.message().into());
    match name {
        // A fetch that did not arrive, or the module itself.
        "TypeError" | webauthn::NOT_LOADED => failed(ApiError::Network),
        "TimeoutError" => failed(ApiError::Timeout),
        _ => Failure::Message(Text::PasskeyFailed.into()),
    }
}
