use serde::{Deserialize, Serialize};

/// The language of a person's emails. Dutch first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    Nl,
    En,
}

impl Locale {
    pub fn code(self) -> &'static str {
        match self {
            Locale::Nl => "nl",
            Locale::En => "en",
        }
    }

    /// Stored values that are not a known code fall back to Dutch.
    pub fn from_code(code: &str) -> Self {
        match code {
            "en" => Locale::En,
            _ => Locale::Nl,
        }
    }

    /// A language tag as browsers and people write it (`nl-BE`, `EN-gb`), if it names one
    /// of the two languages.
    pub fn from_tag(tag: &str) -> Option<Self> {
        match tag.get(..2).map(str::to_ascii_lowercase).as_deref() {
            Some("nl") => Some(Locale::Nl),
            Some("en") => Some(Locale::En),
            _ => None,
        }
    }

    /// The language the switch offers.
    pub fn other(self) -> Self {
        match self {
            Locale::Nl => Locale::En,
            Locale::En => Locale::Nl,
        }
    }
}
