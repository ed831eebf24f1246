//! What every form's submit shares: one request at a time (a double click sends one), none
//! while the person waits out a limit, and the last failure cleared before the next try.

use super::Countdown;
use leptos::prelude::*;
use std::future::Future;

/// Whether a screen's request is still out, and the one way to send it: the button shows
/// it, and the guards below let no second request go while the first is out. Leptos'
/// `Action` does this and more (a value, versions, an input signal); none of that is
/// used here, and the login page's own app is measurably smaller without it.
#[derive(Clone, Copy)]
pub struct Pending(RwSignal<bool>);

impl Pending {
    #[allow(clippy::new_without_default)] // a signal is made in a reactive owner, on purpose
    pub fn new() -> Self {
        Self(RwSignal::new(false))
    }

    /// Tracked, for the view.
    pub fn get(self) -> bool {
        self.0.get()
    }

    pub fn get_untracked(self) -> bool {
        self.0.get_untracked()
    }

    /// Sends the request: pending until it has answered. It runs under the screen's
    /// reactive owner, as an action's would, and outlives it (an answer that comes after
    /// the person moved on only finds its signals gone, which `try_set` allows).
    pub fn run(self, request: impl Future<Output = ()> + 'static) {
        self.0.set(true);
        leptos::task::spawn_local_scoped(async move {
            request.await;
            self.0.try_set(false);
        });
    }
}

pub struct Submission<F: Send + Sync + 'static> {
    /// The wait after "too many" (or a resend's cooldown).
    pub countdown: Countdown,
    /// The form's request is still out.
    pub pending: Pending,
    /// What went wrong last time, shown in the form's alert.
    pub failure: RwSignal<Option<F>>,
}

// By hand: a derive would ask the failure type itself to be Copy; the signals always are.
impl<F: Send + Sync + 'static> Clone for Submission<F> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F: Send + Sync + 'static> Copy for Submission<F> {}

impl<F: Send + Sync + 'static> Submission<F> {
    pub fn new(countdown: Countdown, pending: Pending, failure: RwSignal<Option<F>>) -> Self {
        Self {
            countdown,
            pending,
            failure,
        }
    }

    /// Whether the button shows as unusable (tracked, for the view).
    pub fn blocked(self) -> bool {
        self.countdown.blocks(self.pending)
    }

    /// A click or Enter on the form: `false` while its request is out or the wait runs;
    /// otherwise the last failure is cleared and the submit goes ahead.
    pub fn begin(self) -> bool {
        if self.countdown.refuses(self.pending) {
            return false;
        }
        self.failure.set(None);
        true
    }
}

/// A form's submit button: shown unusable while its request is out or the wait runs (it
/// stays focusable and announced, so `aria-disabled` rather than `disabled`), and saying
/// what is happening meanwhile ("Bezig met …").
#[component]
pub fn SubmitButton<F: Send + Sync + 'static>(
    submission: Submission<F>,
    #[prop(into)] idle: crate::i18n::AnyText,
    #[prop(into)] busy: crate::i18n::AnyText,
) -> impl IntoView {
    let i18n = crate::i18n::use_i18n();
    view! {
        <button
            type="submit"
            class="button button--primary"
            aria-disabled=move || submission.blocked().then_some("true")
        >
            {move || i18n.t(if submission.pending.get() { busy } else { idle })}
        </button>
    }
}
