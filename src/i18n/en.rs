use super::Text;

/// English: the second language.
pub fn text(text: Text) -> &'static str {
    match text {
        Text::ProductName => "TopoCloud",
        Text::SkipToContent => "Skip to content",
        Text::SwitchLanguage => "Nederlands",
        Text::SwitchLanguageLabel => "Schakel naar Nederlands",
        Text::Loading => "One moment…",
        Text::LoginTitle => "Sign in to TopoCloud",
        Text::LoginIntro => "Sign in with your email address and password.",
        Text::EmailLabel => "Email address",
        Text::PasswordLabel => "Password",
        Text::SignInButton => "Sign in",
        Text::SigningIn => "Signing in…",
        Text::AccountTitle => "Your account",
        Text::SignedInAs => "You are signed in as",
        Text::SignOutButton => "Sign out",
        Text::SigningOut => "Signing out…",
        Text::NotFoundTitle => "Page not found",
        Text::NotFoundBody => {
            "This page does not exist (any more). Check the address or go to the sign-in page."
        }
        Text::GoToLogin => "Go to sign in",
        Text::FormHasErrors => "Please check the marked fields.",
        Text::EmailRequired => "Enter your email address.",
        Text::EmailInvalid => "Enter a valid email address, for example name@company.com.",
        Text::EmailTooLong => "This email address is too long: an email address has at most 254 characters.",
        Text::PasswordRequired => "Enter your password.",
        Text::InvalidCredentials => {
            "The email address or password is not correct. Check both and try again."
        }
        Text::EmailNotVerified => {
            "Your email address is not confirmed yet. Open the link in the email we sent you."
        }
        Text::TooManyAttempts => "Too many attempts. Wait a moment, then try again.",
        Text::NetworkDown => {
            "Cannot reach TopoCloud. Check your internet connection and try again."
        }
        Text::TimedOut => "TopoCloud did not answer in time. Please try again.",
        Text::ServerError => "Something went wrong on our side. Please try again in a few minutes.",
        Text::MalformedAnswer => "TopoCloud gave an unexpected answer. Please try again.",
        Text::RequestRefused => "Your request was refused. Reload the page and try again.",
        Text::TryAgain => "Try again",
        Text::ForgotPassword => "Forgot your password?",
        Text::CantSignIn => "Can't sign in?",
        Text::NoAccountYet => "No account yet?",
        Text::CreateAccount => "Create an account",
        Text::FirstTimeHint => "First time in TopoCloud?",
        Text::QuickStartLink => "Read the quick-start guide",
        Text::OpensInNewTab => "(opens in a new tab)",
        Text::RememberMe => "Keep me signed in",
        Text::PasswordSuffix => " password",
        Text::ShowShort => "Show",
        Text::HideShort => "Hide",
        Text::CapsLockOn => "Note: Caps Lock is on.",
        Text::SignInWith => "Sign in with",
        Text::Or => "or",
        Text::CanTryAgainNow => "You can try again now.",
        Text::ResendVerification => "Send the confirmation email again",
        Text::VerificationResent => "If this address still needs confirming, a new email is on its way. Check your spam folder too.",
        Text::SsoCancelled => "You cancelled signing in with Microsoft. Try again or sign in with your email address and password.",
        Text::SsoFailed => "Signing in with Microsoft did not work. Try again or sign in with your email address and password.",
        Text::SsoStateMismatch => "Signing in with Microsoft took too long or was interrupted. Please try again.",
        Text::SsoNoAccount => "There is no TopoCloud account for this Microsoft account. Sign in with your email address and password, or ask your organisation for an invitation.",
        Text::SsoUnavailable => "This way of signing in is not available. Sign in with your email address and password.",
        Text::SignInWithPasskey => "Sign in with a passkey",
        Text::PasskeyUnknown => "TopoCloud does not know this passkey (any more). Sign in with your email address and password; you can add a new one on your account page.",
        Text::PasskeyFailed => "Signing in with the passkey did not work. Try again, or sign in with your email address and password.",
        Text::RuleMinLengthPrefix => "At least",
        Text::RuleMinLengthSuffix => "characters",
        Text::RuleLetter => "At least one letter",
        Text::RuleDigit => "At least one digit",
        Text::RuleNotCommon => "Not a common or previously leaked password",
        Text::RuleMet => "met",
        Text::RuleNotMet => "not met yet",
        Text::RulesAllMet => "Your password meets every requirement.",
        Text::RulesHeading => "Your password needs:",
        Text::PasswordTooShort => "Your password is too short.",
        Text::PasswordTooLong => "Your password is too long.",
        Text::PasswordNeedsLetter => "Your password needs at least one letter.",
        Text::PasswordNeedsDigit => "Your password needs at least one digit.",
        Text::PasswordNotPrintable => "Your password contains a character that is not allowed, such as a tab or a line break.",
        Text::PasswordTooCommon => "This password is too well known: it is on a list of common or leaked passwords. Choose another one.",
        Text::NewPasswordLabel => "New password",
    }
}
