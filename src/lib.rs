//! The TopoCloud sign-in site: a client-side rendered Leptos app.

pub mod api;
pub mod components;
pub mod context;
pub mod i18n;
pub mod pages;
pub mod return_to;
pub mod runtime_config;
pub mod validation;

use i18n::I18n;
use leptos::prelude::*;
use leptos_router::components::{Redirect, Route, Router, Routes};
use leptos_router::path;
use pages::{AccountPage, LoginPage, NotFoundPage};

#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    context::Shared::provide(runtime_config::RuntimeConfig::from_document());
    view! {
        <Router>
            <Routes fallback=NotFoundPage>
                <Route path=path!("/") view=|| view! { <Redirect path=return_to::LOGIN /> } />
                <Route path=path!("/users/login") view=LoginPage />
                <Route path=path!("/account") view=AccountPage />
            </Routes>
        </Router>
    }
}
