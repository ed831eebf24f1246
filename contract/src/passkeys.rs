//! Passkeys (WebAuthn): signing in without a password, from a button or from the email
//! field's autofill, and the account page's list of passkeys.
//!
//! The WebAuthn documents themselves are not mirrored here: the site hands the server's
//! `publicKey` options straight to `PublicKeyCredential.parseCreationOptionsFromJSON` /
//! `parseRequestOptionsFromJSON` and sends back `credential.toJSON()`, so both are opaque
//! JSON ([`serde_json::Value`]) in the standard JSON forms of W3C WebAuthn Level 3
//! (`PublicKeyCredentialCreationOptionsJSON`, `PublicKeyCredentialRequestOptionsJSON`,
//! `RegistrationResponseJSON`, `AuthenticationResponseJSON`). Any WebAuthn library on
//! the server side can implement them.
//!
//! Both ceremonies leave a short-lived HttpOnly challenge cookie ([`PASSKEY_COOKIE`]); a
//! ceremony's answer only counts with the cookie of the options it answers, and once.
//!
//! A passkey sign-in is both steps of two-step verification at once (the authenticator
//! verified the person: fingerprint, face, PIN), so it never asks for a code, and it
//! satisfies an organisation that requires two-step verification.

use crate::{field_codes, Locale};
use serde::{Deserialize, Serialize};

/// The ceremony's challenge cookie (`__Secure-topocloud_passkey` when cookies are
/// secure): HttpOnly, `SameSite=Lax`, `Max-Age` [`PASSKEY_CEREMONY_SECONDS`], scoped to
/// the ceremony's paths: [`crate::routes::PASSKEYS_PREFIX`] for signing in,
/// [`crate::paths::ACCOUNT_PASSKEYS`] for adding one. The server keeps only its hash,
/// with the ceremony's state; it works once.
pub const PASSKEY_COOKIE: &str = "topocloud_passkey";
/// How long the options of one ceremony (and its cookie) last, in seconds.
pub const PASSKEY_CEREMONY_SECONDS: i64 = 300;
/// Longest name of a passkey, in characters (after trimming).
pub const MAX_PASSKEY_NAME_CHARS: usize = 64;

/// `POST /api/passkeys/authentication/options` and
/// `POST /api/account/passkeys/registration/options`: what to hand the browser.
/// `public_key` is `PublicKeyCredentialRequestOptionsJSON` or
/// `PublicKeyCredentialCreationOptionsJSON` respectively.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PasskeyOptions {
    #[serde(rename = "publicKey")]
    pub public_key: serde_json::Value,
}

/// `POST /api/passkeys/authentication`: the browser's `credential.toJSON()`
/// (`AuthenticationResponseJSON`) for the options this browser's cookie names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PasskeySignIn {
    pub credential: serde_json::Value,
    /// Keep the session across browser restarts ("Ingelogd blijven").
    #[serde(default)]
    pub remember: bool,
}

/// `POST /api/account/passkeys`: a new passkey's `credential.toJSON()`
/// (`RegistrationResponseJSON`) and the name the person gave it (see
/// [`passkey_name`]; [`default_passkey_name`] suggests one).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NewPasskey {
    pub name: String,
    pub credential: serde_json::Value,
}

/// `POST /api/account/passkeys/{id}`: a new name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeyRename {
    pub name: String,
}

/// One passkey of the account, for `GET /api/account/passkeys` (oldest first).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PasskeySummary {
    /// Opaque; only good for renaming or removing this passkey. Never the credential id.
    pub id: String,
    pub name: String,
    /// Unix seconds.
    pub created_at: i64,
    /// Unix seconds of the last sign-in with it; `None`: never used yet.
    pub last_used_at: Option<i64>,
    /// Where it was added, from that browser's user agent, as [`crate::SessionSummary`]
    /// says it: "Chrome", "Firefox", "Safari", "Edge"…; `None`: unknown.
    pub browser: Option<String>,
    /// "Windows", "macOS", "Android", "iOS", "Linux"…; `None`: unknown.
    pub system: Option<String>,
}

/// A name as stored: trimmed, inner runs of whitespace as one space. Otherwise the
/// field code for `422 validation_failed` (field [`crate::fields::NAME`]):
/// [`field_codes::REQUIRED`] when empty, [`field_codes::TOO_LONG`] when longer than
/// [`MAX_PASSKEY_NAME_CHARS`] or holding control characters.
pub fn passkey_name(typed: &str) -> Result<String, &'static str> {
    let name = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() {
        Err(field_codes::REQUIRED)
    } else if name.chars().count() > MAX_PASSKEY_NAME_CHARS || name.chars().any(char::is_control) {
        Err(field_codes::TOO_LONG)
    } else {
        Ok(name)
    }
}

/// Browser and system in words: "Chrome on Android" / "Chrome op Android", or the one
/// that is known; `None` when neither is.
pub fn device_in_words(
    browser: Option<&str>,
    system: Option<&str>,
    locale: Locale,
) -> Option<String> {
    let on = match locale {
        Locale::Nl => "op",
        Locale::En => "on",
    };
    match (browser, system) {
        (Some(browser), Some(system)) => Some(format!("{browser} {on} {system}")),
        (Some(one), None) | (None, Some(one)) => Some(one.to_owned()),
        (None, None) => None,
    }
}

/// A name to suggest for a new passkey: where it is being added ("Chrome on Android"),
/// or "Passkey" when the browser is unknown (the word is the same in Dutch).
pub fn default_passkey_name(browser: Option<&str>, system: Option<&str>, locale: Locale) -> String {
    device_in_words(browser, system, locale).unwrap_or_else(|| "Passkey".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_bounded() {
        assert_eq!(
            passkey_name("  Work \t  laptop "),
            Ok("Work laptop".to_owned())
        );
        assert_eq!(passkey_name("   "), Err(field_codes::REQUIRED));
        assert_eq!(passkey_name(""), Err(field_codes::REQUIRED));
        let longest = "é".repeat(MAX_PASSKEY_NAME_CHARS);
        assert_eq!(passkey_name(&longest), Ok(longest.clone()));
        assert_eq!(
            passkey_name(&format!("{longest}x")),
            Err(field_codes::TOO_LONG)
        );
        assert_eq!(passkey_name("Key\u{7}"), Err(field_codes::TOO_LONG));
    }

    #[test]
    fn devices_and_default_names_read_as_words() {
        assert_eq!(
            device_in_words(Some("Chrome"), Some("Android"), Locale::En).as_deref(),
            Some("Chrome on Android")
        );
        assert_eq!(
            device_in_words(Some("Chrome"), Some("Android"), Locale::Nl).as_deref(),
            Some("Chrome op Android")
        );
        assert_eq!(
            device_in_words(None, Some("iOS"), Locale::Nl).as_deref(),
            Some("iOS")
        );
        assert_eq!(device_in_words(None, None, Locale::En), None);
        assert_eq!(default_passkey_name(None, None, Locale::Nl), "Passkey");
        assert_eq!(
            default_passkey_name(Some("Safari"), Some("macOS"), Locale::En),
            "Safari on macOS"
        );
    }

    #[test]
    fn options_are_wrapped_in_public_key_and_remember_defaults_off() {
        let options = PasskeyOptions {
            public_key: serde_json::json!({"challenge": "abc"}),
        };
        assert_eq!(
            serde_json::to_string(&options).unwrap_or_default(),
            r#"{"publicKey":{"challenge":"abc"}}"#
        );
        let sign_in: PasskeySignIn =
            serde_json::from_str(r#"{"credential":{"id":"x"}}"#).expect("parses");
        assert!(!sign_in.remember);
    }
}
