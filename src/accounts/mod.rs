//! Getting an account: self-registration (`/users/register`), the emailed confirmation
//! (`/users/verify-email`) and invitations by an organisation (`/users/invitation`).
//!
//! Each screen is one file; the forms, the states a link can be in and the rules for
//! names and passwords sit beside them. The words are `i18n/accounts/`.

mod confirmation_email;
mod invitation;
mod invitation_form;
pub mod invitation_states;
mod register;
mod register_form;
pub mod rules;
mod sign_out_first;
mod verify_email;

pub use confirmation_email::ConfirmationEmailPage;
pub use invitation::InvitationPage;
pub use invitation_form::InvitationForm;
pub use invitation_states::{
    InvitationExpired, InvitationInvalid, InvitationOtherAccount, InvitationState,
    InvitationUnreachable, InvitationUsed,
};
pub use register::RegisterPage;
pub use register_form::{RegisterForm, RegisterValues};
pub use sign_out_first::SignOutFirst;
pub use verify_email::VerifyEmailPage;
