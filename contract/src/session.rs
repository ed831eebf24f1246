use serde::{Deserialize, Serialize};

/// `POST /api/session`: sign in with email (the username) and password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInRequest {
    pub email: String,
    pub password: String,
    /// Keep the session across browser restarts ("Ingelogd blijven").
    #[serde(default)]
    pub remember: bool,
}

/// `GET /api/session` and the answer to a successful sign-in: who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionInfo {
    pub email: String,
    pub name: String,
}
