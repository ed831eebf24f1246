mod countdown;
mod document_title;
mod focus;
mod form_alert;
mod language_switch;
mod login_form;
mod page_shell;
mod password_field;
mod text_field;

pub use countdown::Countdown;
pub use document_title::use_document_title;
pub use focus::focus_after_render;
pub use form_alert::FormAlert;
pub use language_switch::LanguageSwitch;
pub use login_form::{LoginFailure, LoginForm};
pub use page_shell::PageShell;
pub use password_field::PasswordField;
pub use text_field::TextField;
