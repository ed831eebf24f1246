//! `/users/confirmation-email`: asking for the confirmation email again, for an account
//! whose address is not confirmed yet. The login page links here when such an account
//! signs in, with the address typed there already filled in; the login page's own app so
//! carries no sending form of its own (its first-load budget, docs/performance.md).
//!
//! Like registration, the answer is the same whether or not the address has an account.

use crate::components::{article_href, use_document_title, PageShell, ResendLink};
use crate::context::use_shared;
use crate::help::Article;
use crate::i18n::accounts::AccountText;
use crate::i18n::{tr, Text};
use leptos::prelude::*;
use topocloud_contract::routes;

#[component]
pub fn ConfirmationEmailPage() -> impl IntoView {
    let shared = use_shared();
    use_document_title(AccountText::ConfirmationEmailTitle);
    view! {
        <PageShell>
            <section class="card" aria-labelledby="confirmation-email-title">
                <h1 id="confirmation-email-title">{tr(AccountText::ConfirmationEmailTitle)}</h1>
                <p class="intro">{tr(AccountText::ConfirmationEmailIntro)}</p>
                <ResendLink
                    email=shared.typed_email
                    ask_email=true
                    button=Text::ResendVerification
                />
                <p>
                    <a href=routes::LOGIN>{tr(Text::GoToLogin)}</a>
                </p>
            </section>
            <p class="below-card">
                <a href=article_href(Article::LinkExpired)>{tr(AccountText::HelpLinks)}</a>
            </p>
        </PageShell>
    }
}
