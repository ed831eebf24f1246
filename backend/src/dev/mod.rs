//! Developer endpoints under `/dev`, mounted only in dev mode: the mailbox, test hooks
//! for invitations and project assignment, and the backend clock.

pub mod mailbox;

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().merge(mailbox::routes())
}
