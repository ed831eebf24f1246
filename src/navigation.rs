//! How a screen takes the person elsewhere, in the two apps that draw screens: the whole
//! site (one router, links and redirects without a page load) and the login app
//! (`/users/login` alone, small enough to work at plain-HTML speed: no router, every way
//! out is a page load into the whole site). A screen asks [`use_navigation`] and works in
//! both.

use crate::context::parse_pairs;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

#[derive(Clone, Copy)]
pub struct Navigation {
    /// Goes to a same-site address, replacing the current entry in the history (the screen
    /// that sends someone on is not one to come back to).
    pub replace: Callback<String>,
    /// A value of the address's query (`?return_to=…`), percent-decoded. Tracked.
    pub query: Callback<&'static str, Option<String>>,
}

/// The app's way about; a screen mounted alone (component tests) moves by page loads.
pub fn use_navigation() -> Navigation {
    use_context::<Navigation>().unwrap_or_else(by_page_loads)
}

/// The login app's way: it has one screen, so the address never changes under it.
pub fn by_page_loads() -> Navigation {
    Navigation {
        // The next screen is the whole site's: a page load that replaces this entry, and
        // tells the next page it is a step inside the site (crate::context).
        replace: Callback::new(|to: String| {
            if let Ok(history) = window().history() {
                let state = crate::context::from_login_page_state();
                if history
                    .replace_state_with_url(&state, "", Some(&to))
                    .is_ok()
                {
                    let _ = window().location().reload();
                    return;
                }
            }
            let _ = window().location().replace(&to);
        }),
        query: Callback::new(|key| parse_pairs(&window().location().search().ok()?, key)),
    }
}

/// The whole site's way, through its router (the address in the browser changes only after
/// the next screen is drawn, so the query is the router's, not `location`'s).
#[component]
pub fn RouterNavigation(children: Children) -> impl IntoView {
    let navigate = use_navigate();
    let query = use_query_map();
    provide_context(Navigation {
        replace: Callback::new(move |to: String| {
            let replace = NavigateOptions {
                replace: true,
                ..Default::default()
            };
            navigate(&to, replace);
        }),
        query: Callback::new(move |key| query.read().get(key)),
    });
    children()
}
