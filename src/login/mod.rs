//! Signing in: `/users/login` (and `/`), where every user starts the day.
//!
//! - `page.rs`: the screen: a live session goes straight on, otherwise the form;
//! - `form.rs`: the form itself, which takes over from index.html's static first paint;
//! - `second_step.rs` and `code_step.rs`: `/users/second-step`, the code after a right
//!   password (or turning two-step verification on, when the organisation requires it).

mod code_step;
mod form;
mod page;
mod passkey;
mod second_step;

pub use form::LoginForm;
pub use page::LoginPage;
pub use second_step::SecondStepPage;
