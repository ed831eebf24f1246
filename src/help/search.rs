//! Instant search over the help articles, in both languages at once: a Dutch speaker who
//! types "password" still finds the answer. Letter case and accents never matter
//! ("uitnodíging" = "uitnodiging"), a word may be typed half ("wachtw") or with one typo
//! ("wachtwood"), and hyphens are optional ("e-mail" = "email").
//!
//! Ranking, simply: a query word found in the question counts most, then the keywords
//! and the slug, then the answer; an exact word beats a beginning of a word, which beats
//! a piece of a longer word or a typo. The whole query appearing as a phrase earns a bonus.
//! Articles that contain every word come first; when none does, those with the most.

use super::markup::plain_text;
use super::Article;
use crate::i18n::{fill_lifetimes, Lang};
use std::sync::OnceLock;
use topocloud_contract::LinkLifetimes;

/// Words that say nothing about which article is meant.
const STOP_WORDS: &[&str] = &[
    // Dutch
    "de", "het", "een", "en", "of", "ik", "je", "jij", "mijn", "me", "mij", "is", "ben", "te",
    "van", "voor", "met", "aan", "bij", "om", "er", "dat", "die", "dit", "in", "op", "moet",
    // English
    "the", "a", "an", "and", "or", "i", "my", "me", "am", "are", "to", "of", "for", "with", "at",
    "it", "this", "that", "do", "does", "on", "how",
];

const QUESTION: u32 = 3;
const KEYWORDS: u32 = 2;
const BODY: u32 = 1;

/// One article in one language, ready to be searched.
struct Doc {
    article: Article,
    question: Vec<String>,
    keywords: Vec<String>,
    body: Vec<String>,
    question_text: String,
    keywords_text: String,
}

fn docs() -> &'static [Doc] {
    static DOCS: OnceLock<Vec<Doc>> = OnceLock::new();
    DOCS.get_or_init(|| {
        let mut docs = Vec::new();
        for article in Article::ALL {
            for lang in [Lang::Nl, Lang::En] {
                let entry = super::entry(*article, lang);
                let keywords = format!(
                    "{} {}",
                    entry.keywords,
                    article.slug(lang).replace('-', " ")
                );
                docs.push(Doc {
                    article: *article,
                    question: index_words(entry.question),
                    keywords: index_words(&keywords),
                    body: index_words(&plain_text(&searchable_body(entry.body, lang))),
                    question_text: normalise(&entry.question.replace('-', " ")),
                    keywords_text: normalise(&keywords),
                });
            }
        }
        docs
    })
}

/// The body as a person reads it, so "uur" finds the article and a placeholder's own
/// name ("reset", "link") does not. The index is built once: with the default lifetimes.
fn searchable_body(body: &str, lang: Lang) -> String {
    fill_lifetimes(body, &LinkLifetimes::default(), lang).unwrap_or_else(|| body.to_owned())
}

/// Lower case, accents folded, hyphens and apostrophes dropped inside words ("can't" →
/// "cant", "e-mail" → "email"), everything else that is not a letter or digit a space.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            '-' | '\'' | '’' | '‘' | '\u{AD}' => {}
            c if c.is_ascii_alphanumeric() => out.push(c),
            c => match fold(c) {
                Some(plain) => out.push_str(plain),
                // Another script: kept as it is, it can only match itself.
                None if c.is_alphanumeric() => out.push(c),
                None => out.push(' '),
            },
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Words of a text to search in: for "e-mail" both "email" and "e", "mail", so either
/// way of writing it is found.
fn index_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = normalise(text).split(' ').map(str::to_owned).collect();
    let split = normalise(&text.replace('-', " "));
    words.extend(split.split(' ').map(str::to_owned));
    words.retain(|w| !w.is_empty());
    words.sort();
    words.dedup();
    words
}

fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
        'ĳ' => "ij",
        'ñ' | 'ń' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
        'œ' => "oe",
        'ß' => "ss",
        'ś' | 'š' => "s",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
        'ý' | 'ÿ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

/// How well one query word matches one indexed word: 3 exact, 2 beginning, 1 inside a
/// compound ("manager" in "wachtwoordmanager") or one typo away.
fn word_match(query: &str, word: &str) -> u32 {
    if word == query {
        3
    } else if word.starts_with(query) {
        2
    } else if (query.len() >= 4 && word.contains(query))
        || (query.len() >= 5 && within_one_edit(query, word))
    {
        1
    } else {
        0
    }
}

fn within_one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (
        a.get(prefix..).unwrap_or(&[]),
        b.get(prefix..).unwrap_or(&[]),
    );
    // Substitution, insertion, deletion, or two neighbours swapped.
    ra.get(1..) == rb.get(1..)
        || ra.get(1..) == Some(rb)
        || Some(ra) == rb.get(1..)
        || (ra.len() >= 2
            && ra.len() == rb.len()
            && ra.first() == rb.get(1)
            && ra.get(1) == rb.first()
            && ra.get(2..) == rb.get(2..))
}

fn best(query: &str, words: &[String]) -> u32 {
    words
        .iter()
        .map(|w| word_match(query, w))
        .max()
        .unwrap_or(0)
}

/// (words matched, score) of one document.
fn score(doc: &Doc, terms: &[String], phrase: &str) -> (usize, u32) {
    let mut matched = 0;
    let mut total = 0;
    for term in terms {
        let s = (QUESTION * best(term, &doc.question))
            .max(KEYWORDS * best(term, &doc.keywords))
            .max(BODY * best(term, &doc.body));
        if s > 0 {
            matched += 1;
            total += s;
        }
    }
    if terms.len() > 1 && matched > 0 {
        if doc.question_text.contains(phrase) {
            total += 10;
        } else if doc.keywords_text.contains(phrase) {
            total += 5;
        }
    }
    (matched, total)
}

/// How much of a query search reads: a pasted page of text would make every keystroke
/// slow, and no question is this long.
pub const QUERY_CHARS: usize = 200;

/// The articles that answer `query`, best first. An empty query lists them all, in
/// their own order.
pub fn search(query: &str) -> Vec<Article> {
    let query: String = query.chars().take(QUERY_CHARS).collect();
    // Split at hyphens: the index holds both "e-mail" forms, the query uses the parts.
    let normalised = normalise(&query.replace('-', " "));
    let all: Vec<String> = normalised.split_whitespace().map(str::to_owned).collect();
    if all.is_empty() {
        return Article::ALL.to_vec();
    }
    let mut terms: Vec<String> = all
        .iter()
        .filter(|t| t.chars().count() > 1 && !STOP_WORDS.contains(&t.as_str()))
        .cloned()
        .collect();
    if terms.is_empty() {
        terms = all;
    }
    let phrase = terms.join(" ");

    // Each article counts with its better language.
    let mut ranked: Vec<(Article, usize, u32)> = Article::ALL
        .iter()
        .map(|article| {
            let (matched, score) = docs()
                .iter()
                .filter(|d| d.article == *article)
                .map(|d| score(d, &terms, &phrase))
                .max()
                .unwrap_or((0, 0));
            (*article, matched, score)
        })
        .filter(|(_, matched, _)| *matched > 0)
        .collect();
    let most = ranked.iter().map(|(_, m, _)| *m).max().unwrap_or(0);
    ranked.retain(|(_, m, _)| *m == most);
    // Stable sort: equal scores keep the list's own order.
    ranked.sort_by_key(|(_, _, score)| std::cmp::Reverse(*score));
    ranked.into_iter().map(|(article, _, _)| article).collect()
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
