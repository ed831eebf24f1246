//! The browser's passkey ceremonies, driven with the JSON the server sends. The ceremony
//! itself is `public/passkeys.js`, a small same-origin module loaded here on first use:
//! it hands the server's options to `PublicKeyCredential.parse…OptionsFromJSON` and
//! returns `credential.toJSON()` as text. So no WebAuthn type is mirrored in Rust, no
//! `web-sys` WebAuthn binding is linked, and the login page's first load carries only
//! its button.

use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Where the build puts the module (Trunk's copy-file of `public/passkeys.js`).
const MODULE_SRC: &str = "/passkeys.js";
/// What the module sets on `globalThis` once it has run.
const MODULE_GLOBAL: &str = "topocloudPasskeys";

/// How a ceremony ended without a credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ceremony {
    /// The person closed the browser's dialog, or it timed out: not an error.
    Cancelled,
    /// Adding: this device holds a passkey for this account already.
    AlreadyOnDevice,
    /// The module could not be fetched (a poor connection): trying again may work.
    NotLoaded,
    /// The browser refused for another reason (or the options were not usable).
    Failed,
}

fn get(target: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(target, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Whether this browser can make and use passkeys from JSON options (the JSON methods
/// came after WebAuthn itself; a browser without them does not see passkey buttons).
pub fn supported() -> bool {
    get(&js_sys::global(), "PublicKeyCredential").is_some_and(|pkc| {
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

thread_local! {
    /// The module's load, shared by everyone who asks while it is under way.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Appends the module's script; its promise settles once it has run (a module script's
/// `load` comes after it ran) or could not be fetched.
fn load() -> Option<Promise> {
    let document = web_sys::window()?.document()?;
    let script = document.create_element("script").ok()?;
    script.set_attribute("type", "module").ok()?;
    script.set_attribute("src", MODULE_SRC).ok()?;
    let loading = Promise::new(&mut |resolve, reject| {
        let _ = Reflect::set(&script, &"onload".into(), &resolve);
        let _ = Reflect::set(&script, &"onerror".into(), &reject);
    });
    document.head()?.append_child(&script).ok()?;
    Some(loading)
}

/// The module's functions, fetched on first use; a failed fetch is forgotten, so the next
/// use tries again. (On the login page index.html's script has loaded it already.)
async fn module() -> Option<JsValue> {
    if let Some(module) = get(&js_sys::global(), MODULE_GLOBAL) {
        return Some(module);
    }
    let loading = LOADING.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(|| load().unwrap_or_else(|| Promise::reject(&JsValue::NULL)))
            .clone()
    });
    let loaded = JsFuture::from(loading).await.is_ok();
    if !loaded {
        LOADING.with(|l| *l.borrow_mut() = None);
    }
    get(&js_sys::global(), MODULE_GLOBAL).filter(|_| loaded)
}

/// The error name [`call`] gives when the module could not be fetched (index.html's
/// loader tells the login page the same name).
pub const NOT_LOADED: &str = "NotLoaded";

/// Calls one of the module's functions; its promise's answer, or the error's name.
async fn call(name: &str, args: &[&JsValue]) -> Result<JsValue, String> {
    let module = module().await.ok_or_else(|| String::from(NOT_LOADED))?;
    let function: Function = get(&module, name)
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(String::new)?;
    let arguments: js_sys::Array = args.iter().copied().collect();
    let promise: Promise = function
        .apply(&module, &arguments)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or_else(String::new)?;
    JsFuture::from(promise).await.map_err(|error| {
        get(&error, "name")
            .and_then(|n| n.as_string())
            .unwrap_or_default()
    })
}

/// Makes a passkey on this device for the server's creation options; the credential's
/// `toJSON()` as text (`null`, nothing chosen, is a closed dialog).
pub async fn create(options: &str) -> Result<String, Ceremony> {
    match call("create", &[&options.into()]).await {
        Ok(credential) => credential.as_string().ok_or(Ceremony::Cancelled),
        Err(name) if name == NOT_LOADED => Err(Ceremony::NotLoaded),
        Err(name) => Err(ceremony_end(&name)),
    }
}

/// Whether this device can make a passkey itself (a fingerprint, face or PIN of its own),
/// as `PublicKeyCredential.isUserVerifyingPlatformAuthenticatorAvailable()` says.
pub async fn platform_authenticator() -> bool {
    let Some(pkc) = get(&js_sys::global(), "PublicKeyCredential") else {
        return false;
    };
    let Some(promise) = get(&pkc, "isUserVerifyingPlatformAuthenticatorAvailable")
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&pkc).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .is_ok_and(|yes| yes.is_truthy())
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
