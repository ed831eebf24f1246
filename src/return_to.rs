//! Where to go after signing in. A `return_to` parameter is attacker-controlled, so only
//! a path on this same origin is honoured; anything else goes to the default.

pub const AFTER_LOGIN: &str = "/account";
pub const LOGIN: &str = "/users/login";

/// `Some(path)` only for a same-origin path; `None` means "use the default".
pub fn safe_return_to(raw: Option<&str>) -> Option<String> {
    let raw = raw?;
    if !is_same_origin_path(raw) {
        return None;
    }
    // An encoded form must be just as harmless once decoded (`/%2F%2Fevil.test`).
    let mut decoded = raw.to_owned();
    for _ in 0..3 {
        let next = percent_decode(&decoded)?;
        if !is_same_origin_path(&next) {
            return None;
        }
        if next == decoded {
            break;
        }
        decoded = next;
    }
    // Sending someone back to the login page after logging in would be a loop.
    let path_only = raw.split(['?', '#']).next().unwrap_or(raw);
    if path_only == LOGIN || path_only.starts_with("/users/login/") {
        return None;
    }
    Some(raw.to_owned())
}

/// The login URL that brings a signed-out visitor back to `path` afterwards.
pub fn login_url_returning_to(path: &str) -> String {
    format!("{LOGIN}?return_to={}", percent_encode(path))
}

fn is_same_origin_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(|c| c.is_control() || c.is_whitespace())
}

/// `None` for broken escapes or bytes that are not UTF-8: refuse, never guess.
fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = input.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn percent_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_origin_paths_are_kept_as_given() {
        for ok in [
            "/account",
            "/account?tab=2",
            "/projects/12#map",
            "/help/kan-niet-inloggen",
        ] {
            assert_eq!(safe_return_to(Some(ok)).as_deref(), Some(ok));
        }
    }

    #[test]
    fn everything_that_could_leave_the_site_is_refused() {
        for bad in [
            "https://evil.test/",
            "http:/evil.test",
            "//evil.test",
            "/\\evil.test",
            "\\\\evil.test",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "/%2F%2Fevil.test",
            "/%5Cevil.test",
            "%2F%2Fevil.test",
            "/%252F%252Fevil.test",
            "/acc\nount",
            "/acc%0aount",
            "/ account",
            "/%zz",
            "/%C3",
            "",
            "account",
        ] {
            assert_eq!(safe_return_to(Some(bad)), None, "{bad:?} must be refused");
        }
        assert_eq!(safe_return_to(None), None);
    }

    #[test]
    fn the_login_page_itself_is_not_a_destination() {
        assert_eq!(safe_return_to(Some("/users/login")), None);
        assert_eq!(
            safe_return_to(Some("/users/login?return_to=/account")),
            None
        );
    }

    #[test]
    fn login_url_round_trips_through_the_sanitiser() {
        let url = login_url_returning_to("/account?tab=2&x=é");
        assert_eq!(
            url,
            "/users/login?return_to=/account%3Ftab%3D2%26x%3D%C3%A9"
        );
        let param = url
            .split_once("return_to=")
            .map(|(_, v)| v)
            .unwrap_or_default();
        let decoded = percent_decode(param).unwrap_or_default();
        assert_eq!(
            safe_return_to(Some(&decoded)).as_deref(),
            Some("/account?tab=2&x=é")
        );
    }
}
