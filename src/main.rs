fn main() {
    // A panic must at least say where in the browser console; it cannot be caught.
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(topocloud_site::App);
}
