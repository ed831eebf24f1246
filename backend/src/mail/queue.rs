//! Emails are issued, composed and stored off the request path.
//!
//! An endpoint that mails only some addresses (a reset link only to existing accounts)
//! would otherwise answer measurably slower for those: issuing the token, composing the
//! message and writing it to the outbox is real work. Instead the handler hands that work
//! to this queue and answers at once, so a known and an unknown address take the same
//! path through the request; the email follows a moment later, as with any mail server.
//!
//! One worker thread runs the jobs in order, each [`DELAY`] after it was queued: by then
//! the answer to the request that queued it is long on its way, so the work cannot slow
//! that answer down (on a busy machine a job started at once would compete with it for
//! the CPU). [`MailQueue::flush`] runs everything queued so far at once and waits for it:
//! the dev mailbox calls it, so a test or a developer who asks for the mailbox after a
//! `202` always finds the email there.

use std::collections::VecDeque;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How long a queued email waits before it is issued, composed and stored.
pub const DELAY: Duration = Duration::from_millis(200);

type Work = Box<dyn FnOnce() + Send + 'static>;

enum Job {
    Run(Work),
    Flush(tokio::sync::oneshot::Sender<()>),
}

#[derive(Clone)]
pub struct MailQueue {
    jobs: mpsc::Sender<Job>,
}

impl MailQueue {
    /// Starts the worker thread; it ends once every handle to the queue is dropped.
    pub fn start() -> std::io::Result<Self> {
        let (jobs, queued) = mpsc::channel::<Job>();
        std::thread::Builder::new()
            .name("mail-queue".to_owned())
            .spawn(move || work_through(queued))?;
        Ok(Self { jobs })
    }

    /// Runs `work` on the mail thread, [`DELAY`] from now and after everything queued
    /// before it.
    pub fn later(&self, work: impl FnOnce() + Send + 'static) {
        if self.jobs.send(Job::Run(Box::new(work))).is_err() {
            tracing::error!("mail: the mail queue has stopped; an email was dropped");
        }
    }

    /// Runs every job queued before this call without waiting for its delay, and
    /// returns once they have all run.
    pub async fn flush(&self) {
        let (done, finished) = tokio::sync::oneshot::channel();
        if self.jobs.send(Job::Flush(done)).is_ok() {
            let _ = finished.await;
        }
    }
}

fn work_through(queued: mpsc::Receiver<Job>) {
    let mut waiting: VecDeque<(Instant, Work)> = VecDeque::new();
    loop {
        let next = match waiting.front() {
            None => queued
                .recv()
                .map_err(|_| mpsc::RecvTimeoutError::Disconnected),
            Some((due, _)) => queued.recv_timeout(due.saturating_duration_since(Instant::now())),
        };
        match next {
            Ok(Job::Run(work)) => waiting.push_back((Instant::now() + DELAY, work)),
            Ok(Job::Flush(done)) => {
                waiting.drain(..).for_each(|(_, work)| run(work));
                let _ = done.send(());
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {
                let now = Instant::now();
                while waiting.front().is_some_and(|(due, _)| *due <= now) {
                    if let Some((_, work)) = waiting.pop_front() {
                        run(work);
                    }
                }
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                waiting.drain(..).for_each(|(_, work)| run(work));
                return;
            }
        }
    }
}

fn run(work: Work) {
    // A panicking job must not take every later email with it.
    if std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)).is_err() {
        tracing::error!("mail: a queued email failed (panic)");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::{Arc, Mutex};

    #[tokio::test]
    async fn jobs_run_in_order_and_flush_waits_for_them() {
        let queue = MailQueue::start().expect("thread");
        let seen = Arc::new(Mutex::new(Vec::new()));
        for i in 0..20 {
            let seen = seen.clone();
            queue.later(move || {
                std::thread::sleep(std::time::Duration::from_millis(1));
                seen.lock().expect("lock").push(i);
            });
        }
        queue.flush().await;
        assert_eq!(*seen.lock().expect("lock"), (0..20).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn a_panicking_job_does_not_stop_the_queue() {
        let queue = MailQueue::start().expect("thread");
        let ran = Arc::new(Mutex::new(false));
        queue.later(|| panic!("composing failed"));
        let flag = ran.clone();
        queue.later(move || *flag.lock().expect("lock") = true);
        queue.flush().await;
        assert!(*ran.lock().expect("lock"));
    }

    #[tokio::test]
    async fn without_a_flush_jobs_run_after_the_delay_not_at_once() {
        let queue = MailQueue::start().expect("thread");
        let (ran_at, ran) = std::sync::mpsc::channel();
        let queued_at = Instant::now();
        queue.later(move || {
            let _ = ran_at.send(Instant::now());
        });
        let ran = tokio::task::spawn_blocking(move || ran.recv_timeout(Duration::from_secs(10)))
            .await
            .expect("join")
            .expect("the job ran on its own");
        assert!(ran.duration_since(queued_at) >= DELAY);
    }
}
