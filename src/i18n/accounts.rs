//! Words of the screens that give people an account: registration, the "check your
//! mailbox" step, email verification and invitations. The two language tables live in
//! `accounts/nl.rs` and `accounts/en.rs`; both are exhaustive `match`es.

mod en;
mod nl;

use super::{catalogue, format_wait, AnyText, Catalogue, Lang, Text};

catalogue! {
    /// Texts of `/users/register`, `/users/verify-email` and `/users/invitation`.
    AccountText {
        // Fields and their problems
        NameLabel,
        OrganisationLabel,
        NameRequired,
        NameTooLong,
        OrganisationRequired,
        OrganisationTooLong,
        TermsBefore,
        TermsLink,
        TermsNotAccepted,
        HelpCentre,
        HelpLinks,
        HelpOtherAccount,
        // Registration
        RegisterTitle,
        RegisterIntro,
        RegisterSignedInTitle,
        RegisterSignedInBody,
        RegisterButton,
        Registering,
        HaveAccount,
        ClosedTitle,
        ClosedBody,
        ClosedInvited,
        ClosedHelp,
        // Check your mailbox
        MailboxTitle,
        MailboxSentTo,
        MailboxBody,
        MailboxNoMail,
        ResendButton,
        Resending,
        WrongAddress,
        // Verification
        VerifyTitle,
        VerifyIntro,
        VerifyButton,
        Verifying,
        VerifiedTitle,
        VerifiedBody,
        LinkExpiredTitle,
        LinkExpiredBody,
        LinkUsedTitle,
        LinkUsedBody,
        LinkInvalidTitle,
        LinkInvalidBody,
        NewLinkHeading,
        NewLinkIntro,
        NewLinkButton,
        ConfirmationEmailTitle,
        ConfirmationEmailIntro,
        // Invitation
        InvitationTitle,
        CheckingInvitation,
        DetailsHeading,
        DetailOrganisation,
        DetailInviter,
        DetailAccountType,
        DetailProject,
        DetailValidUntil,
        AccountTypeMain,
        AccountTypeEmployee,
        InvitationFormIntro,
        AcceptButton,
        Accepting,
        InvitationExpiredTitle,
        InvitationExpiredNoInviter,
        InvitationWasFor,
        InvitationUsedTitle,
        InvitationUsedBody,
        InvitationInvalidTitle,
        InvitationInvalidBody,
        OtherAccountTitle,
        OtherAccountSignedIn,
        OtherAccountInvited,
        OtherAccountBody,
        SignOutAndContinue,
        SigningOutToContinue,
        KeepOtherAccount,
    }
}

impl Catalogue for AccountText {
    fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => nl::text(self),
            Lang::En => en::text(self),
        }
    }
}

/// A sentence from either catalogue, so one field or alert can show the shared texts
/// (network trouble, password rules) and a screen's own. The shared ones stay a [`Text`]:
/// an alert links each to its help article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Msg {
    Site(Text),
    Screen(AnyText),
}

impl From<Text> for Msg {
    fn from(text: Text) -> Self {
        Msg::Site(text)
    }
}

impl From<AccountText> for Msg {
    fn from(text: AccountText) -> Self {
        Msg::Screen(text.into())
    }
}

impl From<Msg> for AnyText {
    fn from(msg: Msg) -> Self {
        match msg {
            Msg::Site(text) => text.into(),
            Msg::Screen(text) => text,
        }
    }
}

/// "Opnieuw sturen kan over 42 seconden." — the wait in the sentence, per language.
pub fn resend_in(lang: Lang, seconds: u32) -> String {
    let wait = format_wait(lang, seconds);
    match lang {
        Lang::Nl => format!("Opnieuw sturen kan over {wait}."),
        Lang::En => format!("You can send it again in {wait}."),
    }
}

/// Who invites whom to what, as one sentence; the inviter may be unknown. (No product
/// name here: a renamed deployment replaces it only in catalogue texts.)
pub fn invites_you(lang: Lang, inviter: &str, organisation: &str) -> String {
    match (lang, inviter.trim().is_empty()) {
        (Lang::Nl, false) => format!("{inviter} nodigt je uit voor {organisation}."),
        (Lang::Nl, true) => format!("Je bent uitgenodigd voor {organisation}."),
        (Lang::En, false) => format!("{inviter} invites you to join {organisation}."),
        (Lang::En, true) => format!("You have been invited to join {organisation}."),
    }
}

/// The next step for an expired invitation: ask the person who sent it, by name.
pub fn ask_inviter(lang: Lang, inviter: Option<&str>) -> String {
    match inviter.map(str::trim).filter(|i| !i.is_empty()) {
        Some(name) => match lang {
            Lang::Nl => format!(
                "Invitaties zijn een beperkte tijd geldig. Vraag {name} om je een nieuwe uitnodiging te sturen."
            ),
            Lang::En => format!(
                "Invitations are valid for a limited time. Ask {name} to send you a new invitation."
            ),
        },
        None => AccountText::InvitationExpiredNoInviter.in_lang(lang).to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_account_text_is_translated() {
        crate::i18n::assert_fully_translated(AccountText::ALL, &[AccountText::DetailProject]);
    }

    #[test]
    fn sentences_with_names_keep_each_languages_word_order() {
        assert_eq!(
            invites_you(Lang::Nl, "Anna Jansen", "Landmeetbureau Noord"),
            "Anna Jansen nodigt je uit voor Landmeetbureau Noord."
        );
        assert_eq!(
            invites_you(Lang::En, " ", "Noord"),
            "You have been invited to join Noord."
        );
        assert!(ask_inviter(Lang::Nl, Some("Anna")).contains("Vraag Anna om"));
        assert!(ask_inviter(Lang::En, Some("Anna")).contains("Ask Anna to"));
        assert_eq!(
            ask_inviter(Lang::En, Some("")),
            AccountText::InvitationExpiredNoInviter.in_lang(Lang::En)
        );
        assert_eq!(
            resend_in(Lang::Nl, 60),
            "Opnieuw sturen kan over 60 seconden."
        );
        assert_eq!(resend_in(Lang::En, 1), "You can send it again in 1 second.");
    }

    #[test]
    fn either_catalogue_can_be_said() {
        assert_eq!(
            AnyText::from(Msg::from(Text::EmailRequired)).in_lang(Lang::Nl),
            "Vul je e-mailadres in."
        );
        assert_eq!(
            AnyText::from(Msg::from(AccountText::NameLabel)).in_lang(Lang::En),
            "Name"
        );
    }
}
