mod account;
pub mod forgot_password;
mod login;
mod not_found;
mod reset_password;

pub use account::AccountPage;
pub use forgot_password::ForgotPasswordPage;
pub use login::LoginPage;
pub use not_found::NotFoundPage;
pub use reset_password::ResetPasswordPage;

// Getting an account.
mod invitation;
mod register;
mod verify_email;

pub use invitation::InvitationPage;
pub use register::RegisterPage;
pub use verify_email::VerifyEmailPage;

// The help centre.
mod help;
mod help_article;

pub use help::HelpPage;
pub use help_article::HelpArticlePage;
