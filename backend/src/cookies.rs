//! Cookies with the `cookie` crate: reading them, building every `Set-Cookie`, and signing
//! the ones the browser must not be able to change.

use axum::http::{header, HeaderMap, HeaderValue};
use cookie::{Cookie, CookieJar, Key, SameSite};

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

/// A `Set-Cookie` value: HttpOnly and `SameSite=Lax` always (no script reads our cookies,
/// and a cross-site POST never carries them), `Secure` when asked, `Max-Age` when given
/// (without it the cookie ends with the browser). An empty value with `Max-Age=0` clears.
pub fn set_cookie(
    name: &str,
    value: &str,
    path: &str,
    max_age_seconds: Option<i64>,
    secure: bool,
) -> HeaderValue {
    let mut cookie = Cookie::build((name.to_owned(), value.to_owned()))
        .http_only(true)
        .same_site(SameSite::Lax)
        .secure(secure)
        .path(path.to_owned());
    if let Some(seconds) = max_age_seconds {
        cookie = cookie.max_age(cookie::time::Duration::seconds(seconds));
    }
    // Names and paths are fixed ASCII and values hex, base64 or percent-encoded, so this is
    // always a valid header value; an impossible one becomes an empty header, not a panic.
    HeaderValue::from_str(&cookie.build().to_string())
        .unwrap_or_else(|_| HeaderValue::from_static(""))
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
    fn set_cookie_has_every_attribute_the_contract_names() {
        let lasting = set_cookie("topocloud_session", "ab12", "/", Some(2_592_000), false);
        assert_eq!(
            lasting.to_str().ok(),
            Some("topocloud_session=ab12; HttpOnly; SameSite=Lax; Path=/; Max-Age=2592000")
        );
        let cleared = set_cookie("__Host-topocloud_session", "", "/", Some(0), true);
        assert_eq!(
            cleared.to_str().ok(),
            Some("__Host-topocloud_session=; HttpOnly; SameSite=Lax; Secure; Path=/; Max-Age=0")
        );
        let browser_long = set_cookie("topocloud_session", "ab12", "/", None, false);
        assert!(!browser_long.to_str().unwrap_or("").contains("Max-Age"));
    }

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
