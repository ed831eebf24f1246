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
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path && p != "/") {
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
        match document.query_selector("main h1").ok().flatten() {
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
