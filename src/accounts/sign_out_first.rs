//! Somebody opens a page for a new account while signed in: say as whom, and offer to
//! sign out and carry on, or to stay signed in. Never a dead end, never a silent redirect
//! (they may well mean to make a second account, for another organisation).

use crate::api;
use crate::components::Pending;
use crate::components::{focus_when_drawn, Countdown};
use crate::components::{Failure, FailureAlert};
use crate::context::use_shared;
use crate::i18n::accounts::AccountText;
use crate::i18n::tr;
use crate::i18n::use_i18n;
use crate::session::use_session;
use leptos::html::{Div, H1};
use leptos::prelude::*;

#[component]
pub fn SignOutFirst(
    /// The heading's id, for the card's `aria-labelledby`.
    heading_id: &'static str,
    title: AccountText,
    /// The address of the account that is signed in.
    signed_in: String,
    heading: NodeRef<H1>,
    /// Signed out: go on with the page.
    on_signed_out: Callback<()>,
    /// What the page is about, between "signed in as" and the buttons.
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let after_login = use_shared().runtime().after_login;
    let session = use_session();
    let failure = RwSignal::new(None::<Failure>);
    let alert_ref = NodeRef::<Div>::new();
    let pending = Pending::new();
    let sign_out = move |_: ()| {
        pending.run(async move {
            match api::sign_out().await {
                Ok(()) => {
                    session.signed_out();
                    on_signed_out.try_run(());
                }
                Err(error) => {
                    failure.try_set(Some(Failure::from_error(&error)));
                    focus_when_drawn(alert_ref);
                }
            }
        })
    };
    let run = move || {
        if !pending.get_untracked() {
            failure.set(None);
            sign_out(());
        }
    };
    view! {
        <h1 id=heading_id node_ref=heading tabindex="-1">
            {tr(title)}
        </h1>
        <p>
            {tr(AccountText::OtherAccountSignedIn)} " "
            <strong class="account-email">{signed_in}</strong>"."
        </p>
        {children()}
        <FailureAlert
            failure
            countdown=Countdown::new()
            node_ref=alert_ref
            on_retry=Callback::new(move |_| run())
        />
        <button
            type="button"
            class="button button--primary"
            aria-disabled=move || pending.get().then_some("true")
            on:click=move |_| run()
        >
            {move || {
                let label = if pending.get() {
                    AccountText::SigningOutToContinue
                } else {
                    AccountText::SignOutAndContinue
                };
                i18n.t(label)
            }}
        </button>
        <p>
            <a href=after_login>{tr(AccountText::KeepOtherAccount)}</a>
        </p>
    }
}
