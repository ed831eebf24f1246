//! `GET /api/config`: what the site adapts to.

use crate::AppState;
use axum::extract::State;
use axum::Json;
use topocloud_contract::{LinkLifetimes, SiteConfig};

pub async fn get(State(state): State<AppState>) -> Json<SiteConfig> {
    Json(SiteConfig {
        registration_open: state.config.registration_open,
        sso_providers: crate::sso::providers(&state),
        password_policy: state.config.password_policy.clone(),
        // The site's help and recovery texts say how long links work: these, not defaults.
        link_lifetimes: Some(LinkLifetimes {
            verify_email_seconds: state.config.verify_email_ttl,
            reset_seconds: state.config.reset_ttl,
            invitation_seconds: state.config.invitation_ttl,
        }),
        passkeys: state.webauthn.is_some(),
    })
}
