use super::*;

const VERIFY: &str = "https://topocloud.test/users/verify-email#token=v3r1fy";
const LOGIN: &str = "https://topocloud.test/users/login";
const RESET_PAGE: &str = "https://topocloud.test/users/password/new";
const INVITE: &str = "https://topocloud.test/users/invitation#token=1nv1te";
const RESET: &str = "https://topocloud.test/users/password/edit#token=r3set&x=1";
// 2026-07-01 10:00 UTC, 12:00 in Amsterdam.
const EXPIRES: i64 = 1_782_900_000;

const DEFAULT: Lifetimes = Lifetimes {
    verify_email: 24 * 3600,
    password_reset: 3600,
};

fn invitation(account_type: AccountType, project: Option<&str>) -> Mail {
    Mail::Invitation {
        organisation: "Landmeetbureau De Vries".to_owned(),
        inviter: "Petra Jansen".to_owned(),
        account_type,
        project: project.map(str::to_owned),
        link: INVITE.to_owned(),
        expires_at: EXPIRES,
    }
}

/// One of each kind, with the links it must contain in order.
fn samples() -> Vec<(Mail, Vec<&'static str>)> {
    vec![
        (
            Mail::VerifyEmail {
                name: "Anna".to_owned(),
                link: VERIFY.to_owned(),
            },
            vec![VERIFY],
        ),
        (
            Mail::AlreadyRegistered {
                name: "Anna".to_owned(),
                login_link: LOGIN.to_owned(),
                reset_link: RESET_PAGE.to_owned(),
            },
            vec![LOGIN, RESET_PAGE],
        ),
        (invitation(AccountType::Main, None), vec![INVITE]),
        (
            Mail::PasswordReset {
                name: "Anna".to_owned(),
                link: RESET.to_owned(),
            },
            vec![RESET],
        ),
        (
            Mail::PasswordChanged {
                name: "Anna".to_owned(),
                reset_link: RESET_PAGE.to_owned(),
                this_session_kept: false,
            },
            vec![RESET_PAGE],
        ),
        (
            Mail::PasswordChanged {
                name: "Anna".to_owned(),
                reset_link: RESET_PAGE.to_owned(),
                this_session_kept: true,
            },
            vec![RESET_PAGE],
        ),
        (
            Mail::TwoStepEnabled {
                name: "Anna".to_owned(),
                reset_link: RESET_PAGE.to_owned(),
            },
            vec![RESET_PAGE],
        ),
        (
            Mail::TwoStepDisabled {
                name: "Anna".to_owned(),
                reset_link: RESET_PAGE.to_owned(),
            },
            vec![RESET_PAGE],
        ),
        (
            Mail::RecoveryCodeUsed {
                name: "Anna".to_owned(),
                left: 7,
                reset_link: RESET_PAGE.to_owned(),
            },
            vec![RESET_PAGE],
        ),
        (
            Mail::PasskeyAdded {
                name: "Anna".to_owned(),
                passkey: "Telefoon".to_owned(),
                account_link: ACCOUNT_PAGE.to_owned(),
                reset_link: RESET_PAGE.to_owned(),
            },
            vec![ACCOUNT_PAGE, RESET_PAGE],
        ),
        (
            Mail::PasskeyRemoved {
                name: "Anna".to_owned(),
                passkey: "Telefoon".to_owned(),
                account_link: ACCOUNT_PAGE.to_owned(),
                reset_link: RESET_PAGE.to_owned(),
            },
            vec![ACCOUNT_PAGE, RESET_PAGE],
        ),
    ]
}

const ACCOUNT_PAGE: &str = "http://127.0.0.1:8080/account";

#[test]
fn passkey_notices_name_the_passkey_and_say_to_remove_it_if_it_was_not_you() {
    let added = Mail::PasskeyAdded {
        name: "Anna".to_owned(),
        passkey: "Werk\nlaptop".to_owned(),
        account_link: ACCOUNT_PAGE.to_owned(),
        reset_link: RESET_PAGE.to_owned(),
    };
    let nl = compose(&added, Locale::Nl, &DEFAULT);
    assert!(nl.text.contains("\"Werk laptop\""), "{}", nl.text);
    assert!(nl.text.contains("Verwijder de passkey"), "{}", nl.text);
    assert!(nl.text.contains("support"), "{}", nl.text);
    let en = compose(&added, Locale::En, &DEFAULT);
    assert!(en.text.contains("Remove the passkey"), "{}", en.text);
    assert!(en.subject.contains("passkey"), "{}", en.subject);
}

#[test]
fn every_kind_in_both_languages_has_subject_text_html_and_its_links() {
    for (mail, links) in samples() {
        for locale in [Locale::Nl, Locale::En] {
            let c = compose(&mail, locale, &DEFAULT);
            let what = format!("{} {}", mail.kind(), locale.code());
            assert!(!c.subject.trim().is_empty(), "{what}");
            assert!(c.text.len() > 100, "{what}: {}", c.text);
            assert!(c.html.starts_with("<!DOCTYPE html>"), "{what}");
            assert!(
                c.html
                    .contains(&format!("<html lang=\"{}\">", locale.code())),
                "{what}"
            );
            assert_eq!(c.links, links, "{what}");
            for link in &links {
                assert!(c.text.contains(&format!("\n{link}\n")), "{what}: {link}");
                let href = format!("<a href=\"{}\"", escape_html(link));
                assert!(c.html.contains(&href), "{what}: {href}");
            }
        }
    }
}

#[test]
fn dutch_and_english_are_really_different_languages() {
    for (mail, _) in samples() {
        let (nl, en) = both(&mail);
        assert_ne!(nl.subject, en.subject);
        assert!(nl.text.contains("Groeten"), "{}", nl.text);
        assert!(en.text.contains("Kind regards"), "{}", en.text);
        // The informal "je" form, never "u".
        assert!(
            nl.text.contains(" je ") || nl.text.contains("Je "),
            "{}",
            nl.text
        );
        assert!(
            !nl.text.contains(" u ") && !nl.text.contains(" uw "),
            "{}",
            nl.text
        );
    }
}

#[test]
fn kinds_are_the_variant_names_in_snake_case() {
    let kinds: Vec<_> = samples().iter().map(|(m, _)| m.kind()).collect();
    assert_eq!(
        kinds,
        [
            "verify_email",
            "already_registered",
            "invitation",
            "password_reset",
            "password_changed",
            "password_changed",
            "two_step_enabled",
            "two_step_disabled",
            "recovery_code_used",
            "passkey_added",
            "passkey_removed"
        ]
    );
}

fn both(mail: &Mail) -> (Composed, Composed) {
    (
        compose(mail, Locale::Nl, &DEFAULT),
        compose(mail, Locale::En, &DEFAULT),
    )
}

#[test]
fn each_message_says_how_long_its_link_lasts() {
    let samples = samples();
    let (nl, en) = both(&samples[0].0);
    assert!(nl.text.contains("24 uur geldig") && en.text.contains("valid for 24 hours"));
    let (nl, en) = both(&samples[3].0);
    assert!(nl.text.contains("1 uur geldig") && en.text.contains("valid for 1 hour"));
    let (nl, en) = both(&samples[2].0);
    assert!(
        nl.text.contains("geldig tot 1 juli 2026 om 12:00"),
        "{}",
        nl.text
    );
    assert!(
        en.text.contains("valid until 1 July 2026 at 12:00"),
        "{}",
        en.text
    );
    for sample in samples[4..].iter().map(|(m, _)| m).chain([&samples[1].0]) {
        let (nl, en) = both(sample);
        assert!(nl.text.contains("verlo"), "{}", nl.text);
        assert!(en.text.contains("expire"), "{}", en.text);
    }
}

#[test]
fn each_message_says_what_to_do_if_it_was_not_you() {
    for (mail, _) in samples() {
        let (nl, en) = both(&mail);
        let nl_ok = [
            "Was jij het niet",
            "Was jij dit niet",
            "niet aangevraagd",
            "geen account aangemaakt",
            "verwachtte je",
        ]
        .iter()
        .any(|p| nl.text.contains(p));
        let en_ok = [
            "Wasn't you",
            "Didn't ask",
            "Didn't create",
            "weren't expecting",
        ]
        .iter()
        .any(|p| en.text.contains(p));
        assert!(nl_ok, "{}: {}", mail.kind(), nl.text);
        assert!(en_ok, "{}: {}", mail.kind(), en.text);
    }
}

#[test]
fn already_registered_says_the_address_has_an_account() {
    let (nl, en) = both(&samples()[1].0);
    assert!(nl.text.contains("al een account"), "{}", nl.text);
    assert!(
        en.text
            .contains("An account with this address already exists"),
        "{}",
        en.text
    );
}

#[test]
fn invitation_names_organisation_and_inviter() {
    let (nl, en) = both(&invitation(AccountType::Main, None));
    for c in [&nl, &en] {
        assert!(
            c.subject.contains("Petra Jansen") && c.subject.contains("Landmeetbureau De Vries")
        );
        assert!(c.text.contains("Petra Jansen") && c.text.contains("Landmeetbureau De Vries"));
        assert!(!c.text.contains("project"), "{}", c.text);
    }
}

#[test]
fn employee_invitation_names_the_project() {
    let mail = invitation(
        AccountType::Employee,
        Some("Kadastrale meting Utrecht-Noord"),
    );
    let (nl, en) = both(&mail);
    assert!(
        nl.text.contains("medewerker van Landmeetbureau De Vries"),
        "{}",
        nl.text
    );
    assert!(
        nl.text
            .contains("het project Kadastrale meting Utrecht-Noord"),
        "{}",
        nl.text
    );
    assert!(
        en.text.contains("employee of Landmeetbureau De Vries"),
        "{}",
        en.text
    );
    assert!(
        en.text
            .contains("the project Kadastrale meting Utrecht-Noord"),
        "{}",
        en.text
    );
    assert!(nl.html.contains("Kadastrale meting Utrecht-Noord"));
}

#[test]
fn user_input_is_escaped_in_html_and_kept_verbatim_in_text() {
    let evil = "<script>alert('x')</script> & \"Co\"";
    let mails = [
        Mail::VerifyEmail {
            name: evil.to_owned(),
            link: VERIFY.to_owned(),
        },
        Mail::Invitation {
            organisation: evil.to_owned(),
            inviter: evil.to_owned(),
            account_type: AccountType::Employee,
            project: Some(evil.to_owned()),
            link: INVITE.to_owned(),
            expires_at: EXPIRES,
        },
    ];
    for mail in mails {
        for locale in [Locale::Nl, Locale::En] {
            let c = compose(&mail, locale, &DEFAULT);
            assert!(!c.html.contains("<script"), "{}", c.html);
            assert!(!c.html.contains("\"Co\""), "{}", c.html);
            assert!(
                c.html.contains(
                    "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"
                ),
                "{}",
                c.html
            );
            assert!(c.text.contains(evil), "{}", c.text);
        }
    }
}

#[test]
fn line_breaks_in_names_cannot_split_the_subject() {
    let mail = Mail::Invitation {
        organisation: "Evil\r\nBcc: victim@example.test".to_owned(),
        inviter: "Eve\n".to_owned(),
        account_type: AccountType::Main,
        project: None,
        link: INVITE.to_owned(),
        expires_at: EXPIRES,
    };
    let c = compose(&mail, Locale::En, &DEFAULT);
    assert!(!c.subject.contains(['\r', '\n']), "{:?}", c.subject);
    assert_eq!(
        c.subject,
        "Eve invites you to Evil Bcc: victim@example.test in TopoCloud"
    );
}

#[test]
fn an_empty_name_gives_a_plain_greeting() {
    let c = compose(
        &Mail::PasswordReset {
            name: "  ".to_owned(),
            link: RESET.to_owned(),
        },
        Locale::Nl,
        &DEFAULT,
    );
    assert!(c.text.starts_with("Hoi,\n\n"), "{}", c.text);
}

#[test]
fn the_default_lifetimes_are_the_configured_defaults() {
    assert_eq!(Lifetimes::default(), DEFAULT);
}

#[test]
fn link_lifetimes_follow_the_configuration() {
    let short = Lifetimes {
        verify_email: 2 * 3600,
        password_reset: 15 * 60,
    };
    let samples = samples();
    let nl = compose(&samples[0].0, Locale::Nl, &short);
    assert!(nl.text.contains("De link is 2 uur geldig"), "{}", nl.text);
    let en = compose(&samples[3].0, Locale::En, &short);
    assert!(en.text.contains("valid for 15 minutes"), "{}", en.text);
    let nl = compose(&samples[4].0, Locale::Nl, &short);
    assert!(nl.text.contains("15 minuten geldig"), "{}", nl.text);
}

#[test]
fn security_notices_say_what_happened_and_point_to_support() {
    let samples = samples();
    let (nl, en) = both(&samples[5].0);
    assert!(nl.text.contains("Op alle andere apparaten"), "{}", nl.text);
    assert!(
        en.text.contains("signed out on every other device"),
        "{}",
        en.text
    );
    let (nl, en) = both(&samples[4].0);
    assert!(en.text.contains("signed out everywhere"), "{}", en.text);
    assert!(!nl.text.contains("andere apparaten"), "{}", nl.text);
    for (mail, _) in &samples[5..] {
        let (nl, en) = both(mail);
        assert!(nl.text.contains("support van TopoCloud"), "{}", nl.text);
        assert!(en.text.contains("Contact TopoCloud support"), "{}", en.text);
    }
    let (nl, en) = both(&samples[6].0);
    assert!(nl.text.contains("aangezet") && en.text.contains("turned on"));
    let (nl, en) = both(&samples[7].0);
    assert!(nl.text.contains("uitgezet") && en.text.contains("turned off"));
    let (nl, en) = both(&samples[8].0);
    assert!(
        nl.text.contains("nog 7 ongebruikte herstelcodes"),
        "{}",
        nl.text
    );
    assert!(
        en.text.contains("7 unused recovery codes left"),
        "{}",
        en.text
    );
    let none_left = Mail::RecoveryCodeUsed {
        name: "Anna".to_owned(),
        left: 0,
        reset_link: RESET_PAGE.to_owned(),
    };
    let (nl, en) = both(&none_left);
    assert!(
        nl.text.contains("geen ongebruikte herstelcodes meer"),
        "{}",
        nl.text
    );
    assert!(
        en.text.contains("no unused recovery codes left"),
        "{}",
        en.text
    );
}
