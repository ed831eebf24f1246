//! What every screen shares: the runtime configuration, the backend's `/api/config`, and
//! the email address a person typed (so it follows them from login to the reset page
//! without ever being put in a URL).

use crate::api::{self, ApiError};
use crate::runtime_config::RuntimeConfig;
use leptos::prelude::*;
use topocloud_contract::{PasswordPolicy, SiteConfig};

#[derive(Clone, Copy)]
pub struct Shared {
    pub runtime: StoredValue<RuntimeConfig>,
    /// `/api/config`'s answer; `None` until it came. A plain signal filled by one task,
    /// not a `LocalResource`: the login page's own app is smaller without the resource
    /// machinery (and the settings are asked once per page load anyway).
    pub site_config: RwSignal<Option<Result<SiteConfig, ApiError>>>,
    pub typed_email: RwSignal<String>,
    /// This page load came from the login page's own app (a link or a sign-in there): for
    /// the person it is a step inside the site, so focus goes to the new heading.
    pub from_login_page: bool,
}

impl Shared {
    pub fn provide(runtime: RuntimeConfig) -> Self {
        api::set_base(&runtime.api_base);
        let arrival = take_arrival();
        let i18n = crate::i18n::use_i18n();
        i18n.set_product_name(&runtime.product_name);
        let site_config = RwSignal::new(None);
        leptos::task::spawn_local(async move {
            let answer = api::site_config().await;
            site_config.try_set(Some(answer));
        });
        // Texts that say how long a link works say what this backend does.
        Effect::new(move |_| {
            if let Some(Ok(config)) = site_config.get() {
                i18n.set_link_lifetimes(config.link_lifetimes.unwrap_or_default());
            }
        });
        let shared = Self {
            runtime: StoredValue::new(runtime),
            site_config,
            typed_email: RwSignal::new(arrival.typed_email.unwrap_or_default()),
            from_login_page: arrival.from_login_page,
        };
        provide_context(shared);
        shared
    }

    pub fn runtime(&self) -> RuntimeConfig {
        self.runtime.get_value()
    }

    /// The backend's settings once known; `None` while loading or when unreachable.
    pub fn site(&self) -> Option<SiteConfig> {
        self.site_config.get().and_then(Result::ok)
    }

    /// The policy to show before `/api/config` has answered: the contract's default.
    pub fn password_policy(&self) -> PasswordPolicy {
        self.site().map(|c| c.password_policy).unwrap_or_default()
    }
}

/// What the login page's own app handed over when it brought the person here by a page load
/// (index.html's script for links, [`crate::navigation::by_page_loads`] after signing in):
/// kept in this history entry's state, never in the address or in storage, and read once.
#[derive(Default)]
struct Arrival {
    typed_email: Option<String>,
    from_login_page: bool,
}

/// The keys of that state; index.html's script writes the same two for its links.
const FROM_LOGIN_PAGE: &str = "from_login_page";
const TYPED_EMAIL: &str = "typed_email";

/// The state a page load from the login page's app carries after its sign-in (its links
/// add the typed address, in index.html).
pub fn from_login_page_state() -> wasm_bindgen::JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &FROM_LOGIN_PAGE.into(), &true.into());
    state.into()
}

fn take_arrival() -> Arrival {
    let Ok(history) = window().history() else {
        return Arrival::default();
    };
    let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
    let field = |key: &str| js_sys::Reflect::get(&state, &key.into()).ok();
    let arrival = Arrival {
        typed_email: field(TYPED_EMAIL).and_then(|v| v.as_string()),
        from_login_page: field(FROM_LOGIN_PAGE).and_then(|v| v.as_bool()) == Some(true),
    };
    if arrival.from_login_page {
        let _ = history.replace_state(&wasm_bindgen::JsValue::NULL, "");
    }
    arrival
}

/// Falls back to a fresh context (for screens mounted alone in component tests).
pub fn use_shared() -> Shared {
    use_context::<Shared>().unwrap_or_else(|| Shared::provide(RuntimeConfig::from_document()))
}

/// A value from the URL fragment (`#email=…&error=…`), percent-decoded. Fragments never
/// reach a server, which is why emailed links and SSO errors travel there.
pub fn fragment_value(key: &str) -> Option<String> {
    let hash = web_sys::window()?.location().hash().ok()?;
    parse_pairs(&hash, key)
}

/// A value of a fragment (`#a=1&b=2`) or query (`?a=1&b=2`), percent-decoded.
pub fn parse_pairs(pairs: &str, key: &str) -> Option<String> {
    pairs
        .trim_start_matches(['#', '?'])
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .find(|(k, _)| *k == key)
        .and_then(|(_, v)| topocloud_contract::percent_decode(v))
}

/// The one-time token of an emailed link (`#token=…`), taken out of the address bar at once
/// so that it is not left in the history or sent again by a reload; `None` when the link
/// has none, or an empty one.
pub fn take_link_token() -> Option<String> {
    let token = fragment_value("token");
    if token.is_some() {
        clear_fragment();
    }
    token.filter(|t| !t.trim().is_empty())
}

/// Removes the fragment from the address bar without a navigation, so a message read
/// from it does not come back on reload.
pub fn clear_fragment() {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let path = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragment_values_are_found_and_decoded() {
        assert_eq!(
            parse_pairs("#error=sso_cancelled", "error").as_deref(),
            Some("sso_cancelled")
        );
        assert_eq!(
            parse_pairs("#token=abc&email=jan%40devries.test", "email").as_deref(),
            Some("jan@devries.test")
        );
        assert_eq!(parse_pairs("#email=a", "token"), None);
        assert_eq!(parse_pairs("", "email"), None);
        assert_eq!(parse_pairs("#email=%zz", "email"), None);
        assert_eq!(
            parse_pairs("?x=1&return_to=/account%3Ftab%3D2", "return_to").as_deref(),
            Some("/account?tab=2")
        );
    }
}
