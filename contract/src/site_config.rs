use crate::{Locale, PasswordPolicy};
use serde::{Deserialize, Serialize};

/// `GET /api/config`: what the site adapts to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteConfig {
    pub registration_open: bool,
    #[serde(default)]
    pub sso_providers: Vec<SsoProvider>,
    pub password_policy: PasswordPolicy,
    /// How long emailed links work. Optional, so a backend that does not say keeps the
    /// site working: it then states [`LinkLifetimes::default`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link_lifetimes: Option<LinkLifetimes>,
    /// Whether signing in with a passkey is offered (its button, the email field's
    /// autofill, the account page's passkeys). False when the backend cannot be a
    /// WebAuthn relying party, e.g. its public address is an IP address. A backend that
    /// does not say offers none.
    #[serde(default)]
    pub passkeys: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoProvider {
    /// Path segment of `/api/sso/{id}/start`, e.g. `microsoft`.
    pub id: String,
    /// What the button says after "Inloggen met" / "Sign in with".
    pub label: String,
}

/// How long each kind of emailed link works, in seconds. The site's help and recovery
/// texts say these numbers, so they must be the backend's own, not the defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkLifetimes {
    pub verify_email_seconds: i64,
    pub reset_seconds: i64,
    pub invitation_seconds: i64,
}

impl Default for LinkLifetimes {
    fn default() -> Self {
        Self {
            verify_email_seconds: 24 * HOUR,
            reset_seconds: HOUR,
            invitation_seconds: 7 * DAY,
        }
    }
}

const HOUR: i64 = 3600;
const DAY: i64 = 24 * HOUR;

/// A link lifetime in words, as an email or help text says it: "1 uur", "24 hours",
/// "7 dagen", "15 minutes". A day stays "24 uur" (that is how people say link
/// lifetimes); whole days from two on are days.
pub fn lifetime_in_words(seconds: i64, locale: Locale) -> String {
    let seconds = seconds.max(1);
    let (n, unit) = if seconds >= 2 * DAY && seconds % DAY == 0 {
        (seconds / DAY, Unit::Day)
    } else if seconds >= HOUR && seconds % HOUR == 0 {
        (seconds / HOUR, Unit::Hour)
    } else if seconds >= 60 && seconds % 60 == 0 {
        (seconds / 60, Unit::Minute)
    } else {
        (seconds, Unit::Second)
    };
    let one = n == 1;
    let word = match (locale, unit) {
        (Locale::Nl, Unit::Day) => "dagen",
        (Locale::Nl, Unit::Hour) => "uur",
        (Locale::Nl, Unit::Minute) if one => "minuut",
        (Locale::Nl, Unit::Minute) => "minuten",
        (Locale::Nl, Unit::Second) if one => "seconde",
        (Locale::Nl, Unit::Second) => "seconden",
        (Locale::En, Unit::Day) => "days",
        (Locale::En, Unit::Hour) if one => "hour",
        (Locale::En, Unit::Hour) => "hours",
        (Locale::En, Unit::Minute) if one => "minute",
        (Locale::En, Unit::Minute) => "minutes",
        (Locale::En, Unit::Second) if one => "second",
        (Locale::En, Unit::Second) => "seconds",
    };
    format!("{n} {word}")
}

#[derive(Clone, Copy)]
enum Unit {
    Day,
    Hour,
    Minute,
    Second,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lifetimes_read_naturally_in_both_languages() {
        let cases = [
            (7 * DAY, "7 dagen", "7 days"),
            (2 * DAY, "2 dagen", "2 days"),
            (DAY, "24 uur", "24 hours"),
            (36 * HOUR, "36 uur", "36 hours"),
            (HOUR, "1 uur", "1 hour"),
            (5_400, "90 minuten", "90 minutes"),
            (60, "1 minuut", "1 minute"),
            (1, "1 seconde", "1 second"),
            (45, "45 seconden", "45 seconds"),
            (0, "1 seconde", "1 second"),
        ];
        for (seconds, nl, en) in cases {
            assert_eq!(lifetime_in_words(seconds, Locale::Nl), nl);
            assert_eq!(lifetime_in_words(seconds, Locale::En), en);
        }
    }

    #[test]
    fn the_defaults_are_a_day_an_hour_and_a_week() {
        let d = LinkLifetimes::default();
        assert_eq!(
            (
                d.verify_email_seconds,
                d.reset_seconds,
                d.invitation_seconds
            ),
            (86_400, 3_600, 604_800)
        );
    }

    #[test]
    fn a_backend_that_does_not_say_leaves_the_lifetimes_out() {
        let config = SiteConfig {
            registration_open: true,
            sso_providers: Vec::new(),
            password_policy: PasswordPolicy::recommended(),
            link_lifetimes: None,
            passkeys: false,
        };
        let json = serde_json::to_string(&config).expect("serialises");
        assert!(!json.contains("link_lifetimes"), "{json}");
        let back: SiteConfig = serde_json::from_str(&json).expect("parses without them");
        assert_eq!(back, config);
    }
}
