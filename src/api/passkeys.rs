//! Passkey calls. The WebAuthn options travel as text from the server to the browser
//! (`crate::webauthn`) and the credential back, never parsed into Rust types.

use super::{expect_success, post, read_json, read_problem, send, url, write, ApiError};
use gloo_net::http::Request;
use topocloud_contract::{paths, NewPasskey, PasskeyRename, PasskeySummary};

#[derive(serde::Serialize)]
struct NoFields {}

async fn options_text(path: &str) -> Result<String, ApiError> {
    let response = post(path, &NoFields {}).await?;
    if !response.ok() {
        return Err(read_problem(response).await);
    }
    response.text().await.map_err(|_| ApiError::Network)
}

pub async fn passkeys() -> Result<Vec<PasskeySummary>, ApiError> {
    read_json(send(Request::get(&url(paths::ACCOUNT_PASSKEYS)), None).await?).await
}

/// `{"publicKey": PublicKeyCredentialCreationOptionsJSON}` as text.
pub async fn passkey_registration_options() -> Result<String, ApiError> {
    options_text(paths::PASSKEY_REGISTRATION_OPTIONS).await
}

pub async fn add_passkey(name: &str, credential: &str) -> Result<PasskeySummary, ApiError> {
    let request = NewPasskey {
        name: name.to_owned(),
        credential: serde_json::from_str(credential).map_err(|_| ApiError::Malformed)?,
    };
    read_json(post(paths::ACCOUNT_PASSKEYS, &request).await?).await
}

pub async fn rename_passkey(id: &str, name: &str) -> Result<PasskeySummary, ApiError> {
    let request = PasskeyRename {
        name: name.to_owned(),
    };
    read_json(post(&paths::account_passkey(id), &request).await?).await
}

pub async fn remove_passkey(id: &str) -> Result<(), ApiError> {
    let request = write(Request::delete(&url(&paths::account_passkey(id))));
    expect_success(send(request, None).await?).await
}
