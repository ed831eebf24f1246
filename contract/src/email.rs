/// RFC 5321 caps a forward path at 256 octets including the angle brackets.
pub const MAX_EMAIL_LEN: usize = 254;

/// The same address written with other case or surrounding spaces is the same account.
pub fn normalise_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// A deliberately small plausibility check: one `@`, something before it, a dotted
/// domain after it, no spaces. The real check is the email that arrives; a full
/// RFC 5322 parser (or `validator`'s email rule) would cost the site ~200 KB of wasm.
pub fn is_plausible_email(raw: &str) -> bool {
    let email = raw.trim();
    if email.is_empty() || email.len() > MAX_EMAIL_LEN {
        return false;
    }
    if email.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return false;
    }
    let Some((local, domain)) = email.rsplit_once('@') else {
        return false;
    };
    if local.is_empty() || local.contains('@') || domain.is_empty() {
        return false;
    }
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels
            .iter()
            .all(|label| !label.is_empty() && !label.starts_with('-') && !label.ends_with('-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for ok in [
            "demo@topocloud.test",
            "j.de.vries@landmeetkunde.nl",
            "  padded@example.org ",
            "plus+tag@sub.example.co.uk",
            "ünïcode@voorbeeld.nl",
        ] {
            assert!(is_plausible_email(ok), "{ok} should be accepted");
        }
    }

    #[test]
    fn rejects_what_cannot_receive_mail() {
        for bad in [
            "",
            "   ",
            "demo",
            "@topocloud.test",
            "demo@",
            "demo@localhost",
            "demo@topocloud..test",
            "demo@-topocloud.test",
            "de mo@topocloud.test",
            "demo@@topocloud.test",
            "demo@topo\u{0}cloud.test",
        ] {
            assert!(!is_plausible_email(bad), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn rejects_overlong_addresses() {
        let long = format!("{}@topocloud.test", "a".repeat(MAX_EMAIL_LEN));
        assert!(!is_plausible_email(&long));
    }

    #[test]
    fn normalises_case_and_spaces() {
        assert_eq!(
            normalise_email("  Demo@TopoCloud.Test "),
            "demo@topocloud.test"
        );
    }
}
