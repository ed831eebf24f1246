//! Common and breached passwords, refused whatever the length rules say.

use std::collections::HashSet;

const SHIPPED: &str = include_str!("../data/common-passwords.txt");

pub struct Blocklist(HashSet<String>);

impl Blocklist {
    pub fn shipped() -> Self {
        Self::from_lines(SHIPPED)
    }

    pub fn from_lines(text: &str) -> Self {
        Self(
            text.lines()
                .map(|line| line.trim().to_lowercase())
                .filter(|line| !line.is_empty())
                .collect(),
        )
    }

    /// Case-insensitive, and ignoring surrounding spaces, so "Password " is refused too.
    pub fn contains(&self, password: &str) -> bool {
        self.0.contains(&password.trim().to_lowercase())
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_at_least_ten_thousand_common_passwords() {
        let list = Blocklist::shipped();
        assert!(list.len() >= 10_000, "only {}", list.len());
        for common in [
            "123456",
            "password",
            "qwerty",
            "iloveyou",
            "wachtwoord",
            "Welkom123 ",
        ] {
            assert!(list.contains(common), "{common} must be refused");
        }
        assert!(!list.contains("TopoCloud-demo-2026"));
    }
}
