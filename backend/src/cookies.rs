//! Reading cookies and signing the ones the browser must not be able to change, with the
//! `cookie` crate.
//!
//! `Set-Cookie` values are still written by the session and SSO modules themselves:
//! openapi.yaml documents each one's attributes in a fixed order (and Schemathesis and
//! the drift test check it), which the crate's serialiser does not keep. Every value
//! written there is hex, base64 or percent-encoded, so none needs quoting.

use axum::http::{header, HeaderMap};
use cookie::{Cookie, CookieJar, Key};

/// The first non-empty value of cookie `name` in the request's `Cookie` headers.
/// Unparsable pairs are skipped, as a browser would.
pub fn value_of(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(Cookie::split_parse)
        .filter_map(Result::ok)
        .find(|c| c.name() == name && !c.value().is_empty())
        .map(|c| c.value().to_owned())
}

/// `value` with its HMAC-SHA256 prefixed, as the value to set. (The signature covers the
/// value only: the SSO flow cookie is the one signed cookie, so no other could stand in.)
pub fn signed(key: &Key, name: &str, value: &str) -> String {
    let mut jar = CookieJar::new();
    jar.signed_mut(key)
        .add(Cookie::new(name.to_owned(), value.to_owned()));
    jar.get(name)
        .map(|c| c.value().to_owned())
        .unwrap_or_default()
}

/// The value of a cookie set with [`signed`], if its signature holds.
pub fn verified(key: &Key, name: &str, raw: &str) -> Option<String> {
    let mut jar = CookieJar::new();
    jar.add_original(Cookie::new(name.to_owned(), raw.to_owned()));
    jar.signed(key).get(name).map(|c| c.value().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn finds_a_cookie_among_others_and_across_headers() {
        let mut headers = HeaderMap::new();
        headers.append(header::COOKIE, HeaderValue::from_static("a=1; b="));
        headers.append(header::COOKIE, HeaderValue::from_static("junk; b=2"));
        assert_eq!(value_of(&headers, "a").as_deref(), Some("1"));
        assert_eq!(value_of(&headers, "b").as_deref(), Some("2"));
        assert_eq!(value_of(&headers, "c"), None);
    }

    #[test]
    fn a_signed_value_verifies_only_unchanged_and_under_its_own_key() {
        let key = Key::generate();
        let value = signed(&key, "flow", "1700000000.ab.cd.");
        assert_ne!(value, "1700000000.ab.cd.");
        assert_eq!(
            verified(&key, "flow", &value).as_deref(),
            Some("1700000000.ab.cd.")
        );
        assert_eq!(verified(&Key::generate(), "flow", &value), None);
        let tampered = value.replace("ab", "ba");
        assert_eq!(verified(&key, "flow", &tampered), None);
        assert_eq!(verified(&key, "flow", "1700000000.ab.cd."), None);
    }
}
