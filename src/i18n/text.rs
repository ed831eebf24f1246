/// Declares a catalogue enum once, so its `ALL` can never miss a variant. Screens with a
/// lot of their own text (the help centre, account creation) declare their own enum with
/// this and implement [`super::Catalogue`] for it in their own file.
macro_rules! catalogue {
    ($(#[$meta:meta])* $enum:ident { $($name:ident),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $enum { $($name),+ }

        impl $enum {
            pub const ALL: &'static [$enum] = &[$($enum::$name),+];
        }
    };
}
pub(crate) use catalogue;

catalogue! {
    /// The strings every screen shares, and the login and account screens' own.
    Text {
    ProductName,
    SkipToContent,
    SwitchLanguage,
    SwitchLanguageLabel,
    Loading,
    // Login
    LoginTitle,
    LoginIntro,
    EmailLabel,
    PasswordLabel,
    SignInButton,
    SigningIn,
    // Account
    AccountTitle,
    SignedInAs,
    SignOutButton,
    SigningOut,
    // Not found
    NotFoundTitle,
    NotFoundBody,
    GoToLogin,
    // Form validation
    FormHasErrors,
    EmailRequired,
    EmailInvalid,
    EmailTooLong,
    PasswordRequired,
    // Errors from the backend or the network
    InvalidCredentials,
    EmailNotVerified,
    TooManyAttempts,
    NetworkDown,
    TimedOut,
    ServerError,
    MalformedAnswer,
    RequestRefused,
    TryAgain,
    ForgotPassword,
    CantSignIn,
    NoAccountYet,
    CreateAccount,
    FirstTimeHint,
    QuickStartLink,
    OpensInNewTab,
    RememberMe,
    PasswordSuffix,
    ShowShort,
    HideShort,
    CapsLockOn,
    SignInWith,
    Or,
    CanTryAgainNow,
    ResendVerification,
    VerificationResent,
    SsoCancelled,
    SsoFailed,
    SsoStateMismatch,
    SsoNoAccount,
    SsoUnavailable,
    SignInWithPasskey,
    PasskeyUnknown,
    PasskeyFailed,
    RuleMinLengthPrefix,
    RuleMinLengthSuffix,
    RuleLetter,
    RuleDigit,
    RuleNotCommon,
    RuleMet,
    RuleNotMet,
    RulesAllMet,
    RulesHeading,
    PasswordTooShort,
    PasswordTooLong,
    PasswordNeedsLetter,
    PasswordNeedsDigit,
    PasswordNotPrintable,
    PasswordTooCommon,
    NewPasswordLabel,
}
}

impl Text {
    /// Strings that are legitimately identical in both languages.
    pub const SAME_IN_BOTH: &'static [Text] = &[Text::ProductName];
}
