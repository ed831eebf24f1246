//! The help centre: the sign-in questions people actually have, in both languages.
//!
//! - `i18n/help/articles_nl.rs` / `articles_en.rs`: the articles themselves (edit the text
//!   there), `i18n/help/text.rs`: the words around them;
//! - `markup.rs`: the small markup the answers are written in;
//! - `search.rs`: instant, accent- and case-insensitive search over both languages;
//! - how other screens link to an article: `components/help_link.rs` (a widget every
//!   screen uses, so it sits with the others);
//! - `render.rs`: markup to elements.
//!
//! - `page.rs` (`/help`) and `article_page.rs` (`/help/:slug`): the screens.

mod article_page;
pub mod markup;
mod page;
mod render;
pub mod search;

// The words are i18n's (`i18n/help/`); this module searches, parses and shows them.
pub use crate::i18n::help::{entry, result_count, Article, ArticleText, Entry, HelpText};
pub use article_page::HelpArticlePage;
pub use page::HelpPage;
pub use render::{use_page_title, ArticleBody, ContactBlock};
