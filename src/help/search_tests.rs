//! What people type when they are stuck, and the article that must come first.

use super::*;
use Article::*;

fn first(query: &str) -> Option<Article> {
    search(query).first().copied()
}

fn assert_first(cases: &[(&str, Article)]) {
    let wrong: Vec<String> = cases
        .iter()
        .filter(|(query, want)| first(query) != Some(*want))
        .map(|(query, want)| format!("{query:?}: want {want:?}, got {:?}", search(query)))
        .collect();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn dutch_queries_rank_the_right_article_first() {
    assert_first(&[
        ("wachtwoord vergeten", ForgotPassword),
        ("wachtwoord kwijt", ForgotPassword),
        ("wachtwoord wijzigen", ForgotPassword),
        ("geen mail ontvangen", WhatYouNeed),
        ("geen e-mail gekregen", WhatYouNeed),
        ("uitnodiging", WhatYouNeed),
        ("gebruikersnaam", WhatYouNeed),
        ("wat heb ik nodig", WhatYouNeed),
        ("uitnodiging verlopen", LinkExpired),
        ("link al gebruikt", LinkExpired),
        ("bevestigingsmail verlopen", LinkExpired),
        ("te veel pogingen", TooManyAttempts),
        ("geblokkeerd", TooManyAttempts),
        ("microsoft", MicrosoftSignIn),
        ("eenmalige aanmelding", MicrosoftSignIn),
        ("kan niet inloggen", CantLogIn),
        ("ik kan niet inloggen", CantLogIn),
        ("telefoonnummer helpdesk", CantLogIn),
        ("waar moet ik inloggen", WhereToLogIn),
        ("snelstartgids", WhereToLogIn),
        ("ingelogd als iemand anders", InvitedButSignedIn),
        ("caps lock", CapsLockAndPasswordManagers),
        ("wachtwoordmanager", CapsLockAndPasswordManagers),
        ("hoofdletters", CapsLockAndPasswordManagers),
    ]);
}

#[test]
fn english_queries_rank_the_right_article_first() {
    assert_first(&[
        ("forgot password", ForgotPassword),
        ("reset my password", ForgotPassword),
        ("change password", ForgotPassword),
        ("no email received", WhatYouNeed),
        ("invitation", WhatYouNeed),
        ("username", WhatYouNeed),
        ("invitation expired", LinkExpired),
        ("link already used", LinkExpired),
        ("too many attempts", TooManyAttempts),
        ("locked out", TooManyAttempts),
        ("microsoft", MicrosoftSignIn),
        ("single sign-on", MicrosoftSignIn),
        ("can't log in", CantLogIn),
        ("cannot sign in", CantLogIn),
        ("where do I log in", WhereToLogIn),
        ("quick start", WhereToLogIn),
        ("signed in as someone else", InvitedButSignedIn),
        ("caps lock", CapsLockAndPasswordManagers),
        ("password manager", CapsLockAndPasswordManagers),
    ]);
}

/// Two-step verification: what people type at the code step, in both languages.
#[test]
fn two_step_queries_rank_the_right_article_first() {
    assert_first(&[
        ("tweestaps", TwoStepVerification),
        ("tweestapsverificatie aanzetten", TwoStepVerification),
        ("2fa", TwoStepVerification),
        ("2FA instellen", TwoStepVerification),
        ("mfa", TwoStepVerification),
        ("two-step", TwoStepVerification),
        ("two step verification", TwoStepVerification),
        ("two-factor authentication", TwoStepVerification),
        ("authenticator app instellen", TwoStepVerification),
        ("set up authenticator app", TwoStepVerification),
        ("google authenticator", TwoStepVerification),
        ("qr code", TwoStepVerification),
        ("qr-code scannen", TwoStepVerification),
        ("apparaat vertrouwen", TwoStepVerification),
        ("trust this device", TwoStepVerification),
        ("geen code ontvangen", TwoStepVerification),
        ("sms code", TwoStepVerification),
        ("no code received", TwoStepVerification),
        ("telefoon kwijt", LostAuthenticator),
        ("nieuwe telefoon", LostAuthenticator),
        ("telefoon gestolen", LostAuthenticator),
        ("authenticator kwijt", LostAuthenticator),
        ("herstelcode", LostAuthenticator),
        ("herstelcodes", LostAuthenticator),
        ("recovery code", LostAuthenticator),
        ("backup codes", LostAuthenticator),
        ("lost my phone", LostAuthenticator),
        ("new phone", LostAuthenticator),
        ("toegangssleutel", Passkeys),
        ("passkey", Passkeys),
        ("inloggen zonder wachtwoord", Passkeys),
        ("vingerafdruk", Passkeys),
        ("sign in without password", Passkeys),
        ("fingerprint", Passkeys),
        ("code", CodeNotAccepted),
        ("code klopt niet", CodeNotAccepted),
        ("code werkt niet", CodeNotAccepted),
        ("code geweigerd", CodeNotAccepted),
        ("verkeerde code", CodeNotAccepted),
        ("klok telefoon", CodeNotAccepted),
        ("wrong code", CodeNotAccepted),
        ("invalid code", CodeNotAccepted),
        ("code not working", CodeNotAccepted),
        ("code already used", CodeNotAccepted),
        ("clock", CodeNotAccepted),
    ]);
}

#[test]
fn a_bare_authenticator_finds_all_three_two_step_articles_first() {
    for query in ["authenticator", "authenticator app"] {
        let mut top: Vec<Article> = search(query).into_iter().take(3).collect();
        top.sort_by_key(|a| Article::ALL.iter().position(|b| b == a));
        assert_eq!(
            top,
            vec![TwoStepVerification, LostAuthenticator, CodeNotAccepted],
            "{query}"
        );
    }
}

#[test]
fn case_accents_hyphens_and_typos_do_not_matter() {
    assert_first(&[
        ("WACHTWOORD VERGETEN", ForgotPassword),
        ("Forgot Password?", ForgotPassword),
        ("uitnodíging verlopen", LinkExpired),
        ("privévenster", InvitedButSignedIn),
        ("privevenster", InvitedButSignedIn),
        ("email ontvangen", WhatYouNeed),
        ("e-mail ontvangen", WhatYouNeed),
        ("signin microsoft", MicrosoftSignIn),
        ("wachtwood vergeten", ForgotPassword),
        ("passwrod manager", CapsLockAndPasswordManagers),
        ("  te   veel\tpogingen  ", TooManyAttempts),
    ]);
}

#[test]
fn half_typed_words_already_find_the_article() {
    assert_first(&[
        ("wachtw verg", ForgotPassword),
        ("microso", MicrosoftSignIn),
        ("too many att", TooManyAttempts),
        ("caps", CapsLockAndPasswordManagers),
    ]);
}

#[test]
fn both_languages_are_searched_whatever_the_screen_language() {
    // The search has no language parameter: Dutch and English both find every article.
    for article in Article::ALL {
        for lang in [Lang::Nl, Lang::En] {
            let question = crate::help::entry(*article, lang).question;
            assert_eq!(first(question), Some(*article), "{question}");
            let slug = article.slug(lang);
            assert_eq!(first(slug), Some(*article), "{slug}");
        }
    }
}

#[test]
fn an_empty_query_lists_everything_in_order() {
    assert_eq!(search(""), Article::ALL.to_vec());
    assert_eq!(search("   "), Article::ALL.to_vec());
    assert_eq!(search("?!"), Article::ALL.to_vec());
}

#[test]
fn the_search_narrows_and_can_find_nothing() {
    let narrowed = search("microsoft");
    assert!(!narrowed.is_empty() && narrowed.len() < Article::ALL.len());
    assert!(search("pogingen").len() < Article::ALL.len());
    assert!(search("xylofoon").is_empty());
    assert!(search("qqqq zzzz").is_empty());
    // A pasted wall of text answers (quickly) rather than hanging the page.
    assert!(search(&"wachtwoord vergeten ".repeat(5_000)).len() <= Article::ALL.len());
}

#[test]
fn normalising_folds_case_accents_and_punctuation() {
    assert_eq!(normalise("Ík BEN ‘Één’ keer!"), "ik ben een keer");
    assert_eq!(normalise("can't e-mail"), "cant email");
    assert_eq!(normalise("Straße œuvre ĳs"), "strasse oeuvre ijs");
    assert_eq!(normalise(""), "");
    assert!(within_one_edit("wachtwood", "wachtwoord"));
    assert!(within_one_edit("passwrod", "password"));
    assert!(!within_one_edit("wachtwoord", "woordwacht"));
}
