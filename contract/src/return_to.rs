//! Where to go after signing in. A `return_to` value is attacker-controlled, so only a
//! path on this same origin is honoured; anything else goes to the default. Shared by the
//! site (after the login form) and the backend (after single sign-on).

use crate::routes::LOGIN;

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
    let path_only = raw.split(['?', '#']).next().unwrap_or(raw);
    // The login page is never a destination after logging in (that would be a loop).
    if path_only == LOGIN
        || path_only
            .strip_prefix(LOGIN)
            .is_some_and(|r| r.starts_with('/'))
    {
        return None;
    }
    Some(raw.to_owned())
}

fn is_same_origin_path(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path
            .chars()
            .any(|c| c.is_control() || c.is_whitespace() || is_invisible_format(c))
}

/// Zero-width and bidirectional formatting characters: harmless to a browser, but they
/// make an address read differently from what it is.
fn is_invisible_format(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `None` for broken escapes or bytes that are not UTF-8: refuse, never guess.
pub fn percent_decode(input: &str) -> Option<String> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            // Exactly two hex digits: `from_str_radix` alone would also take "+1".
            let hex = input.get(i + 1..i + 3)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Encodes everything but unreserved characters and `/`, for a query parameter value.
pub fn percent_encode(input: &str) -> String {
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

    const VALID: &[&str] = &[
        "/",
        "/account",
        "/account?tab=2",
        "/projects/12#map",
        "/help/kan-niet-inloggen",
        "/account?next=%2Fprojects",
        "/projecten/z%C3%BCrich",
        "/a/b/c/d/e",
        "/account?q=a+b&x=1",
        "/users/register",
        "/users/logins",
        "/~surveyor/kaart",
    ];

    const HOSTILE: &[&str] = &[
        "https://evil.test/",
        "http://evil.test",
        "HTTPS://evil.test",
        "http:/evil.test",
        "//evil.test",
        "///evil.test",
        "/\\evil.test",
        "\\\\evil.test",
        "/\\/evil.test",
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "/%2F%2Fevil.test",
        "/%2f%2fevil.test",
        "/%5Cevil.test",
        "%2F%2Fevil.test",
        "/%252F%252Fevil.test",
        "/%25252F%25252Fevil.test",
        "/acc\nount",
        "/acc%0aount",
        "/account%0d%0aLocation:%20https://evil.test",
        "/\tevil",
        "/ account",
        "/%zz",
        "/%C3",
        "/%",
        "",
        "account",
        "evil.test",
        "?return_to=/account",
        "#/account",
        "/users/login",
        "/users/login?return_to=/account",
        "/users/login#x",
        "/account\u{0}",
        "/\u{202e}kaart",
    ];

    #[test]
    fn same_origin_paths_are_kept_as_given() {
        assert!(VALID.len() >= 10);
        for ok in VALID {
            assert_eq!(
                safe_return_to(Some(ok)).as_deref(),
                Some(*ok),
                "{ok:?} must be kept"
            );
        }
    }

    #[test]
    fn everything_that_could_leave_the_site_is_refused() {
        assert!(HOSTILE.len() >= 25);
        for bad in HOSTILE {
            assert_eq!(safe_return_to(Some(bad)), None, "{bad:?} must be refused");
        }
        assert_eq!(safe_return_to(None), None);
    }

    #[test]
    fn encode_and_decode_round_trip() {
        let raw = "/account?tab=2&x=é";
        assert_eq!(percent_decode(&percent_encode(raw)).as_deref(), Some(raw));
    }

    #[test]
    fn an_escape_is_exactly_two_hex_digits() {
        for broken in ["%+1", "%-1", "% 1", "%1", "%", "%zz", "%+F"] {
            assert_eq!(percent_decode(broken), None, "{broken:?}");
        }
        assert_eq!(percent_decode("%2f%2F").as_deref(), Some("//"));
    }
}
