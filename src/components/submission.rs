//! What every form's submit shares: one request at a time (a double click sends one), none
//! while the person waits out a limit, and the last failure cleared before the next try.

use super::Countdown;
use leptos::prelude::*;

pub struct Submission<F: Send + Sync + 'static> {
    /// The wait after "too many" (or a resend's cooldown).
    pub countdown: Countdown,
    /// The form's request is still out.
    pub pending: Memo<bool>,
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
    pub fn new(countdown: Countdown, pending: Memo<bool>, failure: RwSignal<Option<F>>) -> Self {
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
