/// Declares the catalogue once, so `Text::ALL` can never miss a variant.
macro_rules! catalogue {
    ($($name:ident),+ $(,)?) => {
        /// Every string the site shows, named by what it is in the product.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Text { $($name),+ }

        impl Text {
            pub const ALL: &'static [Text] = &[$(Text::$name),+];
        }
    };
}

catalogue! {
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
}

impl Text {
    /// Strings that are legitimately identical in both languages.
    pub const SAME_IN_BOTH: &'static [Text] = &[Text::ProductName];
}
