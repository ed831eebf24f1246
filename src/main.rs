use wasm_bindgen::{closure::Closure, JsCast};

fn main() {
    // A panic must at least say where in the browser console; it cannot be caught.
    console_error_panic_hook::set_once();
    // Drawing the app is its own task, after the one that compiled and started the wasm:
    // the browser can handle a tap or a keystroke in between instead of freezing for both.
    let mount = Closure::once_into_js(mount_app);
    let deferred = web_sys::window()
        .is_some_and(|w| w.set_timeout_with_callback(mount.unchecked_ref()).is_ok());
    if !deferred {
        mount_app();
    }
}

fn mount_app() {
    // index.html's `#app` stays hidden until the screen is ready to replace the first paint
    // (components/first_paint.rs); without it (tests, other hosts) the app takes the body.
    let app = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match app {
        Some(app) => leptos::mount::mount_to(app, topocloud_site::App).forget(),
        None => leptos::mount::mount_to_body(topocloud_site::App),
    }
}
