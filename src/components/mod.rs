mod countdown;
mod document_title;
pub mod first_paint;
mod focus;
mod form_alert;
mod fresh_for_each_link;
mod language_switch;
mod loading;
mod login_form;
mod page_shell;
mod password_checklist;
mod password_field;
mod submission;
mod text_field;

pub use countdown::Countdown;
pub use document_title::use_document_title;
pub use focus::{focus_after_render, focus_when_drawn, FocusHeadingOnNavigation};
pub use form_alert::FormAlert;
pub use fresh_for_each_link::FreshForEachLink;
pub use language_switch::LanguageSwitch;
pub use loading::Loading;
pub use login_form::{LoginFailure, LoginForm};
pub use page_shell::PageShell;
pub use password_checklist::PasswordChecklist;
pub use password_field::PasswordField;
pub use submission::Submission;
pub use text_field::TextField;

// Getting an account: registration, email verification, invitations.
mod account_form;
pub mod account_rules;
mod invitation_form;
pub mod invitation_states;
mod register_form;
mod resend_link;
mod sign_out_first;

pub use account_form::{AccountAlert, Failure};
pub use invitation_form::InvitationForm;
pub use invitation_states::{
    InvitationExpired, InvitationInvalid, InvitationOtherAccount, InvitationState,
    InvitationUnreachable, InvitationUsed,
};
pub use register_form::{RegisterForm, RegisterValues};
pub use resend_link::ResendLink;
pub use sign_out_first::SignOutFirst;

// Choosing a new password: how a reset link ends.
mod reset_states;
pub use reset_states::{ResetDone, ResetLinkDead};
