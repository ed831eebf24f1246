//! Words of account security: the second sign-in step and the account page's password,
//! sessions and two-step verification. Not part of the login page's own app: its sign-in
//! only learns that a code is asked and loads the whole site for that.

mod en;
mod nl;

use super::accounts::Msg;
use super::{catalogue, AnyText, Catalogue, Lang};

catalogue! {
    /// Texts of `/users/second-step` and the security parts of `/account`.
    SecurityText {
        // The second sign-in step
        SecondStepTitle,
        SecondStepIntro,
        CodeLabel,
        CodeHint,
        CodeRequired,
        CodeMalformed,
        RecoveryCodeLabel,
        RecoveryCodeHint,
        RecoveryCodeRequired,
        RecoveryCodeMalformed,
        UseRecoveryCode,
        UseAppCode,
        TrustDevice,
        TrustDeviceHint,
        VerifyCodeButton,
        VerifyingCode,
        CodeInvalid,
        RecoveryCodeInvalid,
        ChallengeExpiredTitle,
        ChallengeExpiredBody,
        BackToLogin,
        LostPhone,
        CodeProblems,
        SsoNoCode,
        // Turning two-step verification on, also when the organisation requires it
        EnrolTitle,
        EnrolIntro,
        SetupStep1,
        SetupStep2,
        QrLabel,
        KeyInstead,
        KeyLabel,
        ConfirmSetupButton,
        ConfirmingSetup,
        SetupExpired,
        StartOver,
        // Recovery codes
        RecoveryCodesTitle,
        RecoveryCodesIntro,
        RecoveryCodesOnce,
        CopyCodes,
        CodesCopied,
        CopyFailed,
        DownloadCodes,
        PrintCodes,
        CodesKept,
        RecoveryFileIntro,
        // The account page: password
        PasswordHeading,
        CurrentPasswordLabel,
        CurrentPasswordRequired,
        WrongPassword,
        PasswordChangeNote,
        ChangePasswordButton,
        ChangingPassword,
        PasswordChanged,
        NoPasswordSso,
        // Sessions
        SessionsHeading,
        SessionsIntro,
        ThisDevice,
        UnknownBrowser,
        UnknownSystem,
        SessionStarted,
        SessionLastUsed,
        EndSession,
        EndOtherSessions,
        NoOtherSessions,
        SessionEnded,
        // Two-step verification on the account page
        TwoStepHeading,
        TwoStepOffBody,
        TwoStepOnBody,
        TurnOn,
        TurnOff,
        TurningOff,
        TurnedOn,
        TurnedOff,
        RenewCodes,
        CodesLost,
        FewCodesLeft,
        RequiredByOrganisation,
        TwoStepAlreadyOn,
        // Confirming it is you
        ConfirmHeading,
        ConfirmPasswordIntro,
        ConfirmTurnOffIntro,
        ConfirmRenewIntro,
        ConfirmButton,
        Confirming,
        UseCodeInstead,
        UsePasswordInstead,
        ConfirmSsoOnly,
        Cancel,
        SecurityLoadFailed,
        // Passkeys on the account page
        PasskeysHeading,
        PasskeysIntro,
        NoPasskeys,
        PasskeyNameLabel,
        PasskeyNameHint,
        PasskeyNameRequired,
        PasskeyNameTooLong,
        AddPasskey,
        AddingPasskey,
        PasskeyAdded,
        PasskeyOnDevice,
        PasskeyAddFailed,
        PasskeyAddedOn,
        PasskeyNeverUsed,
        RenamePasskey,
        SaveName,
        PasskeyRenamed,
        PasskeyOfferHeading,
        PasskeyOfferBody,
        PasskeyOfferMake,
        PasskeyOfferNotNow,
        RemovePasskey,
        RemovePasskeyQuestion,
        RemovePasskeyYes,
        PasskeyRemoved,
    }
}

impl Catalogue for SecurityText {
    fn in_lang(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Nl => nl::text(self),
            Lang::En => en::text(self),
        }
    }
}

impl From<SecurityText> for Msg {
    fn from(text: SecurityText) -> Self {
        Msg::Screen(AnyText::from(text))
    }
}

/// "Je hebt nog 7 herstelcodes." — the count in the sentence, per language.
pub fn codes_left(lang: Lang, left: u32) -> String {
    match (lang, left) {
        (Lang::Nl, 1) => "Je hebt nog 1 herstelcode.".to_owned(),
        (Lang::Nl, n) => format!("Je hebt nog {n} herstelcodes."),
        (Lang::En, 1) => "You have 1 recovery code left.".to_owned(),
        (Lang::En, n) => format!("You have {n} recovery codes left."),
    }
}

/// What "end all other sessions" did, in words.
pub fn sessions_ended(lang: Lang, ended: u32) -> String {
    match (lang, ended) {
        (Lang::Nl, 0) => "Er waren geen andere sessies.".to_owned(),
        (Lang::Nl, 1) => "1 andere sessie is beëindigd.".to_owned(),
        (Lang::Nl, n) => format!("{n} andere sessies zijn beëindigd."),
        (Lang::En, 0) => "There were no other sessions.".to_owned(),
        (Lang::En, 1) => "1 other session was ended.".to_owned(),
        (Lang::En, n) => format!("{n} other sessions were ended."),
    }
}

/// "Chrome op Windows", with words for what the user agent did not say.
pub fn browser_on_system(lang: Lang, browser: Option<&str>, system: Option<&str>) -> String {
    let browser = browser.unwrap_or(SecurityText::UnknownBrowser.in_lang(lang));
    let system = system.unwrap_or(SecurityText::UnknownSystem.in_lang(lang));
    match lang {
        Lang::Nl => format!("{browser} op {system}"),
        Lang::En => format!("{browser} on {system}"),
    }
}

/// A moment in local time as people read it in a list: "3 dec. 2026, 09:41".
pub fn date_and_time(
    lang: Lang,
    year: u32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
) -> String {
    const NL: [&str; 12] = [
        "jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.",
        "dec.",
    ];
    const EN: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let names = match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    };
    let month = names
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("");
    format!("{day} {month} {year}, {hour:02}:{minute:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_security_text_is_translated() {
        crate::i18n::assert_fully_translated(SecurityText::ALL, &[]);
    }

    #[test]
    fn moments_read_as_a_date_and_a_time() {
        assert_eq!(
            date_and_time(Lang::Nl, 2026, 12, 3, 9, 41),
            "3 dec. 2026, 09:41"
        );
        assert_eq!(
            date_and_time(Lang::En, 2026, 5, 30, 17, 5),
            "30 May 2026, 17:05"
        );
        assert_eq!(date_and_time(Lang::En, 2026, 13, 1, 0, 0), "1  2026, 00:00");
    }

    #[test]
    fn counts_and_names_keep_each_languages_grammar() {
        assert_eq!(codes_left(Lang::Nl, 1), "Je hebt nog 1 herstelcode.");
        assert_eq!(codes_left(Lang::En, 7), "You have 7 recovery codes left.");
        assert_eq!(
            sessions_ended(Lang::Nl, 3),
            "3 andere sessies zijn beëindigd."
        );
        assert_eq!(sessions_ended(Lang::En, 1), "1 other session was ended.");
        assert_eq!(
            browser_on_system(Lang::Nl, Some("Firefox"), None),
            "Firefox op onbekend systeem"
        );
        assert_eq!(
            browser_on_system(Lang::En, None, Some("Android")),
            "Unknown browser on Android"
        );
    }
}
