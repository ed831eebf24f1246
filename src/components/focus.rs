use leptos::prelude::request_animation_frame;

/// Moves keyboard focus once the DOM has caught up with the signals just set: an error
/// message that was `display: none` a moment ago cannot take focus yet.
pub fn focus_after_render(target: impl FnOnce() -> Option<web_sys::HtmlElement> + 'static) {
    request_animation_frame(move || {
        if let Some(element) = target() {
            let _ = element.focus();
        }
    });
}
