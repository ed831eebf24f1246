//! The signed-in area: `/account`. Guarded in the route table by
//! [`crate::session::SignedInOnly`].

//!
//! - `page.rs`: the screen: who is signed in, signing out, and the security sections;
//! - `security.rs`: those sections, `password.rs`, `two_step.rs`, `sessions.rs`, with
//!   `confirm.rs` asking the password (or a code) again where a change needs it.

mod confirm;
mod page;
mod passkey_offer;
mod passkey_rename;
mod passkeys;
mod password;
mod security;
mod sessions;
mod two_step;

pub use page::AccountPage;
