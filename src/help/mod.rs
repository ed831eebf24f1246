//! The help centre: the sign-in questions people actually have, in both languages.
//!
//! - `content_nl.rs` / `content_en.rs`: the articles themselves (edit the text there);
//! - `markup.rs`: the small markup the answers are written in;
//! - `search.rs`: instant, accent- and case-insensitive search over both languages;
//! - `links.rs`: how other screens link to an article;
//! - `text.rs`: the words around the articles; `render.rs`: markup to elements.
//!
//! The pages are `pages/help.rs` (`/help`) and `pages/help_article.rs` (`/help/:slug`).

mod content;
mod content_en;
mod content_nl;
pub mod links;
pub mod markup;
mod render;
pub mod search;
mod text;

pub use content::entry;
pub use content::{Article, ArticleText, Entry};
pub use links::{article_for, article_href, HelpLink, HelpLinkFor};
pub use render::{use_page_title, ArticleBody, ContactBlock};
pub use text::{result_count, HelpText};
