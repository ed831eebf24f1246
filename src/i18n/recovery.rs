//! Words of the password-recovery screens: asking for a link and choosing a new password.

use super::{catalogue, Catalogue, Lang};

catalogue! {
    /// Texts of `/users/forgot-password` and `/users/reset-password`.
    RecoveryText {
        ForgotTitle,
        ForgotIntro,
        RequestButton,
        Requesting,
        SentTitle,
        SentBody,
        SentSpam,
        ResendButton,
        ResendIn,
        BackToLogin,
        CantSignInHelp,
        ResetTitle,
        ResetIntro,
        AccountLabel,
        SaveButton,
        Saving,
        DoneTitle,
        DoneBody,
        GoToLogin,
        CheckingLink,
        ExpiredTitle,
        ExpiredBody,
        UsedTitle,
        UsedBody,
        InvalidTitle,
        InvalidBody,
        NewLinkButton,
        RequestNewLink,
        NewLinkSent,
    }
}

impl Catalogue for RecoveryText {
    fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => nl(self),
            Lang::En => en(self),
        }
    }
}

fn nl(text: RecoveryText) -> &'static str {
    use RecoveryText::*;
    match text {
        ForgotTitle => "Wachtwoord vergeten",
        ForgotIntro => "Vul het e-mailadres in waarmee je inlogt. We sturen je een e-mail met een link om een nieuw wachtwoord te kiezen.",
        RequestButton => "Aanvragen",
        Requesting => "Bezig met aanvragen…",
        SentTitle => "Kijk in je mailbox",
        SentBody => "Als er een TopoCloud-account bij dit e-mailadres hoort, is er een e-mail onderweg met een link om een nieuw wachtwoord te kiezen. De link is {reset_link_lifetime} geldig.",
        SentSpam => "Het kan een paar minuten duren. Niets ontvangen? Kijk in je spammap of vraag de e-mail opnieuw aan.",
        ResendButton => "E-mail opnieuw versturen",
        ResendIn => "Opnieuw versturen kan over",
        BackToLogin => "Terug naar aanmelden",
        CantSignInHelp => "Lukt het niet? Bekijk de hulp bij inloggen",
        ResetTitle => "Nieuw wachtwoord kiezen",
        ResetIntro => "Kies een nieuw wachtwoord voor je account. Daarna meld je je overal opnieuw aan.",
        AccountLabel => "Account",
        SaveButton => "Wachtwoord opslaan",
        Saving => "Bezig met opslaan…",
        DoneTitle => "Je wachtwoord is gewijzigd",
        DoneBody => "Je bent op al je apparaten afgemeld. Meld je opnieuw aan met je nieuwe wachtwoord.",
        GoToLogin => "Naar aanmelden",
        CheckingLink => "We controleren je link…",
        ExpiredTitle => "Deze link is verlopen",
        ExpiredBody => "Een link om je wachtwoord te herstellen is {reset_link_lifetime} geldig. Vraag een nieuwe aan; die is zo in je mailbox.",
        UsedTitle => "Deze link is al gebruikt",
        UsedBody => "Met deze link is al een nieuw wachtwoord gekozen, of er is daarna een andere link gebruikt. Weet je je wachtwoord niet meer? Vraag een nieuwe link aan.",
        InvalidTitle => "Deze link werkt niet",
        InvalidBody => "De link is niet (meer) geldig of is niet helemaal overgenomen. Open de link rechtstreeks vanuit de e-mail, of vraag een nieuwe aan.",
        NewLinkButton => "Stuur me een nieuwe link",
        RequestNewLink => "Nieuwe link aanvragen",
        NewLinkSent => "Er is een nieuwe link onderweg naar",
    }
}

fn en(text: RecoveryText) -> &'static str {
    use RecoveryText::*;
    match text {
        ForgotTitle => "Forgot your password",
        ForgotIntro => "Enter the email address you sign in with. We will send you an email with a link to choose a new password.",
        RequestButton => "Request",
        Requesting => "Requesting…",
        SentTitle => "Check your mailbox",
        SentBody => "If a TopoCloud account belongs to this email address, an email is on its way with a link to choose a new password. The link is valid for {reset_link_lifetime}.",
        SentSpam => "It can take a few minutes. Nothing arrived? Check your spam folder or request the email again.",
        ResendButton => "Send the email again",
        ResendIn => "You can send it again in",
        BackToLogin => "Back to sign in",
        CantSignInHelp => "Still stuck? See help with signing in",
        ResetTitle => "Choose a new password",
        ResetIntro => "Choose a new password for your account. You will then sign in again everywhere.",
        AccountLabel => "Account",
        SaveButton => "Save password",
        Saving => "Saving…",
        DoneTitle => "Your password has been changed",
        DoneBody => "You have been signed out on all your devices. Sign in again with your new password.",
        GoToLogin => "Go to sign in",
        CheckingLink => "Checking your link…",
        ExpiredTitle => "This link has expired",
        ExpiredBody => "A password reset link is valid for {reset_link_lifetime}. Request a new one; it will be in your mailbox shortly.",
        UsedTitle => "This link was already used",
        UsedBody => "A new password was already chosen with this link, or another link was used after it. Forgot your password again? Request a new link.",
        InvalidTitle => "This link does not work",
        InvalidBody => "The link is not valid (any more) or was not copied completely. Open the link straight from the email, or request a new one.",
        NewLinkButton => "Send me a new link",
        RequestNewLink => "Request a new link",
        NewLinkSent => "A new link is on its way to",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_recovery_text_is_translated() {
        crate::i18n::assert_fully_translated(RecoveryText::ALL, &[RecoveryText::AccountLabel]);
    }

    #[test]
    fn the_request_button_says_aanvragen() {
        assert_eq!(RecoveryText::RequestButton.in_lang(Lang::Nl), "Aanvragen");
    }
}
