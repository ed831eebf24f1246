//! Signing in: `/users/login` (and `/`), where every user starts the day.
//!
//! - `page.rs`: the screen: a live session goes straight on, otherwise the form;
//! - `form.rs`: the form itself, which takes over from index.html's static first paint.

mod form;
mod page;

pub use form::LoginForm;
pub use page::LoginPage;
