use crate::PasswordPolicy;
use serde::{Deserialize, Serialize};

/// `GET /api/config`: what the site adapts to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteConfig {
    pub registration_open: bool,
    #[serde(default)]
    pub sso_providers: Vec<SsoProvider>,
    pub password_policy: PasswordPolicy,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SsoProvider {
    /// Path segment of `/api/sso/{id}/start`, e.g. `microsoft`.
    pub id: String,
    /// What the button says after "Inloggen met" / "Sign in with".
    pub label: String,
}
