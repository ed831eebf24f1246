//! `GET /dev/mail` (a page listing every message) and `GET /dev/api/mail` (JSON).

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
}
