//! Every address of the site, defined once: its screens, the help articles' slugs in both
//! languages, and the API paths (`paths`). The site's router and links, the backend's
//! emailed links and redirects, and the tests all use these, so a renamed route is a
//! compile error rather than a dead link in someone's mailbox.

use crate::Locale;

/// Opens the login page.
pub const ROOT: &str = "/";
/// Signing in; never a destination after signing in (that would be a loop).
pub const LOGIN: &str = "/users/login";
/// Self-registration.
pub const REGISTER: &str = "/users/register";
/// Where the verification email's link lands (`#token=…`).
pub const VERIFY_EMAIL: &str = "/users/verify-email";
/// Asking for the confirmation email again (linked from the login page).
pub const CONFIRMATION_EMAIL: &str = "/users/confirmation-email";
/// Where an invitation email's link lands (`#token=…`).
pub const INVITATION: &str = "/users/invitation";
/// Asking for a password-reset link.
pub const FORGOT_PASSWORD: &str = "/users/forgot-password";
/// Where a reset email's link lands (`#token=…`): choosing the new password.
pub const RESET_PASSWORD: &str = "/users/reset-password";
/// The second sign-in step (a code from the authenticator app), after a right password.
pub const SECOND_STEP: &str = "/users/second-step";
/// The signed-in person's own page, and the default destination after signing in.
pub const ACCOUNT: &str = "/account";
/// The help centre's list of questions; an article is at `/help/<slug>`.
pub const HELP: &str = "/help";

/// Every screen's path, for the router's tests and the deployment's shape tests.
pub const SCREENS: &[&str] = &[
    ROOT,
    LOGIN,
    REGISTER,
    VERIFY_EMAIL,
    CONFIRMATION_EMAIL,
    INVITATION,
    FORGOT_PASSWORD,
    RESET_PASSWORD,
    SECOND_STEP,
    ACCOUNT,
    HELP,
];

/// Every help article, in the order the help centre lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HelpArticle {
    WhereToLogIn,
    WhatYouNeed,
    ForgotPassword,
    CantLogIn,
    LinkExpired,
    TooManyAttempts,
    InvitedButSignedIn,
    MicrosoftSignIn,
    CapsLockAndPasswordManagers,
    TwoStepVerification,
    LostAuthenticator,
    CodeNotAccepted,
    Passkeys,
}

impl HelpArticle {
    pub const ALL: &'static [HelpArticle] = &[
        HelpArticle::WhereToLogIn,
        HelpArticle::WhatYouNeed,
        HelpArticle::ForgotPassword,
        HelpArticle::CantLogIn,
        HelpArticle::LinkExpired,
        HelpArticle::TooManyAttempts,
        HelpArticle::InvitedButSignedIn,
        HelpArticle::MicrosoftSignIn,
        HelpArticle::CapsLockAndPasswordManagers,
        HelpArticle::TwoStepVerification,
        HelpArticle::LostAuthenticator,
        HelpArticle::CodeNotAccepted,
        HelpArticle::Passkeys,
    ];

    /// The article's address in one language: `/help/<slug>`. Links in emails and
    /// bookmarks point here, so a published slug never changes (add an article instead).
    pub fn slug(self, locale: Locale) -> &'static str {
        use HelpArticle::*;
        match (self, locale) {
            (WhereToLogIn, Locale::Nl) => "waar-log-ik-in",
            (WhereToLogIn, Locale::En) => "where-do-i-log-in",
            (WhatYouNeed, Locale::Nl) => "wat-heb-ik-nodig",
            (WhatYouNeed, Locale::En) => "what-do-i-need",
            (ForgotPassword, Locale::Nl) => "wachtwoord-vergeten",
            (ForgotPassword, Locale::En) => "forgot-password",
            (CantLogIn, Locale::Nl) => "kan-niet-inloggen",
            (CantLogIn, Locale::En) => "cant-log-in",
            (LinkExpired, Locale::Nl) => "link-verlopen",
            (LinkExpired, Locale::En) => "link-expired",
            (TooManyAttempts, Locale::Nl) => "te-veel-pogingen",
            (TooManyAttempts, Locale::En) => "too-many-attempts",
            (InvitedButSignedIn, Locale::Nl) => "uitnodiging-ander-account",
            (InvitedButSignedIn, Locale::En) => "invitation-other-account",
            (MicrosoftSignIn, Locale::Nl) => "inloggen-met-microsoft",
            (MicrosoftSignIn, Locale::En) => "microsoft-sign-in",
            (CapsLockAndPasswordManagers, Locale::Nl) => "caps-lock-en-wachtwoordmanagers",
            (CapsLockAndPasswordManagers, Locale::En) => "caps-lock-and-password-managers",
            (TwoStepVerification, Locale::Nl) => "tweestapsverificatie",
            (TwoStepVerification, Locale::En) => "two-step-verification",
            (LostAuthenticator, Locale::Nl) => "telefoon-kwijt",
            (LostAuthenticator, Locale::En) => "lost-my-phone",
            (CodeNotAccepted, Locale::Nl) => "code-niet-geaccepteerd",
            (CodeNotAccepted, Locale::En) => "code-not-accepted",
            (Passkeys, Locale::Nl) => "toegangssleutels",
            (Passkeys, Locale::En) => "passkeys",
        }
    }

    /// `/help/<slug>` in `locale`.
    pub fn path(self, locale: Locale) -> String {
        format!("{HELP}/{}", self.slug(locale))
    }

    /// Dutch and English slugs both lead to the article; letter case and a trailing
    /// slash are forgiven, because people retype addresses from paper and screenshots.
    pub fn from_slug(slug: &str) -> Option<Self> {
        let wanted = slug.trim().trim_end_matches('/');
        Self::ALL.iter().copied().find(|article| {
            [Locale::Nl, Locale::En]
                .iter()
                .any(|locale| article.slug(*locale).eq_ignore_ascii_case(wanted))
        })
    }
}

/// Everything of single sign-on lives under this prefix of [`paths`] (its flow cookie is
/// scoped to it). A prefix, not a route: so it stands outside `paths`, whose every
/// constant is routed and documented.
pub const SSO_PREFIX: &str = "/api/sso";

/// The passkey sign-in ceremony's cookie is scoped to this prefix of [`paths`]; outside
/// `paths` for the same reason as [`SSO_PREFIX`].
pub const PASSKEYS_PREFIX: &str = "/api/passkeys";

/// Paths of the API, relative to the site's origin.
pub mod paths {
    pub const CONFIG: &str = "/api/config";
    pub const SESSION: &str = "/api/session";
    pub const REGISTRATIONS: &str = "/api/registrations";
    pub const EMAIL_VERIFICATIONS: &str = "/api/email-verifications";
    pub const EMAIL_VERIFICATIONS_RESEND: &str = "/api/email-verifications/resend";
    pub const INVITATIONS_LOOKUP: &str = "/api/invitations/lookup";
    pub const INVITATIONS_ACCEPT: &str = "/api/invitations/accept";
    pub const PASSWORD_RESETS: &str = "/api/password-resets";
    pub const PASSWORD_RESETS_LOOKUP: &str = "/api/password-resets/lookup";
    pub const PASSWORD_RESETS_COMPLETE: &str = "/api/password-resets/complete";
    /// `GET`: the challenge of this browser; `POST`: the code that completes sign-in.
    pub const SECOND_STEP: &str = "/api/session/second-step";
    /// `POST`: a key for an account that must turn two-step verification on to sign in.
    pub const SECOND_STEP_ENROLMENT: &str = "/api/session/second-step/enrolment";
    /// `POST`: its first code; signs in and answers the recovery codes.
    pub const SECOND_STEP_ENROLMENT_CONFIRM: &str = "/api/session/second-step/enrolment/confirm";
    pub const ACCOUNT_SECURITY: &str = "/api/account/security";
    pub const ACCOUNT_REAUTHENTICATE: &str = "/api/account/reauthenticate";
    pub const ACCOUNT_PASSWORD: &str = "/api/account/password";
    pub const ACCOUNT_SESSIONS: &str = "/api/account/sessions";
    pub const ACCOUNT_SESSIONS_END_OTHERS: &str = "/api/account/sessions/end-others";
    /// `DELETE`: end one session (its [`crate::SessionSummary::id`]).
    pub const ACCOUNT_SESSION: &str = "/api/account/sessions/{id}";
    pub const TWO_STEP_SETUP: &str = "/api/account/two-step/setup";
    pub const TWO_STEP_CONFIRM: &str = "/api/account/two-step/confirm";
    pub const TWO_STEP_DISABLE: &str = "/api/account/two-step/disable";
    pub const TWO_STEP_RECOVERY_CODES: &str = "/api/account/two-step/recovery-codes";
    /// `POST`: options to sign in with a passkey (no session needed) and the ceremony's
    /// challenge cookie, scoped to [`super::PASSKEYS_PREFIX`].
    pub const PASSKEY_AUTHENTICATION_OPTIONS: &str = "/api/passkeys/authentication/options";
    /// `POST`: the browser's assertion for those options; signs in.
    pub const PASSKEY_AUTHENTICATION: &str = "/api/passkeys/authentication";
    /// `GET`: the account's passkeys; `POST`: add one (the browser's new credential).
    pub const ACCOUNT_PASSKEYS: &str = "/api/account/passkeys";
    /// `POST`: options to add a passkey (needs a recent sign-in) and the ceremony's
    /// challenge cookie, scoped to [`ACCOUNT_PASSKEYS`].
    pub const PASSKEY_REGISTRATION_OPTIONS: &str = "/api/account/passkeys/registration/options";
    /// `POST`: rename one passkey (its [`crate::PasskeySummary::id`]); `DELETE`: remove it.
    pub const ACCOUNT_PASSKEY: &str = "/api/account/passkeys/{id}";
    /// Single sign-on starts here (a full-page navigation, `?return_to=…`) ...
    pub const SSO_START: &str = "/api/sso/{provider}/start";
    /// ... and the provider sends the person back here.
    pub const SSO_CALLBACK: &str = "/api/sso/{provider}/callback";

    /// Every path above, as routed by the backend and documented in openapi.yaml.
    pub const ALL: &[&str] = &[
        CONFIG,
        SESSION,
        REGISTRATIONS,
        EMAIL_VERIFICATIONS,
        EMAIL_VERIFICATIONS_RESEND,
        INVITATIONS_LOOKUP,
        INVITATIONS_ACCEPT,
        PASSWORD_RESETS,
        PASSWORD_RESETS_LOOKUP,
        PASSWORD_RESETS_COMPLETE,
        SECOND_STEP,
        SECOND_STEP_ENROLMENT,
        SECOND_STEP_ENROLMENT_CONFIRM,
        ACCOUNT_SECURITY,
        ACCOUNT_REAUTHENTICATE,
        ACCOUNT_PASSWORD,
        ACCOUNT_SESSIONS,
        ACCOUNT_SESSIONS_END_OTHERS,
        ACCOUNT_SESSION,
        TWO_STEP_SETUP,
        TWO_STEP_CONFIRM,
        TWO_STEP_DISABLE,
        TWO_STEP_RECOVERY_CODES,
        PASSKEY_AUTHENTICATION_OPTIONS,
        PASSKEY_AUTHENTICATION,
        ACCOUNT_PASSKEYS,
        PASSKEY_REGISTRATION_OPTIONS,
        ACCOUNT_PASSKEY,
        SSO_START,
        SSO_CALLBACK,
    ];

    /// [`ACCOUNT_SESSION`] for one session.
    pub fn account_session(id: &str) -> String {
        ACCOUNT_SESSION.replace("{id}", id)
    }

    /// [`ACCOUNT_PASSKEY`] for one passkey.
    pub fn account_passkey(id: &str) -> String {
        ACCOUNT_PASSKEY.replace("{id}", id)
    }

    /// [`SSO_START`] for one provider (its id from the site configuration).
    pub fn sso_start(provider: &str) -> String {
        SSO_START.replace("{provider}", provider)
    }

    /// [`SSO_CALLBACK`] for one provider: where it must send the person back.
    pub fn sso_callback(provider: &str) -> String {
        SSO_CALLBACK.replace("{provider}", provider)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_sign_on_paths_sit_under_their_cookie_scope() {
        for path in [paths::SSO_START, paths::SSO_CALLBACK] {
            assert!(path.starts_with(&format!("{SSO_PREFIX}/")), "{path}");
        }
        assert_eq!(
            paths::sso_callback("microsoft"),
            "/api/sso/microsoft/callback"
        );
    }

    #[test]
    fn every_slug_leads_back_to_its_article_and_no_two_are_alike() {
        let mut seen = std::collections::BTreeSet::new();
        for article in HelpArticle::ALL {
            for locale in [Locale::Nl, Locale::En] {
                let slug = article.slug(locale);
                assert!(seen.insert(slug), "{slug} twice");
                assert_eq!(HelpArticle::from_slug(slug), Some(*article));
                assert_eq!(
                    HelpArticle::from_slug(&format!("{}/", slug.to_uppercase())),
                    Some(*article)
                );
                assert_eq!(article.path(locale), format!("/help/{slug}"));
            }
        }
        assert_eq!(HelpArticle::from_slug("no-such-article"), None);
    }

    #[test]
    fn screens_are_distinct_same_origin_paths() {
        let unique: std::collections::BTreeSet<_> = SCREENS.iter().collect();
        assert_eq!(unique.len(), SCREENS.len());
        assert!(SCREENS
            .iter()
            .all(|p| p.starts_with('/') && !p.starts_with("//")));
        assert!(!SCREENS.iter().any(|p| p.starts_with("/api")));
    }

    #[test]
    fn passkey_ceremonies_sit_under_their_cookie_scopes() {
        for path in [
            paths::PASSKEY_AUTHENTICATION_OPTIONS,
            paths::PASSKEY_AUTHENTICATION,
        ] {
            assert!(path.starts_with(&format!("{}/", PASSKEYS_PREFIX)));
        }
        assert!(paths::PASSKEY_REGISTRATION_OPTIONS
            .starts_with(&format!("{}/", paths::ACCOUNT_PASSKEYS)));
        assert_eq!(paths::account_passkey("ab12"), "/api/account/passkeys/ab12");
    }

    #[test]
    fn sso_start_names_the_provider() {
        assert_eq!(paths::sso_start("microsoft"), "/api/sso/microsoft/start");
    }
}
