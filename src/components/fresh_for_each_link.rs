//! A link from an email opened in the tab where its page is already open: when only the
//! fragment differs (the page removed its own token from the address), the browser does
//! not load the page again, it only fires `hashchange`. Without this the page would go on
//! showing the old link's state and never read the new token.

use leptos::prelude::*;

/// Draws its page afresh whenever a new fragment arrives, so the page reads it as if it
/// had just been opened.
#[component]
pub fn FreshForEachLink(children: ChildrenFn) -> impl IntoView {
    let opened = RwSignal::new(0u32);
    let listener = window_event_listener_untyped("hashchange", move |_| {
        // Pages remove the fragment with replaceState, which fires nothing; an empty
        // fragment here is a person going back to the bare address: nothing new to read.
        let hash = web_sys::window().and_then(|w| w.location().hash().ok());
        if hash.is_some_and(|h| h.len() > 1) {
            opened.try_update(|n| *n += 1);
        }
    });
    on_cleanup(move || listener.remove());
    move || {
        opened.track();
        children()
    }
}
