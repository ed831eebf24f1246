//! Security notices from the account's security page and the second sign-in step, in
//! Dutch and in English. Each says what happened, and what to do if it was not you: set
//! a new password through the forgot-password page, and contact support.

use super::render::{Block, Draft};
use super::templates::{action, greeting, note, text};
use topocloud_contract::Locale;

fn draft(locale: Locale, name: &str, subject: &str, blocks: Vec<Block>) -> Draft {
    Draft {
        locale,
        subject: subject.to_owned(),
        greeting: greeting(locale, name),
        blocks,
    }
}

/// What to do if it was not you: the same three blocks under every notice.
fn if_not_you(locale: Locale, reset_link: &str, reset: &str) -> Vec<Block> {
    match locale {
        Locale::Nl => vec![
            text("Was jij dit niet? Stel dan meteen een nieuw wachtwoord in. Zo houd je anderen buiten je account."),
            action("Nieuw wachtwoord aanvragen", reset_link),
            note(format!("Deze link verloopt niet. Je krijgt daarna een e-mail met een link die {reset} geldig is. Vertrouw je het daarna nog niet, neem dan contact op met de support van TopoCloud.")),
        ],
        Locale::En => vec![
            text("Wasn't you? Set a new password right away. That keeps anyone else out of your account."),
            action("Request a new password", reset_link),
            note(format!("This link does not expire. You will then get an email with a link that is valid for {reset}. Still worried after that? Contact TopoCloud support.")),
        ],
    }
}

/// The password was changed on the security page: this session stayed, every other ended.
pub(super) fn password_changed_here(
    locale: Locale,
    name: &str,
    reset_link: &str,
    reset: &str,
) -> Draft {
    let (subject, mut blocks) = match locale {
        Locale::Nl => (
            "Je TopoCloud-wachtwoord is gewijzigd",
            vec![
                text("Het wachtwoord van je TopoCloud-account is zojuist gewijzigd op de beveiligingspagina. Op alle andere apparaten waar je was ingelogd, ben je nu uitgelogd."),
                text("Was jij dit? Dan hoef je niets te doen."),
            ],
        ),
        Locale::En => (
            "Your TopoCloud password was changed",
            vec![
                text("The password of your TopoCloud account was just changed on the security page. You have been signed out on every other device where you were signed in."),
                text("Was this you? Then you don't need to do anything."),
            ],
        ),
    };
    blocks.extend(if_not_you(locale, reset_link, reset));
    draft(locale, name, subject, blocks)
}

pub(super) fn two_step_enabled(locale: Locale, name: &str, reset_link: &str, reset: &str) -> Draft {
    let (subject, mut blocks) = match locale {
        Locale::Nl => (
            "Tweestapsverificatie staat aan voor je TopoCloud-account",
            vec![
                text("Tweestapsverificatie is zojuist aangezet voor je TopoCloud-account. Na je wachtwoord vragen we voortaan ook een code uit je authenticator-app."),
                text("Bewaar je herstelcodes op een veilige plek: daarmee kom je binnen als je je telefoon kwijt bent."),
            ],
        ),
        Locale::En => (
            "Two-step verification is on for your TopoCloud account",
            vec![
                text("Two-step verification was just turned on for your TopoCloud account. From now on, after your password we also ask for a code from your authenticator app."),
                text("Keep your recovery codes somewhere safe: they get you in if you lose your phone."),
            ],
        ),
    };
    blocks.extend(if_not_you(locale, reset_link, reset));
    draft(locale, name, subject, blocks)
}

pub(super) fn two_step_disabled(
    locale: Locale,
    name: &str,
    reset_link: &str,
    reset: &str,
) -> Draft {
    let (subject, mut blocks) = match locale {
        Locale::Nl => (
            "Tweestapsverificatie staat uit voor je TopoCloud-account",
            vec![
                text("Tweestapsverificatie is zojuist uitgezet voor je TopoCloud-account. Inloggen kan nu weer met alleen je wachtwoord. Je herstelcodes werken niet meer en vertrouwde apparaten zijn vergeten."),
            ],
        ),
        Locale::En => (
            "Two-step verification is off for your TopoCloud account",
            vec![
                text("Two-step verification was just turned off for your TopoCloud account. Signing in now takes only your password again. Your recovery codes no longer work and trusted devices have been forgotten."),
            ],
        ),
    };
    blocks.extend(if_not_you(locale, reset_link, reset));
    draft(locale, name, subject, blocks)
}

pub(super) fn recovery_code_used(
    locale: Locale,
    name: &str,
    left: u32,
    reset_link: &str,
    reset: &str,
) -> Draft {
    let (subject, mut blocks) = match locale {
        Locale::Nl => {
            let remaining = match left {
                0 => "Je hebt geen ongebruikte herstelcodes meer. Maak nieuwe aan op de beveiligingspagina.".to_owned(),
                1 => "Je hebt nog 1 ongebruikte herstelcode. Maak op tijd nieuwe aan op de beveiligingspagina.".to_owned(),
                n => format!("Je hebt nog {n} ongebruikte herstelcodes. Elke code werkt maar één keer."),
            };
            (
                "Er is ingelogd met een herstelcode",
                vec![
                    text("Er is zojuist ingelogd op je TopoCloud-account met een van je herstelcodes, in plaats van een code uit je authenticator-app."),
                    text(remaining),
                ],
            )
        }
        Locale::En => {
            let remaining = match left {
                0 => "You have no unused recovery codes left. Make new ones on the security page.".to_owned(),
                1 => "You have 1 unused recovery code left. Make new ones on the security page in time.".to_owned(),
                n => format!("You have {n} unused recovery codes left. Each code works only once."),
            };
            (
                "A recovery code was used to sign in",
                vec![
                    text("Someone just signed in to your TopoCloud account with one of your recovery codes, instead of a code from your authenticator app."),
                    text(remaining),
                ],
            )
        }
    };
    blocks.extend(if_not_you(locale, reset_link, reset));
    draft(locale, name, subject, blocks)
}

/// A passkey was added. If it was not you, someone else can now sign in without your
/// password: remove the passkey first, then set a new password.
pub(super) fn passkey_added(
    locale: Locale,
    name: &str,
    passkey: &str,
    account_link: &str,
    reset_link: &str,
    reset: &str,
) -> Draft {
    let passkey = super::templates::one_line(passkey);
    let (subject, blocks) = match locale {
        Locale::Nl => (
            "Er is een passkey toegevoegd aan je TopoCloud-account",
            vec![
                text(format!("Er is zojuist een passkey met de naam \"{passkey}\" toegevoegd aan je TopoCloud-account. Daarmee kun je inloggen zonder wachtwoord, met je vingerafdruk, gezicht of de pincode van je apparaat.")),
                text("Was jij dit? Dan hoef je niets te doen."),
                text("Was jij dit niet? Dan kan iemand anders nu zonder je wachtwoord inloggen. Verwijder de passkey meteen op je accountpagina, onder Passkeys, en stel daarna een nieuw wachtwoord in."),
                action("Naar je accountpagina", account_link),
                action("Nieuw wachtwoord aanvragen", reset_link),
                note(format!("Deze links verlopen niet. Voor een nieuw wachtwoord krijg je een e-mail met een link die {reset} geldig is. Kun je niet meer inloggen, of vertrouw je het daarna nog niet, neem dan contact op met de support van TopoCloud.")),
            ],
        ),
        Locale::En => (
            "A passkey was added to your TopoCloud account",
            vec![
                text(format!("A passkey named \"{passkey}\" was just added to your TopoCloud account. It signs in without a password, with your fingerprint, face or your device's PIN.")),
                text("Was this you? Then you don't need to do anything."),
                text("Wasn't you? Then someone else can now sign in without your password. Remove the passkey right away on your account page, under Passkeys, and then set a new password."),
                action("Go to your account page", account_link),
                action("Request a new password", reset_link),
                note(format!("These links do not expire. For a new password you will get an email with a link that is valid for {reset}. Can't sign in any more, or still worried after that? Contact TopoCloud support.")),
            ],
        ),
    };
    draft(locale, name, subject, blocks)
}

/// A passkey was removed: it signs no one in any more.
pub(super) fn passkey_removed(
    locale: Locale,
    name: &str,
    passkey: &str,
    account_link: &str,
    reset_link: &str,
    reset: &str,
) -> Draft {
    let passkey = super::templates::one_line(passkey);
    let (subject, mut blocks) = match locale {
        Locale::Nl => (
            "Er is een passkey verwijderd van je TopoCloud-account",
            vec![
                text(format!("De passkey met de naam \"{passkey}\" is zojuist verwijderd van je TopoCloud-account. Inloggen met die passkey kan niet meer; je wachtwoord en je andere passkeys werken gewoon.")),
                text("Was jij dit? Dan hoef je niets te doen."),
                action("Naar je accountpagina", account_link),
            ],
        ),
        Locale::En => (
            "A passkey was removed from your TopoCloud account",
            vec![
                text(format!("The passkey named \"{passkey}\" was just removed from your TopoCloud account. It no longer signs in; your password and your other passkeys still work.")),
                text("Was this you? Then you don't need to do anything."),
                action("Go to your account page", account_link),
            ],
        ),
    };
    blocks.extend(if_not_you(locale, reset_link, reset));
    draft(locale, name, subject, blocks)
}
