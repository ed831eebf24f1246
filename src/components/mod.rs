//! Generic widgets and the form kit every screen is made of: the page frame, fields,
//! the one failure type and its alert ([`Failure`], [`FailureAlert`]), the guarded submit
//! ([`Submission`]), the rate-limit countdown, focus helpers, loading messages and the
//! takeover from the static first paint. Nothing here knows a particular screen.

mod code_field;
mod countdown;
mod document_title;
mod failure;
pub mod first_paint;
mod focus;
mod fresh_for_each_link;
mod help_link;
mod language_switch;
mod link_end;
mod loading;
mod page_shell;
mod password_checklist;
mod password_field;
mod recovery_codes;
mod resend_link;
mod submission;
mod text_field;
mod totp_key;
mod two_step_setup;

pub use code_field::CodeField;
pub use countdown::Countdown;
pub use document_title::use_document_title;
pub use failure::{show_failure, Failure, FailureAlert, LoadFailed};
pub use focus::{focus_after_render, focus_when_drawn, FocusHeadingOnNavigation};
pub use fresh_for_each_link::FreshForEachLink;
pub use help_link::{article_for, article_href, HelpLink, HelpLinkFor};
pub use language_switch::LanguageSwitch;
pub use link_end::LinkEnd;
pub use loading::Loading;
pub use page_shell::PageShell;
pub use password_checklist::PasswordChecklist;
pub use password_field::PasswordField;
pub use recovery_codes::{recovery_file, RecoveryCodesList};
pub use resend_link::ResendLink;
pub use submission::{Pending, Submission, SubmitButton};
pub use text_field::TextField;
pub use totp_key::TotpKey;
pub use two_step_setup::{app_code, TwoStepSetup};
