//! Account security calls: the second sign-in step and the account's security page.
//! Codes, keys and passwords travel only in POST bodies; the challenge between the two
//! sign-in steps is an HttpOnly cookie the site never sees.

use super::{expect_success, post, read_json, send, url, write, ApiError};
use gloo_net::http::Request;
use topocloud_contract::{
    paths, AccountSecurity, ChangePasswordRequest, CodeRequest, Confirmation, EnrolledSignIn,
    RecoveryCodes, SecondStepRequest, SecondStepState, SessionInfo, SessionSummary, SessionsEnded,
    TotpSetup,
};

/// The bodiless POSTs still send JSON: the contract's requests are JSON objects.
#[derive(serde::Serialize)]
struct NoFields {}
const NO_FIELDS: &NoFields = &NoFields {};

async fn get<T: serde::de::DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    read_json(send(Request::get(&url(path)), None).await?).await
}

pub async fn second_step_state() -> Result<SecondStepState, ApiError> {
    get(paths::SECOND_STEP).await
}

pub async fn complete_second_step(request: &SecondStepRequest) -> Result<SessionInfo, ApiError> {
    read_json(post(paths::SECOND_STEP, request).await?).await
}

/// The organisation requires two-step verification: a key to turn it on with, now.
pub async fn start_enrolment() -> Result<TotpSetup, ApiError> {
    read_json(post(paths::SECOND_STEP_ENROLMENT, NO_FIELDS).await?).await
}

pub async fn confirm_enrolment(request: &CodeRequest) -> Result<EnrolledSignIn, ApiError> {
    read_json(post(paths::SECOND_STEP_ENROLMENT_CONFIRM, request).await?).await
}

pub async fn account_security() -> Result<AccountSecurity, ApiError> {
    get(paths::ACCOUNT_SECURITY).await
}

pub async fn reauthenticate(request: &Confirmation) -> Result<(), ApiError> {
    expect_success(post(paths::ACCOUNT_REAUTHENTICATE, request).await?).await
}

pub async fn change_password(request: &ChangePasswordRequest) -> Result<(), ApiError> {
    expect_success(post(paths::ACCOUNT_PASSWORD, request).await?).await
}

pub async fn sessions() -> Result<Vec<SessionSummary>, ApiError> {
    get(paths::ACCOUNT_SESSIONS).await
}

pub async fn end_session(id: &str) -> Result<(), ApiError> {
    let request = write(Request::delete(&url(&paths::account_session(id))));
    expect_success(send(request, None).await?).await
}

pub async fn end_other_sessions() -> Result<SessionsEnded, ApiError> {
    read_json(post(paths::ACCOUNT_SESSIONS_END_OTHERS, NO_FIELDS).await?).await
}

pub async fn two_step_setup() -> Result<TotpSetup, ApiError> {
    read_json(post(paths::TWO_STEP_SETUP, NO_FIELDS).await?).await
}

pub async fn two_step_confirm(request: &CodeRequest) -> Result<RecoveryCodes, ApiError> {
    read_json(post(paths::TWO_STEP_CONFIRM, request).await?).await
}

pub async fn two_step_disable(request: &Confirmation) -> Result<(), ApiError> {
    expect_success(post(paths::TWO_STEP_DISABLE, request).await?).await
}

pub async fn renew_recovery_codes(request: &Confirmation) -> Result<RecoveryCodes, ApiError> {
    read_json(post(paths::TWO_STEP_RECOVERY_CODES, request).await?).await
}
