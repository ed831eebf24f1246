//! The help centre's own words around the articles: headings, search, contact block.

use crate::i18n::{catalogue, Catalogue, Lang};

catalogue! {
    HelpText {
        HelpTitle,
        HelpIntro,
        SearchLabel,
        SearchHint,
        QuestionsHeading,
        NoResults,
        AllQuestions,
        ListContactHeading,
        StillStuck,
        ContactBody,
        EmailLabel,
        PhoneLabel,
        ArticleNotFoundTitle,
        ArticleNotFoundBody,
        BackToList,
        BackToLogin,
        HelpLinkPrefix,
    }
}

impl Catalogue for HelpText {
    fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => dutch(self),
            Lang::En => english(self),
        }
    }
}

fn dutch(text: HelpText) -> &'static str {
    match text {
        HelpText::HelpTitle => "Hulp bij inloggen",
        HelpText::HelpIntro => "Antwoorden op de vragen die mensen het vaakst hebben als inloggen niet lukt.",
        HelpText::SearchLabel => "Zoek in de vragen",
        HelpText::SearchHint => "Typ een paar woorden, in het Nederlands of in het Engels.",
        HelpText::QuestionsHeading => "Veelgestelde vragen",
        HelpText::NoResults => "Probeer andere woorden, of neem hieronder contact met ons op.",
        HelpText::AllQuestions => "Alle vragen",
        HelpText::ListContactHeading => "Staat je vraag er niet bij?",
        HelpText::StillStuck => "Kom je er nog niet uit?",
        HelpText::ContactBody => "Neem contact op met TopoCloud, we helpen je graag.",
        HelpText::EmailLabel => "E-mail:",
        HelpText::PhoneLabel => "Telefoon:",
        HelpText::ArticleNotFoundTitle => "Deze hulpvraag bestaat niet",
        HelpText::ArticleNotFoundBody => "Misschien is het adres niet helemaal goed overgenomen. Alle vragen staan in het overzicht.",
        HelpText::BackToList => "Bekijk alle vragen",
        HelpText::BackToLogin => "Terug naar aanmelden",
        HelpText::HelpLinkPrefix => "Hulp:",
    }
}

fn english(text: HelpText) -> &'static str {
    match text {
        HelpText::HelpTitle => "Help with logging in",
        HelpText::HelpIntro => "Answers to the questions people ask most when they cannot log in.",
        HelpText::SearchLabel => "Search the questions",
        HelpText::SearchHint => "Type a few words, in English or in Dutch.",
        HelpText::QuestionsHeading => "Frequently asked questions",
        HelpText::NoResults => "Try other words, or contact us below.",
        HelpText::AllQuestions => "All questions",
        HelpText::ListContactHeading => "Question not listed?",
        HelpText::StillStuck => "Still stuck?",
        HelpText::ContactBody => "Contact TopoCloud, we are happy to help.",
        HelpText::EmailLabel => "Email:",
        HelpText::PhoneLabel => "Phone:",
        HelpText::ArticleNotFoundTitle => "This help article does not exist",
        HelpText::ArticleNotFoundBody => {
            "Perhaps the address was not copied quite right. All questions are in the overview."
        }
        HelpText::BackToList => "See all questions",
        HelpText::BackToLogin => "Back to sign in",
        HelpText::HelpLinkPrefix => "Help:",
    }
}

/// What the search found, said in a sentence for the live region.
pub fn result_count(lang: Lang, found: usize, searching: bool) -> String {
    match (lang, found, searching) {
        (Lang::Nl, 0, _) => "Geen vragen gevonden.".into(),
        (Lang::Nl, 1, true) => "1 vraag gevonden.".into(),
        (Lang::Nl, n, true) => format!("{n} vragen gevonden."),
        (Lang::Nl, n, false) => format!("{n} vragen."),
        (Lang::En, 0, _) => "No questions found.".into(),
        (Lang::En, 1, true) => "1 question found.".into(),
        (Lang::En, n, true) => format!("{n} questions found."),
        (Lang::En, n, false) => format!("{n} questions."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_help_text_is_translated() {
        crate::i18n::assert_fully_translated(HelpText::ALL, &[]);
    }

    #[test]
    fn counts_are_said_in_words() {
        assert_eq!(result_count(Lang::Nl, 0, true), "Geen vragen gevonden.");
        assert_eq!(result_count(Lang::Nl, 1, true), "1 vraag gevonden.");
        assert_eq!(result_count(Lang::Nl, 3, true), "3 vragen gevonden.");
        assert_eq!(result_count(Lang::Nl, 9, false), "9 vragen.");
        assert_eq!(result_count(Lang::En, 1, true), "1 question found.");
        assert_eq!(result_count(Lang::En, 9, false), "9 questions.");
    }
}
