//! `GET /api/config`: what the site adapts to.

use crate::AppState;
use axum::extract::State;
use axum::Json;
use topocloud_contract::SiteConfig;

pub async fn get(State(state): State<AppState>) -> Json<SiteConfig> {
    Json(SiteConfig {
        registration_open: state.config.registration_open,
        sso_providers: crate::sso::providers(&state),
        password_policy: state.config.password_policy.clone(),
    })
}
