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
mod not_found;
pub mod recovery;
pub mod return_to;
pub mod runtime_config;
pub mod screen_path;
pub mod session;
pub mod validation;

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
    I18n::provide();
    context::Shared::provide(runtime_config::RuntimeConfig::from_document());
    session::Session::provide();
    view! {
        <Router>
            <components::FocusHeadingOnNavigation />
            <Routes fallback=NotFoundPage>
                <Route
                    path=ScreenPath(routes::ROOT)
                    view=|| view! { <Redirect path=routes::LOGIN /> }
                />
                <Route path=ScreenPath(routes::LOGIN) view=LoginPage />
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
        </Router>
    }
}
