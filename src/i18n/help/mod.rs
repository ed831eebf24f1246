//! The help centre's words: the texts around the articles (`text.rs`) and the articles
//! themselves (`articles_nl.rs`, `articles_en.rs`). Words only: searching, markup and
//! rendering are the help centre's (`src/help/`), which reads these.

mod articles;
mod articles_en;
mod articles_nl;
mod text;

pub use articles::{entry, Article, ArticleText, Entry};
pub use text::{result_count, HelpText};
