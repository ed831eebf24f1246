use super::Pending;
use crate::api::ApiError;
use leptos::prelude::*;
use std::time::Duration;
use topocloud_contract::ErrorCode;

/// Seconds to wait after "too many" when the backend sent no `Retry-After`.
const WAIT_WHEN_NOT_TOLD: u32 = 60;

/// Seconds left until something may be tried again, ticking down once a second. Never
/// retries anything by itself: it only tells the person when they can.
#[derive(Clone, Copy)]
pub struct Countdown {
    pub remaining: RwSignal<u32>,
    handle: StoredValue<Option<IntervalHandle>>,
}

impl Countdown {
    pub fn new() -> Self {
        let countdown = Self {
            remaining: RwSignal::new(0),
            handle: StoredValue::new(None),
        };
        on_cleanup(move || countdown.stop());
        countdown
    }

    /// Starts the count when the backend said "too many", for as long as it asked (its
    /// `Retry-After`), or a minute when it did not say.
    pub fn start_on_limit(&self, error: &ApiError) {
        if error.code() == Some(ErrorCode::TooManyAttempts) {
            self.start(error.retry_after().unwrap_or(WAIT_WHEN_NOT_TOLD));
        }
    }

    pub fn start(&self, seconds: u32) {
        self.stop();
        self.remaining.set(seconds);
        if seconds == 0 {
            return;
        }
        let remaining = self.remaining;
        let handle = self.handle;
        let interval = set_interval_with_handle(
            move || {
                // The screen may be gone by now; a disposed signal just ends the count.
                let left = remaining.try_get_untracked().unwrap_or(0).saturating_sub(1);
                remaining.try_set(left);
                if left == 0 {
                    if let Some(Some(h)) = handle.try_get_value() {
                        h.clear();
                    }
                }
            },
            Duration::from_secs(1),
        );
        let _ = self.handle.try_set_value(interval.ok());
    }

    pub fn running(&self) -> bool {
        self.remaining.get() > 0
    }

    /// Whether a form's button shows as unusable: its request is still out, or the
    /// person is locked out for now (tracked, for the view).
    pub fn blocks(&self, pending: Pending) -> bool {
        pending.get() || self.running()
    }

    /// The same, read once in a click handler: one click, one request, and no request at
    /// all while locked out.
    pub fn refuses(&self, pending: Pending) -> bool {
        pending.get_untracked() || self.remaining.get_untracked() > 0
    }

    fn stop(&self) {
        if let Some(Some(h)) = self.handle.try_get_value() {
            h.clear();
        }
    }
}

impl Default for Countdown {
    fn default() -> Self {
        Self::new()
    }
}
