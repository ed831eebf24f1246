//! The TopoCloud sign-in site: a client-side rendered Leptos app.

// A panic kills the app for the person in front of it (a wasm panic cannot be caught), so
// nothing outside tests may unwrap, expect, panic or index: the compiler checks it.
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod api;
pub mod components;
pub mod context;
pub mod help;
pub mod i18n;
pub mod pages;
pub mod return_to;
pub mod runtime_config;
pub mod validation;

use components::FreshForEachLink;
use i18n::I18n;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;
use pages::{AccountPage, ForgotPasswordPage, LoginPage, NotFoundPage, ResetPasswordPage};
use pages::{InvitationPage, RegisterPage, VerifyEmailPage};

#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    context::Shared::provide(runtime_config::RuntimeConfig::from_document());
    view! {
        <Router>
            <components::FocusHeadingOnNavigation />
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=|| view! { <Redirect path=return_to::LOGIN /> } />
                <Route path=path!("/users/login") view=LoginPage />
                <Route path=path!("/account") view=AccountPage />
                <Route path=path!("/help") view=pages::HelpPage />
                <Route path=path!("/help/:slug") view=pages::HelpArticlePage />
                <Route path=path!("/users/register") view=RegisterPage />
                <Route path=path!("/users/verify-email") view=|| view! { <FreshForEachLink><VerifyEmailPage /></FreshForEachLink> } />
                <Route path=path!("/users/invitation") view=|| view! { <FreshForEachLink><InvitationPage /></FreshForEachLink> } />
                <Route path=path!("/users/forgot-password") view=ForgotPasswordPage />
                <Route path=path!("/users/reset-password") view=|| view! { <FreshForEachLink><ResetPasswordPage /></FreshForEachLink> } />
            </Routes>
        </Router>
    }
}
