//! Settings a deployment changes without rebuilding: a JSON block inlined in
//! `index.html` (`<script id="topocloud-config" type="application/json">`), read once at
//! start-up, so there is no extra request before the first screen. Anything missing or
//! unreadable falls back to TopoCloud's own values.

use serde::Deserialize;
use topocloud_contract::routes;

pub const ELEMENT_ID: &str = "topocloud-config";

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct RuntimeConfig {
    pub product_name: String,
    pub support_email: String,
    pub support_phone: String,
    pub quick_start_url: String,
    pub change_password_help_url: String,
    /// Where people land after signing in when no valid `return_to` says otherwise.
    pub after_login: String,
    /// Prefix of every API path; empty means this same origin.
    pub api_base: String,
    /// Where the logo comes from; replaceable per deployment.
    pub logo_url: String,
    pub terms_url: String,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        Self {
            product_name: "TopoCloud".into(),
            support_email: "hello@topocloud.com".into(),
            support_phone: "(+31) 513 528 759".into(),
            quick_start_url: "https://docs.topocloud.nl/books/snel-starten-154".into(),
            change_password_help_url:
                "https://docs.topocloud.nl/books/profiel/page/wachtwoord-wijzigen".into(),
            after_login: routes::ACCOUNT.into(),
            api_base: String::new(),
            logo_url: "/logo.svg".into(),
            terms_url: "https://www.topocloud.nl/voorwaarden".into(),
        }
    }
}

impl RuntimeConfig {
    /// Never fails: a broken block must not keep people from signing in.
    pub fn from_json(json: Option<&str>) -> Self {
        let mut config: Self = json
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default();
        // A misconfigured destination must not become an open redirect.
        if topocloud_contract::safe_return_to(Some(&config.after_login)).is_none() {
            config.after_login = Self::default().after_login;
        }
        config.api_base = config.api_base.trim_end_matches('/').to_owned();
        config
    }

    /// Reads the block from the page.
    pub fn from_document() -> Self {
        let text = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(ELEMENT_ID))
            .and_then(|e| e.text_content());
        Self::from_json(text.as_deref())
    }

    /// `tel:` wants the digits only (and a leading +).
    pub fn support_phone_href(&self) -> String {
        let digits: String = self
            .support_phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_or_broken_blocks_give_topocloud_defaults() {
        assert_eq!(RuntimeConfig::from_json(None), RuntimeConfig::default());
        assert_eq!(
            RuntimeConfig::from_json(Some("{not json")),
            RuntimeConfig::default()
        );
        assert_eq!(
            RuntimeConfig::from_json(Some("[]")),
            RuntimeConfig::default()
        );
    }

    #[test]
    fn a_partial_block_overrides_only_what_it_names() {
        let c = RuntimeConfig::from_json(Some(
            r#"{"product_name":"GeoWolk","support_phone":"+31 20 123 4567","api_base":"https://auth.example/"}"#,
        ));
        assert_eq!(c.product_name, "GeoWolk");
        assert_eq!(c.api_base, "https://auth.example");
        assert_eq!(c.support_email, "hello@topocloud.com");
        assert_eq!(c.support_phone_href(), "tel:+31201234567");
    }

    #[test]
    fn an_unsafe_after_login_destination_falls_back() {
        for bad in ["https://evil.test", "//evil.test", "javascript:alert(1)"] {
            let json = format!(r#"{{"after_login":"{bad}"}}"#);
            assert_eq!(
                RuntimeConfig::from_json(Some(&json)).after_login,
                "/account"
            );
        }
        let c = RuntimeConfig::from_json(Some(r#"{"after_login":"/projects"}"#));
        assert_eq!(c.after_login, "/projects");
    }

    #[test]
    fn the_default_phone_is_dialable() {
        assert_eq!(
            RuntimeConfig::default().support_phone_href(),
            "tel:+31513528759"
        );
    }
}
