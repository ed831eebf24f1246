//! Sentences that say how long an emailed link works take the number from the backend
//! (`/api/config`), so a deployment with other lifetimes is never contradicted by its
//! own help text. The catalogues write `{reset_link_lifetime}` and the like.

use super::Lang;
use topocloud_contract::{lifetime_in_words, LinkLifetimes};

fn placeholders(l: &LinkLifetimes) -> [(&'static str, i64); 3] {
    [
        ("{verify_link_lifetime}", l.verify_email_seconds),
        ("{reset_link_lifetime}", l.reset_seconds),
        ("{invitation_link_lifetime}", l.invitation_seconds),
    ]
}

pub fn mentions_lifetime(sentence: &str) -> bool {
    sentence.contains("_link_lifetime}")
}

/// The sentence with every lifetime placeholder in words, or `None` when it has none.
pub fn fill_lifetimes(sentence: &str, lifetimes: &LinkLifetimes, lang: Lang) -> Option<String> {
    if !mentions_lifetime(sentence) {
        return None;
    }
    let locale = lang;
    let mut filled = sentence.to_owned();
    for (placeholder, seconds) in placeholders(lifetimes) {
        if filled.contains(placeholder) {
            filled = filled.replace(placeholder, &lifetime_in_words(seconds, locale));
        }
    }
    Some(filled)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_the_backends_lifetimes_in_words() {
        let short = LinkLifetimes {
            verify_email_seconds: 2 * 3600,
            reset_seconds: 15 * 60,
            invitation_seconds: 3 * 86_400,
        };
        assert_eq!(
            fill_lifetimes("Geldig: {reset_link_lifetime}, {verify_link_lifetime} en {invitation_link_lifetime}.", &short, Lang::Nl).as_deref(),
            Some("Geldig: 15 minuten, 2 uur en 3 dagen.")
        );
        assert_eq!(
            fill_lifetimes(
                "valid for {reset_link_lifetime}",
                &LinkLifetimes::default(),
                Lang::En
            )
            .as_deref(),
            Some("valid for 1 hour")
        );
    }

    #[test]
    fn other_sentences_and_other_braces_are_left_alone() {
        let d = LinkLifetimes::default();
        assert_eq!(
            fill_lifetimes("Vraag {name} om een nieuwe.", &d, Lang::Nl),
            None
        );
        assert_eq!(fill_lifetimes("Geen link hier.", &d, Lang::En), None);
    }

    #[test]
    fn every_text_that_mentions_a_link_lifetime_says_it_through_a_placeholder() {
        // A sentence that spells out the default ("een uur", "24 hours") would be wrong on
        // a backend with other lifetimes.
        use crate::i18n::help::{Article, ArticleText};
        use crate::i18n::recovery::RecoveryText;
        use crate::i18n::Catalogue;
        let mut sentences: Vec<(String, &'static str)> = Vec::new();
        for lang in [Lang::Nl, Lang::En] {
            for text in RecoveryText::ALL {
                sentences.push((format!("{text:?} ({lang:?})"), text.in_lang(lang)));
            }
            for article in Article::ALL {
                let body = ArticleText::Body(*article);
                sentences.push((format!("{body:?} ({lang:?})"), body.in_lang(lang)));
            }
        }
        let spelled = [
            "een uur",
            "one hour",
            "24 uur",
            "24 hours",
            "zeven dagen",
            "seven days",
        ];
        for (what, sentence) in &sentences {
            for words in spelled {
                assert!(!sentence.contains(words), "{what} says {words:?}");
            }
        }
        let placed = sentences
            .iter()
            .filter(|(_, s)| s.contains("_link_lifetime}"))
            .count();
        assert!(placed >= 6, "only {placed} texts say a link lifetime");
    }
}
