use leptos::prelude::*;
use std::time::Duration;

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
    pub fn blocks(&self, pending: Memo<bool>) -> bool {
        pending.get() || self.running()
    }

    /// The same, read once in a click handler: one click, one request, and no request at
    /// all while locked out.
    pub fn refuses(&self, pending: Memo<bool>) -> bool {
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
