mod document_title;
mod focus;
mod form_alert;
mod language_switch;
mod page_shell;
mod text_field;

pub use document_title::use_document_title;
pub use focus::focus_after_render;
pub use form_alert::FormAlert;
pub use language_switch::LanguageSwitch;
pub use page_shell::PageShell;
pub use text_field::TextField;
