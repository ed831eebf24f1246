//! The browser's own passkey ceremonies, driven with the JSON the server sends: its
//! options go to `PublicKeyCredential.parse…OptionsFromJSON`, the credential comes back as
//! `credential.toJSON()`. No WebAuthn type is mirrored in Rust; what passes through here
//! is JSON text. (Called through `Reflect`, so no `web-sys` WebAuthn bindings are linked.)

use js_sys::{Function, Object, Promise, Reflect, JSON};
use wasm_bindgen::{JsCast, JsValue};

/// How a ceremony ended without a credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ceremony {
    /// The person closed the browser's dialog, or it timed out: not an error.
    Cancelled,
    /// Adding: this device holds a passkey for this account already.
    AlreadyOnDevice,
    /// The browser refused for another reason (or the options were not usable).
    Failed,
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn public_key_credential() -> Option<JsValue> {
    get(&js_sys::global(), "PublicKeyCredential")
}

/// Whether this browser can make and use passkeys from JSON options (the JSON methods
/// came after WebAuthn itself; a browser without them does not see passkey buttons).
pub fn supported() -> bool {
    public_key_credential().is_some_and(|pkc| {
        get(&pkc, "parseCreationOptionsFromJSON").is_some()
            && get(&pkc, "parseRequestOptionsFromJSON").is_some()
    })
}

/// What a DOMException's name means for the person.
pub fn ceremony_end(error_name: &str) -> Ceremony {
    match error_name {
        "NotAllowedError" | "AbortError" => Ceremony::Cancelled,
        "InvalidStateError" => Ceremony::AlreadyOnDevice,
        _ => Ceremony::Failed,
    }
}

/// Runs `navigator.credentials.create` (or `.get`) with the server's `{"publicKey": …}`
/// answer; the credential's `toJSON()` as text.
async fn ceremony(options: &str, create: bool) -> Result<String, Ceremony> {
    let failed = |_| Ceremony::Failed;
    let pkc = public_key_credential().ok_or(Ceremony::Failed)?;
    let parse_name = if create {
        "parseCreationOptionsFromJSON"
    } else {
        "parseRequestOptionsFromJSON"
    };
    let parse: Function = get(&pkc, parse_name)
        .ok_or(Ceremony::Failed)?
        .dyn_into()
        .map_err(failed)?;
    let server = JSON::parse(options).map_err(failed)?;
    let json = get(&server, "publicKey").ok_or(Ceremony::Failed)?;
    let public_key = parse.call1(&pkc, &json).map_err(failed)?;
    let request = Object::new();
    Reflect::set(&request, &"publicKey".into(), &public_key).map_err(failed)?;
    let navigator = get(&js_sys::global(), "navigator").ok_or(Ceremony::Failed)?;
    let credentials = get(&navigator, "credentials").ok_or(Ceremony::Failed)?;
    let call: Function = get(&credentials, if create { "create" } else { "get" })
        .ok_or(Ceremony::Failed)?
        .dyn_into()
        .map_err(failed)?;
    let promise: Promise = call
        .call1(&credentials, &request)
        .map_err(failed)?
        .dyn_into()
        .map_err(failed)?;
    let credential = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|error| {
            let name = get(&error, "name").and_then(|n| n.as_string());
            ceremony_end(name.as_deref().unwrap_or_default())
        })?;
    // `null` when nothing was chosen.
    let to_json: Function = get(&credential, "toJSON")
        .ok_or(Ceremony::Cancelled)?
        .dyn_into()
        .map_err(failed)?;
    let json = to_json.call0(&credential).map_err(failed)?;
    JSON::stringify(&json)
        .map_err(failed)?
        .as_string()
        .ok_or(Ceremony::Failed)
}

/// Makes a passkey on this device for the server's creation options.
pub async fn create(options: &str) -> Result<String, Ceremony> {
    ceremony(options, true).await
}

/// Signs in with a passkey the person picks, for the server's request options.
pub async fn sign_in(options: &str) -> Result<String, Ceremony> {
    ceremony(options, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closed_dialog_is_no_error_and_a_second_passkey_is_said_apart() {
        assert_eq!(ceremony_end("NotAllowedError"), Ceremony::Cancelled);
        assert_eq!(ceremony_end("AbortError"), Ceremony::Cancelled);
        assert_eq!(ceremony_end("InvalidStateError"), Ceremony::AlreadyOnDevice);
        assert_eq!(ceremony_end("SecurityError"), Ceremony::Failed);
        assert_eq!(ceremony_end(""), Ceremony::Failed);
    }
}
