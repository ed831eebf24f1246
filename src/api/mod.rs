//! The typed client of the auth API. Every call is same-origin under `/api`, carries the
//! contract's CSRF header on writes, and gives up after [`TIMEOUT_MS`].

mod error;

pub use error::ApiError;

use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use std::cell::Cell;
use std::rc::Rc;
use topocloud_contract::{paths, SessionInfo, SignInRequest, CSRF_HEADER, CSRF_HEADER_VALUE};

/// Long enough for a slow mobile connection, short enough that nobody stares at a spinner.
pub const TIMEOUT_MS: i32 = 15_000;

pub async fn current_session() -> Result<SessionInfo, ApiError> {
    let response = send(Request::get(paths::SESSION), None).await?;
    read_json(response).await
}

pub async fn sign_in(request: &SignInRequest) -> Result<SessionInfo, ApiError> {
    let body = serde_json::to_string(request).map_err(|_| ApiError::Malformed)?;
    let response = send(write(Request::post(paths::SESSION)), Some(body)).await?;
    read_json(response).await
}

pub async fn sign_out() -> Result<(), ApiError> {
    let response = send(write(Request::delete(paths::SESSION)), None).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(read_problem(response).await)
    }
}

fn write(builder: RequestBuilder) -> RequestBuilder {
    builder.header(CSRF_HEADER, CSRF_HEADER_VALUE)
}

/// Sends with a deadline: the browser's fetch would otherwise wait minutes.
async fn send(builder: RequestBuilder, json_body: Option<String>) -> Result<Response, ApiError> {
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = controller.as_ref().map(|c| {
        let c = c.clone();
        let flag = timed_out.clone();
        start_deadline(move || {
            flag.set(true);
            c.abort();
        })
    });
    let builder = builder.abort_signal(controller.as_ref().map(|c| c.signal()).as_ref());
    let request = match json_body {
        Some(body) => builder
            .header("content-type", "application/json")
            .body(body),
        None => builder.build(),
    }
    .map_err(|_| ApiError::Malformed)?;
    let result = request.send().await;
    if let Some(Ok(handle)) = timer {
        handle.clear();
    }
    result.map_err(|_| {
        if timed_out.get() {
            ApiError::Timeout
        } else {
            ApiError::Network
        }
    })
}

fn start_deadline(
    f: impl FnOnce() + 'static,
) -> Result<leptos::prelude::TimeoutHandle, wasm_bindgen::JsValue> {
    leptos::prelude::set_timeout_with_handle(f, std::time::Duration::from_millis(TIMEOUT_MS as u64))
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if !response.ok() {
        return Err(read_problem(response).await);
    }
    let text = response.text().await.map_err(|_| ApiError::Network)?;
    serde_json::from_str(&text).map_err(|_| ApiError::Malformed)
}

async fn read_problem(response: Response) -> ApiError {
    let headers = response.headers();
    let content_type = headers.get("content-type");
    let retry_after = headers.get("retry-after");
    let body = response.text().await.unwrap_or_default();
    ApiError::from_response(
        response.status(),
        content_type.as_deref(),
        &body,
        retry_after.as_deref(),
    )
}
