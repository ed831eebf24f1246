//! Locked out: asking for a reset link (`/users/forgot-password`) and choosing a new
//! password with it (`/users/reset-password`). The words are `i18n/recovery.rs`.

pub mod forgot_password;
mod reset_password;
mod reset_states;

pub use forgot_password::ForgotPasswordPage;
pub use reset_password::ResetPasswordPage;
pub use reset_states::{ResetDone, ResetLinkDead};
