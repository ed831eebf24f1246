use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Moves keyboard focus once the DOM has caught up with the signals just set: an error
/// message that was `display: none` a moment ago cannot take focus yet.
pub fn focus_after_render(target: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(element) = target() {
            let _ = element.focus();
        }
    });
}

/// [`focus_after_render`] for an element the view holds a `NodeRef` to: the field with the
/// first problem, an alert, a new heading. (One generic copy per element kind, instead of
/// a closure per place.)
pub fn focus_when_drawn<E>(node: NodeRef<E>)
where
    E: leptos::html::ElementType + 'static,
    E::Output: JsCast + Clone + 'static,
{
    focus_after_render(move || {
        node.try_get_untracked()
            .flatten()
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    });
}

/// After a navigation inside the app (a link, a redirect after signing in or out) focus
/// goes to the new screen's heading, as a fresh page load would put a screen reader at the
/// top. The first screen leaves focus alone (so does the redirect from `/` to the login
/// page): the login form is usable as it loads, by password managers too.
#[component]
pub fn FocusHeadingOnNavigation() -> impl IntoView {
    let location = use_location();
    // A page load from the login page's own app is such a navigation for the person.
    let from_login_page = crate::context::use_shared().from_login_page;
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        let moved = match &previous {
            Some(p) => *p != path && p != "/",
            None => from_login_page,
        };
        if moved {
            focus_heading_when_ready(FRAMES_TO_WAIT);
        }
        path
    });
}

/// About five seconds: long enough for a screen waiting on the session check or a lookup.
const FRAMES_TO_WAIT: u32 = 300;

/// Focuses the `h1` of `main` as soon as it is drawn, unless focus has moved on meanwhile
/// (the person tabbed, or the screen focused something itself).
fn focus_heading_when_ready(frames_left: u32) {
    request_animation_frame(move || {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let untouched = document
            .active_element()
            .is_none_or(|e| e.tag_name() == "BODY" || e.id() == "main");
        if !untouched {
            return;
        }
        // The app's heading, once it is on screen: not the static first paint's (still
        // there, hidden, while a screen waits after a page load).
        let shown = document.get_element_by_id("first-paint").is_none();
        let heading = shown
            .then(|| document.query_selector("main h1").ok().flatten())
            .flatten();
        match heading {
            Some(heading) => {
                if !heading.has_attribute("tabindex") {
                    let _ = heading.set_attribute("tabindex", "-1");
                }
                let _ = heading.unchecked_into::<web_sys::HtmlElement>().focus();
            }
            None if frames_left > 0 => focus_heading_when_ready(frames_left - 1),
            None => {}
        }
    });
}
