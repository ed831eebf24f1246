//! The TopoCloud sign-in site: a client-side rendered Leptos app.

pub mod account;
pub mod accounts;
pub mod api;
pub mod components;
pub mod context;
pub mod help;
pub mod i18n;
#[cfg(test)]
mod layers;
pub mod login;
pub mod navigation;
mod not_found;
pub mod recovery;
pub mod return_to;
pub mod runtime_config;
pub mod screen_path;
pub mod session;
pub mod validation;
pub mod webauthn;

use account::AccountPage;
use accounts::{InvitationPage, RegisterPage, VerifyEmailPage};
use components::FreshForEachLink;
use i18n::I18n;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::ParamSegment;
use login::LoginPage;
use not_found::NotFoundPage;
use recovery::{ForgotPasswordPage, ResetPasswordPage};
use screen_path::ScreenPath;
use session::SignedInOnly;
use topocloud_contract::routes;

#[component]
pub fn App() -> impl IntoView {
    provide_app_state();
    view! {
        <Router>
            <components::FocusHeadingOnNavigation />
            <navigation::RouterNavigation>
                <Routes fallback=NotFoundPage>
                    <Route
                        path=ScreenPath(routes::ROOT)
                        view=|| view! { <Redirect path=routes::LOGIN /> }
                    />
                    <Route path=ScreenPath(routes::LOGIN) view=LoginPage />
                    <Route path=ScreenPath(routes::SECOND_STEP) view=login::SecondStepPage />
                    <Route
                        path=ScreenPath(routes::ACCOUNT)
                        view=|| {
                            view! {
                                <SignedInOnly>
                                    <AccountPage />
                                </SignedInOnly>
                            }
                        }
                    />
                    <Route path=ScreenPath(routes::HELP) view=help::HelpPage />
                    <Route
                        path=(ScreenPath(routes::HELP), ParamSegment("slug"))
                        view=help::HelpArticlePage
                    />
                    <Route path=ScreenPath(routes::REGISTER) view=RegisterPage />
                    <Route
                        path=ScreenPath(routes::VERIFY_EMAIL)
                        view=|| {
                            view! {
                                <FreshForEachLink>
                                    <VerifyEmailPage />
                                </FreshForEachLink>
                            }
                        }
                    />
                    <Route
                        path=ScreenPath(routes::INVITATION)
                        view=|| {
                            view! {
                                <FreshForEachLink>
                                    <InvitationPage />
                                </FreshForEachLink>
                            }
                        }
                    />
                    <Route
                        path=ScreenPath(routes::CONFIRMATION_EMAIL)
                        view=accounts::ConfirmationEmailPage
                    />
                    <Route path=ScreenPath(routes::FORGOT_PASSWORD) view=ForgotPasswordPage />
                    <Route
                        path=ScreenPath(routes::RESET_PASSWORD)
                        view=|| {
                            view! {
                                <FreshForEachLink>
                                    <ResetPasswordPage />
                                </FreshForEachLink>
                            }
                        }
                    />
                </Routes>
            </navigation::RouterNavigation>
        </Router>
    }
}

/// `/users/login` on its own (`src/bin/login.rs`): what the login page loads first, so that
/// *Aanmelden* works at plain-HTML speed. The same screen as in [`App`]; every way out of it
/// is a page load into the whole site, which the browser has fetched by then (at idle).
#[component]
pub fn LoginApp() -> impl IntoView {
    provide_app_state();
    provide_context(navigation::by_page_loads());
    // `/` is the login page's address too; the address bar says which page it is, as the
    // whole site's router does with its redirect.
    let here = window().location();
    if here.pathname().is_ok_and(|path| path == routes::ROOT) {
        let to = routes::LOGIN.to_owned()
            + &here.search().unwrap_or_default()
            + &here.hash().unwrap_or_default();
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&to));
        }
    }
    view! { <LoginPage /> }
}

/// What both apps own once: the language, what screens share, and who is signed in.
fn provide_app_state() {
    I18n::provide();
    context::Shared::provide(runtime_config::RuntimeConfig::from_document());
    session::Session::provide();
}

/// Starts an app in the page: drawn in its own task, after the one that compiled and
/// started the wasm, so the browser can handle a tap or a keystroke in between instead of
/// freezing for both.
pub fn start<V: IntoView + 'static>(app: fn() -> V) {
    use wasm_bindgen::{closure::Closure, JsCast};
    // A panic must at least say where in the browser console; it cannot be caught. The
    // release build (scripts/release.sh) aborts at once, with no message to say.
    #[allow(unexpected_cfgs)] // stable knows no such strategy; the release toolchain does
    #[cfg(not(panic = "immediate-abort"))]
    console_error_panic_hook::set_once();
    let later = Closure::once_into_js(move || mount(app));
    let deferred = web_sys::window()
        .is_some_and(|w| w.set_timeout_with_callback(later.unchecked_ref()).is_ok());
    if !deferred {
        mount(app);
    }
}

fn mount<V: IntoView + 'static>(app: fn() -> V) {
    use wasm_bindgen::JsCast;
    // index.html's `#app` stays hidden until the screen is ready to replace the first paint
    // (components/first_paint.rs); without it (tests, other hosts) the app takes the body.
    let host = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match host {
        Some(host) => leptos::mount::mount_to(host, app).forget(),
        None => leptos::mount::mount_to_body(app),
    }
}
