//! Taking over from the first paint: `index.html` draws the login form (or, on other
//! routes, the page frame) as static HTML before the WebAssembly app has loaded. Whoever
//! types there first must not lose it when the app starts, and nothing may jump.
//!
//! The app renders into `#app`, hidden, and swaps itself in once the screen it shows is
//! complete, in one step with no paint in between.

use topocloud_contract::routes;
use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlElement, HtmlInputElement};

/// What the person typed into the static login form before the app started.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct TypedBeforeStart {
    pub email: String,
    pub password: String,
    pub remember: bool,
    /// The field that had focus: `"email"`, `"password"` or `"remember"`.
    pub focus: Option<String>,
}

fn document() -> Option<Document> {
    web_sys::window()?.document()
}

fn static_input(document: &Document, id: &str) -> Option<HtmlInputElement> {
    document.get_element_by_id(id)?.dyn_into().ok()
}

/// Reads the static login form, if it is still there.
pub fn typed_login() -> Option<TypedBeforeStart> {
    let document = document()?;
    document.get_element_by_id("first-paint")?;
    let value = |id| {
        static_input(&document, id)
            .map(|i| i.value())
            .unwrap_or_default()
    };
    let focus = document
        .active_element()
        .and_then(|e| e.id().strip_prefix("fp-").map(str::to_owned));
    Some(TypedBeforeStart {
        email: value("fp-email"),
        password: value("fp-password"),
        remember: static_input(&document, "fp-remember").is_some_and(|i| i.checked()),
        focus,
    })
}

/// A press of the static form's button before the app ran (index.html's script).
pub enum EarlySignIn {
    /// The sign-in it sent: the browser's `fetch`, for the app to read.
    Sent(js_sys::Promise),
    /// A field was empty or implausible: the app's own submit says what.
    Pressed,
}

/// Reads the early press; only while the static form is there (it is gone once read).
pub fn early_sign_in() -> Option<EarlySignIn> {
    document()?.get_element_by_id("first-paint")?;
    let value = js_sys::Reflect::get(&web_sys::window()?.into(), &"topocloudSignIn".into()).ok()?;
    if value.is_undefined() {
        return None;
    }
    Some(match value.dyn_into() {
        Ok(sent) => EarlySignIn::Sent(sent),
        Err(_) => EarlySignIn::Pressed,
    })
}

/// Removes the static rendering and shows the app in its place. `focus` is the app's
/// element that takes over from the static one that had focus (`fp-<name>`): same value,
/// caret where it was.
pub fn hand_over(focus: Option<(String, HtmlInputElement)>) {
    let Some(document) = document() else { return };
    let Some(first_paint) = document.get_element_by_id("first-paint") else {
        return;
    };
    // The texts switch in the same task, before the app is first painted.
    crate::i18n::use_i18n().follow_document();
    // Focus elsewhere (skip link, language switch, a link, main) moves to the same
    // element of the app: a keyboard user who tabbed in before the start keeps their place.
    let elsewhere = match focus {
        Some(_) => None,
        None => document
            .active_element()
            .filter(|active| first_paint.contains(Some(active)))
            .and_then(|active| {
                counterpart_selector(
                    &active.tag_name(),
                    active.class_list().item(0).as_deref(),
                    active.get_attribute("href").as_deref(),
                )
            }),
    };
    let focus = focus.and_then(|(name, input)| {
        let from = static_input(&document, &format!("fp-{name}"))?;
        Some((from, input))
    });
    first_paint.remove();
    // index.html's script fetches the next screens' code once the login page works, at
    // idle, so it does not compete with the login's own bytes.
    if let Ok(ready) = web_sys::Event::new("topocloud-ready") {
        let _ = leptos::prelude::window().dispatch_event(&ready);
    }
    let app = document
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(app) = &app {
        app.set_hidden(false);
    }
    if let Some(target) = elsewhere
        .zip(app)
        .and_then(|(selector, app)| app.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let _ = target.focus();
    }
    if let Some((from, input)) = focus {
        let _ = input.focus();
        // Checkboxes have no caret (asking them for one throws). The value is written here
        // too: the app may not have drawn it yet, and a later write of the same value
        // leaves the caret alone, where a write of a new one moves it to the end.
        if input.type_() != "checkbox" {
            input.set_value(&from.value());
            let start = from.selection_start().ok().flatten().unwrap_or(0);
            let end = from.selection_end().ok().flatten().unwrap_or(start);
            let _ = input.set_selection_range(start, end);
        }
    }
}

/// How the app's counterpart of a focused static element is found: the same kind of
/// element with the same first class and the same link. `None` when there is nothing
/// to tell it by, or when a class or link would not be safe inside a selector.
pub fn counterpart_selector(tag: &str, class: Option<&str>, href: Option<&str>) -> Option<String> {
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
    };
    if !plain(tag) {
        return None;
    }
    let class = class.filter(|c| !c.is_empty());
    if class.is_some_and(|c| !plain(c)) || href.is_some_and(|h| h.contains(['"', '\\'])) {
        return None;
    }
    if class.is_none() && href.is_none() {
        return None;
    }
    let mut selector = tag.to_ascii_lowercase();
    if let Some(class) = class {
        selector.push('.');
        selector.push_str(class);
    }
    if let Some(href) = href {
        selector.push_str(&format!("[href=\"{href}\"]"));
    }
    Some(selector)
}

/// Whether `path` is a route whose first paint is the static login form (index.html's
/// first-paint script makes the same choice).
pub fn is_login_path(path: &str) -> bool {
    let path = path.trim_end_matches('/');
    path.is_empty() || path == routes::LOGIN
}

#[cfg(test)]
mod tests {
    use super::{counterpart_selector, is_login_path};
    use topocloud_contract::routes;

    #[test]
    fn a_focused_static_element_is_found_in_the_app_by_kind_class_and_link() {
        let cases = [
            (
                ("A", Some("skip-link"), Some("#main")),
                Some(r##"a.skip-link[href="#main"]"##),
            ),
            (
                ("BUTTON", Some("language-switch"), None),
                Some("button.language-switch"),
            ),
            (("MAIN", Some("site-main"), None), Some("main.site-main")),
            (("A", None, Some("/help")), Some(r#"a[href="/help"]"#)),
            (("BUTTON", None, None), None),
            (("BUTTON", Some(""), None), None),
            (("A", Some("x]y"), None), None),
            (("A", None, Some(r#"/"]*{"#)), None),
            (("A", None, Some(r"/\x")), None),
            (("a b", Some("c"), None), None),
        ];
        for ((tag, class, href), expected) in cases {
            assert_eq!(
                counterpart_selector(tag, class, href).as_deref(),
                expected,
                "{tag} {class:?} {href:?}"
            );
        }
    }

    /// index.html is static HTML and cannot use the registry's constants: a renamed route
    /// must fail here, not leave a dead link in the first paint.
    #[test]
    fn the_static_first_paint_links_only_to_screens_of_the_route_registry() {
        let html = include_str!("../../index.html");
        let paths: Vec<&str> = html
            .split("href=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .filter(|href| href.starts_with('/'))
            .collect();
        assert!(paths.len() >= 3, "{paths:?}");
        for path in paths {
            // The one asset linked from there (the icon), not a screen.
            let asset = path == "/logo.svg";
            assert!(asset || routes::SCREENS.contains(&path), "{path}");
        }
    }

    /// index.html's script sends the sign-in of a press before the app ran: its request
    /// must be the one the API client sends, and its button say what the app's says.
    #[test]
    fn the_static_forms_early_sign_in_is_the_contracts_request() {
        use crate::i18n::{Catalogue, Lang, Text};
        use topocloud_contract::{paths, SignInRequest, CSRF_HEADER, CSRF_HEADER_VALUE};
        let html = include_str!("../../index.html");
        let settings = format!(
            r#"data-sign-in="{} {CSRF_HEADER} {CSRF_HEADER_VALUE} {}""#,
            paths::SESSION,
            crate::api::TIMEOUT_MS
        );
        assert!(html.contains(&settings), "{settings}");
        let body = serde_json::to_value(SignInRequest {
            email: String::new(),
            password: String::new(),
            remember: false,
        })
        .unwrap_or_default();
        let fields: Vec<&String> = body
            .as_object()
            .map(|o| o.keys().collect())
            .unwrap_or_default();
        assert_eq!(fields, ["email", "password", "remember"]);
        assert!(html.contains(
            "JSON.stringify({ email: email, password: password, remember: fields.remember.checked })"
        ));
        for lang in [Lang::Nl, Lang::En] {
            let busy = format!(r#"textContent = "{}";"#, Text::SigningIn.in_lang(lang));
            assert!(html.contains(&busy), "{busy}");
        }
    }

    #[test]
    fn the_login_form_is_the_first_paint_of_the_login_routes_only() {
        for path in ["/", "/users/login", "/users/login/"] {
            assert!(is_login_path(path), "{path}");
        }
        for path in [
            "/users/register",
            "/help",
            "/help/kan-niet-inloggen",
            "/account",
        ] {
            assert!(!is_login_path(path), "{path}");
        }
    }
}
