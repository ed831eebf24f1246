//! Developer endpoints under `/dev`, mounted only in dev mode: the mailbox, test hooks
//! for invitations and project assignment and two-step verification, and the backend clock.

pub mod identity_provider;
pub mod mailbox;
pub mod security_hooks;
pub mod seed;
pub mod test_hooks;

use crate::AppState;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(mailbox::routes())
        .merge(identity_provider::routes())
        .merge(test_hooks::routes())
        .merge(security_hooks::routes())
}
