//! De hulpartikelen in het Nederlands. Hoe je een antwoord opmaakt (alinea's, stappen,
//! links, contactgegevens) staat bovenaan `markup.rs`. De webadressen (slugs) staan in
//! `contract/src/routes.rs`.

use super::articles::{Article, Entry};

pub fn entry(article: Article) -> Entry {
    match article {
        Article::WhereToLogIn => Entry {
            question: "Waar log ik in?",
            keywords: "inloggen aanmelden login adres website pagina url startpagina eerste keer beginnen snelstart",
            body: "
Je logt in op de [aanmeldpagina](screen:login) van TopoCloud, de pagina waar deze hulp ook bij hoort.

1. Vul je gebruikersnaam in: dat is je e-mailadres.
2. Vul je wachtwoord in.
3. Druk op **Aanmelden**.

Je komt dan direct in je eigen TopoCloud-omgeving. Zet een vinkje bij **Ingelogd blijven** als je op dit apparaat aangemeld wilt blijven; doe dat niet op een gedeelde computer.

Is dit de eerste keer dat je TopoCloud gebruikt? Lees dan de [snelstartgids](guide:quick-start).
",
        },
        Article::WhatYouNeed => Entry {
            question: "Wat heb ik nodig om in te loggen?",
            keywords: "gebruikersnaam wachtwoord e-mailadres account uitnodiging uitgenodigd registreren geen mail ontvangen medewerker project hoofdaccount organisatie",
            body: "
Een gebruikersnaam en een wachtwoord. Je gebruikersnaam is je e-mailadres.

- Heb je je zelf geregistreerd? Dan koos je bij het registreren zelf je e-mailadres en wachtwoord.
- Heeft je organisatie het account voor je aangemaakt? Dan krijg je een uitnodiging per e-mail, op het adres dat je organisatie heeft ingevuld. Met de link in die e-mail accepteer je de uitnodiging en kies je je eigen wachtwoord.

Een hoofdaccount krijgt de uitnodiging meteen. Een medewerkersaccount krijgt de uitnodiging pas als de medewerker aan een project is toegevoegd.

Geen e-mail ontvangen? Kijk eerst in je spammap. Vraag daarna je organisatie of ze het juiste e-mailadres hebben gebruikt en, bij een medewerkersaccount, of je al aan een project bent toegevoegd. Een uitnodiging is {invitation_link_lifetime} geldig; is de link verlopen, lees dan [wat je doet als een link verlopen is](help:link-verlopen).
",
        },
        Article::ForgotPassword => Entry {
            question: "Ik ben mijn wachtwoord vergeten",
            keywords: "wachtwoord vergeten kwijt herstellen resetten opnieuw instellen nieuw wachtwoord aanvragen wijzigen veranderen",
            body: "
Zo stel je een nieuw wachtwoord in:

1. Klik op de aanmeldpagina op [Wachtwoord vergeten?](screen:forgot-password)
2. Vul het e-mailadres in waarmee je inlogt.
3. Druk op **Aanvragen**.
4. Binnen enkele ogenblikken krijg je een e-mail. Volg de stappen in die e-mail.

De link in de e-mail is {reset_link_lifetime} geldig en werkt één keer. Na het instellen van je nieuwe wachtwoord word je overal afgemeld; log daarna in met je nieuwe wachtwoord. Komt er geen e-mail? Kijk in je spammap en controleer of je het e-mailadres van je account hebt ingevuld.

Weet je je wachtwoord nog, maar wil je het veranderen? Log in en open [je account](screen:account): bij **Wachtwoord wijzigen** vul je het huidige en een nieuw wachtwoord in. Daar blijf je aangemeld; overal anders word je afgemeld.

Organisaties kunnen ook eenmalige aanmelding (single sign-on) instellen. Je logt dan in met je Microsoft-account en hebt geen apart wachtwoord nodig. Zie [Inloggen met Microsoft](help:inloggen-met-microsoft).
",
        },
        Article::CantLogIn => Entry {
            question: "Ik kan niet inloggen",
            keywords: "lukt niet werkt niet inloggen aanmelden klopt niet fout foutmelding probleem hulp contact bellen mailen support helpdesk",
            body: "
Ligt het aan je wachtwoord? [Vraag een nieuw wachtwoord aan](screen:forgot-password); hoe dat gaat lees je bij [Ik ben mijn wachtwoord vergeten](help:wachtwoord-vergeten).

Controleer ook even:

- of je het e-mailadres gebruikt waarmee je account is aangemaakt;
- of Caps Lock uitstaat en je wachtwoordmanager het juiste wachtwoord invult (zie [Caps Lock en wachtwoordmanagers](help:caps-lock-en-wachtwoordmanagers));
- of je de melding ‘Te veel pogingen’ ziet (zie [Ik krijg de melding ‘Te veel pogingen’](help:te-veel-pogingen));
- of je je e-mailadres al hebt bevestigd. Zo niet, dan biedt de aanmeldpagina aan om de bevestigingsmail opnieuw te sturen.

Lukt het dan nog steeds niet? Neem contact op met TopoCloud: mail naar {support_email} of bel {support_phone}.
",
        },
        Article::LinkExpired => Entry {
            question: "De link in mijn e-mail is verlopen of al gebruikt",
            keywords: "link verlopen ongeldig al gebruikt werkt niet e-mail mail uitnodiging bevestigen bevestiging activeren wachtwoordlink",
            body: "
Links in onze e-mails werken maar één keer en maar een beperkte tijd. Wat je doet, hangt af van de e-mail:

- **Nieuw wachtwoord**: de link is {reset_link_lifetime} geldig. [Vraag een nieuwe aan](screen:forgot-password). Oudere links blijven werken tot je er één gebruikt.
- **E-mailadres bevestigen**: de link is {verify_link_lifetime} geldig. Log in met je e-mailadres en wachtwoord; de aanmeldpagina biedt dan aan om een nieuwe bevestigingsmail te sturen.
- **Uitnodiging**: de link is {invitation_link_lifetime} geldig. Vraag degene die je uitnodigde om een nieuwe uitnodiging te sturen.

Zegt de pagina dat de link al is gebruikt? Dan bestaat je account al, of is je wachtwoord al ingesteld. [Log gewoon in](screen:login) met je e-mailadres; weet je het wachtwoord niet meer, [vraag dan een nieuw wachtwoord aan](screen:forgot-password).

Kopieer je de link uit de e-mail? Neem dan de hele link mee: een afgebroken link werkt niet.
",
        },
        Article::TooManyAttempts => Entry {
            question: "Ik krijg de melding ‘Te veel pogingen’",
            keywords: "te veel pogingen geblokkeerd vergrendeld wachten later opnieuw proberen limiet 429 aftellen",
            body: "
Na vijf mislukte pogingen om in te loggen met hetzelfde e-mailadres pauzeren we het inloggen voor dat adres even. Dat beschermt je account tegen mensen die je wachtwoord proberen te raden.

- De aanmeldpagina telt af tot je het opnieuw kunt proberen; dat is hooguit een kwartier.
- Wil je niet wachten? [Stel een nieuw wachtwoord in](screen:forgot-password). Daarmee vervalt de pauze meteen.
- Vraag je veel e-mails aan, zoals nieuwe wachtwoordlinks of bevestigingsmails? Dan sturen we er hooguit vijf per uur naar hetzelfde adres. Gebruik de e-mail die je al kreeg, of probeer het later opnieuw.

Weet je zeker dat je het goede wachtwoord typt? Kijk dan bij [Caps Lock en wachtwoordmanagers](help:caps-lock-en-wachtwoordmanagers).
",
        },
        Article::InvitedButSignedIn => Entry {
            question: "Ik ben uitgenodigd, maar ben ingelogd als iemand anders",
            keywords: "uitnodiging uitgenodigd ander account iemand anders ingelogd afmelden uitloggen collega gedeelde computer",
            body: "
Een uitnodiging is voor één e-mailadres. Ben je in deze browser nog ingelogd met een ander account, bijvoorbeeld dat van een collega op een gedeelde computer, dan kun je de uitnodiging niet accepteren. De pagina vertelt je met welk account je bent ingelogd.

1. Meld dat andere account af met **Afmelden**.
2. Open de link in je uitnodiging opnieuw.
3. Kies je naam en wachtwoord en accepteer de uitnodiging.

Wil je het andere account ingelogd laten? Open de uitnodiging dan in een privévenster of in een andere browser.
",
        },
        Article::MicrosoftSignIn => Entry {
            question: "Inloggen met Microsoft lukt niet",
            keywords: "microsoft sso single sign-on eenmalige aanmelding office 365 azure entra werkaccount afgebroken geen account",
            body: "
Als je organisatie eenmalige aanmelding heeft ingesteld, staat op de aanmeldpagina de knop **Inloggen met Microsoft**. Die logt je in met je Microsoft-werkaccount, zonder apart wachtwoord. TopoCloud vraagt dan ook geen code voor [tweestapsverificatie](help:tweestapsverificatie): Microsoft doet zijn eigen controle.

- **Je hebt het aanmelden afgebroken**: probeer het opnieuw en geef bij Microsoft toestemming.
- **Het duurde te lang of werd onderbroken**: begin opnieuw op de [aanmeldpagina](screen:login), in één tabblad, zonder de terugknop van je browser.
- **Er hoort geen TopoCloud-account bij dit Microsoft-account**: inloggen met Microsoft maakt geen account aan. Het e-mailadres van je Microsoft-account moet hetzelfde zijn als je TopoCloud-gebruikersnaam. Vraag je organisatie om een uitnodiging als je nog geen account hebt.
- **Deze manier van aanmelden is niet beschikbaar**: je organisatie gebruikt geen Microsoft-aanmelding (meer).

Je kunt altijd ook inloggen met je e-mailadres en wachtwoord. Weet je dat niet, [vraag dan een nieuw wachtwoord aan](screen:forgot-password).
",
        },
        Article::CapsLockAndPasswordManagers => Entry {
            question: "Caps Lock en wachtwoordmanagers",
            keywords: "caps lock hoofdletters kleine letters wachtwoordmanager wachtwoordbeheerder automatisch invullen opgeslagen tonen toetsenbord",
            body: "
Wachtwoorden zijn hoofdlettergevoelig: ‘Zomer’ is een ander wachtwoord dan ‘zomer’. Staat Caps Lock aan terwijl je je wachtwoord typt, dan waarschuwt de aanmeldpagina je. Met **Toon** zie je wat je hebt getypt.

Gebruik je een wachtwoordmanager (in je browser of een app)?

- Controleer of het opgeslagen wachtwoord bij dit adres hoort en niet bij een oude of andere website.
- Heb je een nieuw wachtwoord ingesteld? Werk het dan ook bij in je wachtwoordmanager.
- Plak je je wachtwoord? Let op dat er geen spatie voor of achter meekomt.

Werkt het nog steeds niet, lees dan [Ik kan niet inloggen](help:kan-niet-inloggen).
",
        },
        Article::TwoStepVerification => Entry {
            question: "Wat is tweestapsverificatie en hoe zet ik het aan?",
            keywords: "tweestapsverificatie twee stappen 2fa mfa tweefactorauthenticatie verificatie code zes cijfers geen code ontvangen sms authenticator app microsoft authenticator google authenticator qr-code sleutel aanzetten instellen inschakelen beveiligen vertrouwd apparaat verplicht",
            body: "
Met tweestapsverificatie vraagt TopoCloud na je wachtwoord ook om een code uit een app op je telefoon. Zo komt niemand in je account met alleen je wachtwoord, ook niet als iemand het heeft geraden of als het is uitgelekt.

Je hebt een authenticator-app nodig die codes van zes cijfers maakt, bijvoorbeeld Microsoft Authenticator, Google Authenticator of een wachtwoordmanager die codes kan maken. De app maakt elke 30 seconden een nieuwe code, ook zonder internet. TopoCloud stuurt de code niet per sms of e-mail: je ziet hem in de app.

Zo zet je het aan:

1. Log in en ga naar [je account](screen:account).
2. Kies **Tweestapsverificatie** en druk op **Aanzetten**.
3. Scan de QR-code met je app. Lukt scannen niet? Typ dan de sleutel die erbij staat over in de app.
4. Typ ter bevestiging de code die de app nu laat zien.
5. Je krijgt 10 herstelcodes. Kopieer, download of print ze en bewaar ze op een veilige plek, niet alleen op je telefoon. Je ziet ze maar één keer.

Daarna log je in met je wachtwoord en dan de code uit de app. Zet een vinkje bij **Dit apparaat 30 dagen vertrouwen** als je op dit apparaat niet elke keer een code wilt typen; doe dat niet op een gedeelde computer. Na een nieuw wachtwoord vraagt ook een vertrouwd apparaat weer om de code.

Je organisatie kan tweestapsverificatie verplicht stellen. Dan zet je het aan meteen nadat je je wachtwoord hebt ingevuld; TopoCloud leidt je er stap voor stap doorheen. Uitzetten kan dan niet.

Log je in met Microsoft? Dan vraagt TopoCloud geen code: Microsoft doet zijn eigen controle.

Telefoon kwijt? Lees [Ik ben mijn telefoon of authenticator-app kwijt](help:telefoon-kwijt). Wordt je code geweigerd? Lees [Mijn code wordt niet geaccepteerd](help:code-niet-geaccepteerd).
",
        },
        Article::LostAuthenticator => Entry {
            question: "Ik ben mijn telefoon of authenticator-app kwijt",
            keywords: "telefoon kwijt verloren gestolen kapot nieuwe telefoon ander toestel app verwijderd herstelcode herstelcodes reservecode back-up codes vernieuwen support",
            body: "
Geen paniek: met een herstelcode kom je toch binnen. Je kreeg er 10 toen je tweestapsverificatie aanzette.

1. Log in met je e-mailadres en wachtwoord.
2. Klik bij de vraag om de code op **Gebruik een herstelcode**.
3. Typ een van je herstelcodes. Hoofdletters, spaties en het streepje maken niet uit.

Elke herstelcode werkt één keer. Streep de gebruikte code door of haal hem uit je lijst.

Ben je binnen? Ga dan meteen naar [je account](screen:account), bij **Tweestapsverificatie**:

- **Nieuwe telefoon?** Zet tweestapsverificatie uit en weer aan, en scan de nieuwe QR-code met de app op je nieuwe telefoon. De app op je oude telefoon werkt dan niet meer voor TopoCloud.
- **Nog maar een paar herstelcodes over?** Vraag nieuwe herstelcodes aan. De oude werken dan niet meer.

TopoCloud vraagt daarvoor eerst nog een keer je wachtwoord. Stelt je organisatie tweestapsverificatie verplicht, dan kun je het niet zelf uitzetten; neem dan contact op met TopoCloud om je nieuwe telefoon te koppelen.

Geen herstelcodes meer, of kun je ze niet vinden? Dan kom je niet zelf binnen. Neem contact op met TopoCloud: mail naar {support_email} of bel {support_phone}. Een nieuw wachtwoord aanvragen helpt hier niet: ook daarna vraagt TopoCloud om de code.
",
        },
        Article::Passkeys => Entry {
            question: "Inloggen met een toegangssleutel (passkey)",
            keywords: "toegangssleutel toegangssleutels passkey passkeys inloggen zonder wachtwoord vingerafdruk gezicht face id touch id pincode windows hello telefoon sleutel webauthn fido nagemaakte site phishing werkt niet kent niet meer verwijderen kwijt",
            body: "
Met een toegangssleutel (in het Engels *passkey*) log je in zonder wachtwoord en zonder code: je telefoon of computer vraagt je vingerafdruk, je gezicht of de pincode van het apparaat. Dat telt als beide stappen van tweestapsverificatie. Een toegangssleutel werkt alleen op de echte TopoCloud-site, dus een nagemaakte site kan er niets mee.

Een toegangssleutel maken:

1. Log in en ga naar [je account](screen:account).
2. Kies bij **Toegangssleutels (passkeys)** een naam, bijvoorbeeld ‘Telefoon’ of ‘Laptop kantoor’, en druk op **Toegangssleutel toevoegen**.
3. Volg wat je apparaat vraagt. Je krijgt een bevestiging per e-mail.

Na het inloggen met je wachtwoord bieden we dit ook één keer aan: druk op **Toegangssleutel maken**, of op **Niet nu**.

Inloggen: druk op de aanmeldpagina op **Inloggen met een toegangssleutel**, of klik in het veld **E-mailadres** en kies je toegangssleutel uit de lijst die je browser toont. Je hoeft geen e-mailadres te typen.

Werkt het niet?

- **Geen knop te zien?** Je browser kan nog niet met toegangssleutels werken. Werk hem bij, of log in met je e-mailadres en wachtwoord.
- **‘TopoCloud kent deze toegangssleutel niet (meer)’?** Hij is van je account verwijderd. Log in met je e-mailadres en wachtwoord en maak een nieuwe. Verwijder de oude ook uit je apparaat of wachtwoordmanager.
- **Je browser toont geen toegangssleutel?** Gebruik het apparaat waarop je hem maakte, of kies in de melding van je browser voor een ander apparaat (bijvoorbeeld je telefoon, via de QR-code).
- **Het dialoogvenster gesloten?** Er is niets gebeurd; druk opnieuw op de knop.

Apparaat kwijt of verkocht? Log in op een ander apparaat en verwijder die toegangssleutel bij **Toegangssleutels (passkeys)** op [je account](screen:account). Hij werkt dan meteen niet meer. Kom je er niet uit, neem dan contact op met TopoCloud: mail naar {support_email} of bel {support_phone}.
",
        },
        Article::CodeNotAccepted => Entry {
            question: "Mijn code wordt niet geaccepteerd",
            keywords: "code klopt niet fout onjuist ongeldig geweigerd werkt niet zes cijfers authenticator tijd klok datum verkeerd account al gebruikt",
            body: "
De codes in je app hangen af van de tijd. Meestal is het een van deze dingen:

- **De klok van je telefoon loopt niet gelijk.** Zet datum en tijd op automatisch in de instellingen van je telefoon: op een iPhone bij Instellingen → Algemeen → Datum en tijd → Stel automatisch in; op Android zoek je in de instellingen naar ‘datum en tijd’. Loopt de klok voor of achter, dan klopt de code niet.
- **De code veranderde terwijl je typte.** Er komt elke 30 seconden een nieuwe code. Wacht op de volgende en typ die meteen.
- **Je gebruikte deze code al.** Elke code werkt één keer. Heb je er net mee ingelogd of iets bevestigd? Wacht dan op de volgende code.
- **Je kijkt bij het verkeerde account in de app.** Staan er meer accounts in je app, kies dan die van TopoCloud met jouw e-mailadres.

Zie je de melding ‘Te veel pogingen’? Dan pauzeren we het even, zodat niemand je code kan raden. Wacht tot het aftellen klaar is; zie [Ik krijg de melding ‘Te veel pogingen’](help:te-veel-pogingen).

Werkt de app helemaal niet, of heb je je telefoon niet bij de hand? Gebruik dan een herstelcode: lees [Ik ben mijn telefoon of authenticator-app kwijt](help:telefoon-kwijt).
",
        },
    }
}
