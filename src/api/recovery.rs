//! Password recovery calls. The one-time token only ever travels in a POST body.

use super::{expect_success, post, read_json, ApiError};
use topocloud_contract::{
    paths, AccountEmail, CompletePasswordResetRequest, PasswordResetDetails, PasswordResetRequest,
    TokenRequest,
};

pub async fn request_password_reset(request: &PasswordResetRequest) -> Result<(), ApiError> {
    expect_success(post(paths::PASSWORD_RESETS, request).await?).await
}

pub async fn look_up_password_reset(token: &str) -> Result<PasswordResetDetails, ApiError> {
    let body = TokenRequest {
        token: token.to_owned(),
    };
    read_json(post(paths::PASSWORD_RESETS_LOOKUP, &body).await?).await
}

pub async fn complete_password_reset(
    request: &CompletePasswordResetRequest,
) -> Result<AccountEmail, ApiError> {
    read_json(post(paths::PASSWORD_RESETS_COMPLETE, request).await?).await
}
