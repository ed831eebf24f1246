//! What every email says, in Dutch and in English.
//!
//! Each message tells what happened, what to do, how long its link lasts and what to
//! do if it was not you. Only plain strings are produced here: [`super::render`]
//! escapes them, so user input (names, organisations, projects) needs no care here.

use super::date::local_date_time;
use super::render::{Block, Draft};
use super::security_notices;
use super::{Lifetimes, Mail};
use topocloud_contract::{lifetime_in_words as duration, AccountType, Locale};

pub(crate) fn draft(mail: &Mail, locale: Locale, lifetimes: &Lifetimes) -> Draft {
    let reset = duration(lifetimes.password_reset, locale);
    match mail {
        Mail::VerifyEmail { name, link } => {
            let valid = duration(lifetimes.verify_email, locale);
            verify_email(locale, name, link, &valid)
        }
        Mail::AlreadyRegistered {
            name,
            login_link,
            reset_link,
        } => already_registered(locale, name, login_link, reset_link, &reset),
        Mail::Invitation {
            organisation,
            inviter,
            account_type,
            project,
            link,
            expires_at,
        } => invitation(
            locale,
            organisation,
            inviter,
            *account_type,
            project.as_deref(),
            link,
            *expires_at,
        ),
        Mail::PasswordReset { name, link } => password_reset(locale, name, link, &reset),
        Mail::PasswordChanged {
            name,
            reset_link,
            this_session_kept: false,
        } => password_changed(locale, name, reset_link, &reset),
        Mail::PasswordChanged {
            name,
            reset_link,
            this_session_kept: true,
        } => security_notices::password_changed_here(locale, name, reset_link, &reset),
        Mail::TwoStepEnabled { name, reset_link } => {
            security_notices::two_step_enabled(locale, name, reset_link, &reset)
        }
        Mail::TwoStepDisabled { name, reset_link } => {
            security_notices::two_step_disabled(locale, name, reset_link, &reset)
        }
        Mail::RecoveryCodeUsed {
            name,
            left,
            reset_link,
        } => security_notices::recovery_code_used(locale, name, *left, reset_link, &reset),
        Mail::PasskeyAdded {
            name,
            passkey,
            account_link,
            reset_link,
        } => {
            security_notices::passkey_added(locale, name, passkey, account_link, reset_link, &reset)
        }
        Mail::PasskeyRemoved {
            name,
            passkey,
            account_link,
            reset_link,
        } => security_notices::passkey_removed(
            locale,
            name,
            passkey,
            account_link,
            reset_link,
            &reset,
        ),
    }
}

pub(super) fn greeting(locale: Locale, name: &str) -> String {
    let name = one_line(name);
    let hello = match locale {
        Locale::Nl => "Hoi",
        Locale::En => "Hi",
    };
    if name.is_empty() {
        format!("{hello},")
    } else {
        format!("{hello} {name},")
    }
}

/// User input goes into subjects and single sentences: a stray line break in a name
/// must not split a header or a paragraph.
pub(super) fn one_line(raw: &str) -> String {
    raw.split(|c: char| c.is_control() || c.is_whitespace())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn action(label: &str, url: &str) -> Block {
    Block::Action {
        label: label.to_owned(),
        url: url.to_owned(),
    }
}

pub(super) fn text(s: impl Into<String>) -> Block {
    Block::Text(s.into())
}

pub(super) fn note(s: impl Into<String>) -> Block {
    Block::Note(s.into())
}

fn verify_email(locale: Locale, name: &str, link: &str, valid: &str) -> Draft {
    let (subject, blocks) = match locale {
        Locale::Nl => (
            "Bevestig je e-mailadres voor TopoCloud",
            vec![
                text("Je hebt een TopoCloud-account aangemaakt met dit e-mailadres. Bevestig je adres, dan kun je inloggen."),
                action("E-mailadres bevestigen", link),
                note(format!("De link is {valid} geldig. Verlopen? Log dan in met je e-mailadres en wachtwoord, dan kun je een nieuwe link aanvragen.")),
                note("Heb jij geen account aangemaakt? Dan kun je deze e-mail negeren. Zonder bevestiging wordt het account niet actief."),
            ],
        ),
        Locale::En => (
            "Confirm your email address for TopoCloud",
            vec![
                text("You created a TopoCloud account with this email address. Confirm your address and you can sign in."),
                action("Confirm email address", link),
                note(format!("This link is valid for {valid}. Expired? Sign in with your email address and password, and you can ask for a new link.")),
                note("Didn't create an account? Then you can ignore this email. Without confirmation the account will not be activated."),
            ],
        ),
    };
    Draft {
        locale,
        subject: subject.to_owned(),
        greeting: greeting(locale, name),
        blocks,
    }
}

fn already_registered(
    locale: Locale,
    name: &str,
    login_link: &str,
    reset_link: &str,
    reset: &str,
) -> Draft {
    let (subject, blocks) = match locale {
        Locale::Nl => (
            "Je hebt al een TopoCloud-account",
            vec![
                text("Iemand probeerde een nieuw TopoCloud-account aan te maken met dit e-mailadres. Er is al een account met dit adres, dus er is niets veranderd."),
                text("Was jij dat? Log dan gewoon in met je bestaande account."),
                action("Inloggen", login_link),
                text("Weet je je wachtwoord niet meer? Vraag dan een nieuw wachtwoord aan."),
                action("Nieuw wachtwoord aanvragen", reset_link),
                note(format!("Deze links verlopen niet. Vraag je een nieuw wachtwoord aan, dan krijg je een aparte e-mail met een link die {reset} geldig is.")),
                note("Was jij het niet? Dan hoef je niets te doen. Je account en wachtwoord blijven zoals ze zijn."),
            ],
        ),
        Locale::En => (
            "You already have a TopoCloud account",
            vec![
                text("Someone tried to create a new TopoCloud account with this email address. An account with this address already exists, so nothing has changed."),
                text("Was that you? Then just sign in with your existing account."),
                action("Sign in", login_link),
                text("Forgot your password? Ask for a new one."),
                action("Request a new password", reset_link),
                note(format!("These links do not expire. If you ask for a new password, you will get a separate email with a link that is valid for {reset}.")),
                note("Wasn't you? Then you don't need to do anything. Your account and password stay as they are."),
            ],
        ),
    };
    Draft {
        locale,
        subject: subject.to_owned(),
        greeting: greeting(locale, name),
        blocks,
    }
}

fn invitation(
    locale: Locale,
    organisation: &str,
    inviter: &str,
    account_type: AccountType,
    project: Option<&str>,
    link: &str,
    expires_at: i64,
) -> Draft {
    let org = one_line(organisation);
    let inviter = one_line(inviter);
    let project = project.map(one_line).filter(|p| !p.is_empty());
    let until = local_date_time(expires_at, locale);
    let mut blocks = Vec::new();
    let subject = match locale {
        Locale::Nl => {
            blocks.push(text(match account_type {
                AccountType::Main => {
                    format!("{inviter} nodigt je uit voor het TopoCloud-account van {org}.")
                }
                AccountType::Employee => format!(
                    "{inviter} nodigt je uit om als medewerker van {org} in TopoCloud te werken."
                ),
            }));
            if let Some(project) = &project {
                blocks.push(text(format!(
                    "Je bent toegevoegd aan het project {project}."
                )));
            }
            blocks.push(text(
                "Accepteer de uitnodiging en kies een wachtwoord. Daarna kun je meteen inloggen.",
            ));
            blocks.push(action("Uitnodiging accepteren", link));
            blocks.push(note(format!("De uitnodiging is geldig tot {until}. Verlopen? Vraag {inviter} dan om een nieuwe uitnodiging.")));
            blocks.push(note(format!("Ken je {org} niet, of verwachtte je deze uitnodiging niet? Dan kun je deze e-mail negeren. Er wordt dan geen account voor je gemaakt.")));
            format!("{inviter} nodigt je uit voor {org} in TopoCloud")
        }
        Locale::En => {
            blocks.push(text(match account_type {
                AccountType::Main => {
                    format!("{inviter} invites you to the TopoCloud account of {org}.")
                }
                AccountType::Employee => {
                    format!("{inviter} invites you to work in TopoCloud as an employee of {org}.")
                }
            }));
            if let Some(project) = &project {
                blocks.push(text(format!(
                    "You have been added to the project {project}."
                )));
            }
            blocks.push(text(
                "Accept the invitation and choose a password. Then you can sign in right away.",
            ));
            blocks.push(action("Accept invitation", link));
            blocks.push(note(format!("The invitation is valid until {until}. Expired? Then ask {inviter} for a new invitation.")));
            blocks.push(note(format!("Don't know {org}, or weren't expecting this invitation? Then you can ignore this email. No account will be created for you.")));
            format!("{inviter} invites you to {org} in TopoCloud")
        }
    };
    Draft {
        locale,
        subject,
        greeting: greeting(locale, ""),
        blocks,
    }
}

fn password_reset(locale: Locale, name: &str, link: &str, reset: &str) -> Draft {
    let (subject, blocks) = match locale {
        Locale::Nl => (
            "Stel een nieuw wachtwoord in voor TopoCloud",
            vec![
                text("We kregen een verzoek om een nieuw wachtwoord in te stellen voor je TopoCloud-account."),
                action("Nieuw wachtwoord instellen", link),
                note(format!("De link is {reset} geldig en werkt één keer. Verlopen? Vraag dan op de inlogpagina een nieuwe aan.")),
                note("Heb jij dit niet aangevraagd? Dan kun je deze e-mail negeren. Je wachtwoord blijft hetzelfde."),
            ],
        ),
        Locale::En => (
            "Set a new password for TopoCloud",
            vec![
                text("We received a request to set a new password for your TopoCloud account."),
                action("Set a new password", link),
                note(format!("This link is valid for {reset} and works once. Expired? Ask for a new one on the sign-in page.")),
                note("Didn't ask for this? Then you can ignore this email. Your password stays the same."),
            ],
        ),
    };
    Draft {
        locale,
        subject: subject.to_owned(),
        greeting: greeting(locale, name),
        blocks,
    }
}

fn password_changed(locale: Locale, name: &str, reset_link: &str, reset: &str) -> Draft {
    let (subject, blocks) = match locale {
        Locale::Nl => (
            "Je TopoCloud-wachtwoord is gewijzigd",
            vec![
                text("Het wachtwoord van je TopoCloud-account is zojuist gewijzigd. Overal waar je was ingelogd, ben je nu uitgelogd."),
                text("Was jij dit? Dan hoef je niets te doen."),
                text("Was jij dit niet? Stel dan meteen een nieuw wachtwoord in. Zo houd je anderen buiten je account."),
                action("Nieuw wachtwoord aanvragen", reset_link),
                note(format!("Deze link verloopt niet. Je krijgt daarna een e-mail met een link die {reset} geldig is.")),
            ],
        ),
        Locale::En => (
            "Your TopoCloud password was changed",
            vec![
                text("The password of your TopoCloud account was just changed. You have been signed out everywhere you were signed in."),
                text("Was this you? Then you don't need to do anything."),
                text("Wasn't you? Set a new password right away. That keeps anyone else out of your account."),
                action("Request a new password", reset_link),
                note(format!("This link does not expire. You will then get an email with a link that is valid for {reset}.")),
            ],
        ),
    };
    Draft {
        locale,
        subject: subject.to_owned(),
        greeting: greeting(locale, name),
        blocks,
    }
}
