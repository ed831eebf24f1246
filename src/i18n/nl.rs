use super::Text;

/// Dutch: the product's first language. Informal "je", as TopoCloud writes.
pub fn text(text: Text) -> &'static str {
    match text {
        Text::ProductName => "TopoCloud",
        Text::SkipToContent => "Naar de inhoud",
        Text::SwitchLanguage => "English",
        Text::SwitchLanguageLabel => "Switch to English",
        Text::Loading => "Even geduld…",
        Text::LoginTitle => "Aanmelden bij TopoCloud",
        Text::LoginIntro => "Meld je aan met je e-mailadres en wachtwoord.",
        Text::EmailLabel => "E-mailadres",
        Text::PasswordLabel => "Wachtwoord",
        Text::SignInButton => "Aanmelden",
        Text::SigningIn => "Bezig met aanmelden…",
        Text::AccountTitle => "Je account",
        Text::SignedInAs => "Je bent aangemeld als",
        Text::SignOutButton => "Afmelden",
        Text::SigningOut => "Bezig met afmelden…",
        Text::NotFoundTitle => "Pagina niet gevonden",
        Text::NotFoundBody => "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de aanmeldpagina.",
        Text::GoToLogin => "Naar aanmelden",
        Text::FormHasErrors => "Controleer de gemarkeerde velden.",
        Text::EmailRequired => "Vul je e-mailadres in.",
        Text::EmailInvalid => "Vul een geldig e-mailadres in, bijvoorbeeld naam@bedrijf.nl.",
        Text::PasswordRequired => "Vul je wachtwoord in.",
        Text::InvalidCredentials => "Het e-mailadres of het wachtwoord klopt niet. Controleer beide en probeer het opnieuw.",
        Text::EmailNotVerified => "Je e-mailadres is nog niet bevestigd. Open de link in de e-mail die we je stuurden.",
        Text::TooManyAttempts => "Te veel pogingen. Wacht even en probeer het daarna opnieuw.",
        Text::NetworkDown => "Geen verbinding met TopoCloud. Controleer je internetverbinding en probeer het opnieuw.",
        Text::TimedOut => "TopoCloud reageert niet op tijd. Probeer het opnieuw.",
        Text::ServerError => "Er ging iets mis aan onze kant. Probeer het over een paar minuten opnieuw.",
        Text::MalformedAnswer => "TopoCloud gaf een onverwacht antwoord. Probeer het opnieuw.",
        Text::RequestRefused => "Je verzoek werd geweigerd. Vernieuw de pagina en probeer het opnieuw.",
        Text::TryAgain => "Opnieuw proberen",
    }
}
