//! Reference implementation of the TopoCloud auth API contract.
//!
//! It exists so the sign-in site can be developed, demonstrated and tested end to end
//! on one machine; production points the site at TopoCloud's real auth backend.

pub mod account;
pub mod accounts;
pub mod blocklist;
pub mod clock;
pub mod config;
mod cookies;
pub mod db;
pub mod dev;
mod extract;
pub mod invitations;
pub mod logging;
pub mod mail;
pub mod passkeys;
pub mod password_reset;
pub mod passwords;
pub mod policy;
pub mod problem;
pub mod pruning;
pub mod rate_limit;
pub mod registration;
pub mod second_step;
mod security;
pub mod session;
mod site_config;
pub mod sso;
pub mod tokens;
pub mod totp;
pub mod two_step;
pub mod user_agent;

use axum::routing::{any, delete, get, post};
use axum::Router;
use clock::Clock;
use config::Config;
use db::Db;
use std::sync::Arc;
use tower_http::services::{ServeDir, ServeFile};

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub clock: Clock,
    pub config: Arc<Config>,
    /// Verified against when an email is unknown, so that a wrong email costs the same
    /// time as a wrong password and timing cannot reveal which accounts exist.
    pub dummy_hash: Arc<String>,
    pub blocklist: Arc<blocklist::Blocklist>,
    /// Where emails are issued and stored, off the request path (see [`mail::queue`]).
    pub mail_queue: mail::MailQueue,
    /// Signs the SSO flow cookie. Drawn at start: a restart only ends the flows that
    /// were at the identity provider at that moment.
    pub cookie_key: Arc<cookie::Key>,
    /// The WebAuthn relying party for `--public-url`; `None` where passkeys are off (an
    /// IP address cannot be a relying party id, see [`passkeys`]).
    pub webauthn: Option<Arc<webauthn_rs::Webauthn>>,
}

impl AppState {
    pub fn new(config: Config) -> Result<Self, StartupError> {
        let db = Db::open(&config.database)?;
        let dummy_hash = passwords::hash("not-a-real-password-just-for-timing")
            .map_err(|e| StartupError(format!("hashing failed: {e}")))?;
        Ok(Self {
            db,
            clock: Clock::default(),
            dummy_hash: Arc::new(dummy_hash),
            blocklist: Arc::new(blocklist::Blocklist::shipped()),
            mail_queue: mail::MailQueue::start()?,
            cookie_key: Arc::new(cookie::Key::generate()),
            webauthn: passkeys::relying_party(&config.public_url, &config.product_name)
                .map(Arc::new),
            config: Arc::new(config),
        })
    }
}

pub fn router(state: AppState) -> Router {
    use topocloud_contract::paths;
    let api = Router::new()
        .route(paths::CONFIG, get(site_config::get))
        .route(
            paths::SESSION,
            get(session::current)
                .post(session::sign_in)
                .delete(session::sign_out),
        )
        .route(paths::REGISTRATIONS, post(registration::register))
        .route(paths::EMAIL_VERIFICATIONS, post(registration::verify))
        .route(
            paths::EMAIL_VERIFICATIONS_RESEND,
            post(registration::resend),
        )
        .route(paths::INVITATIONS_LOOKUP, post(invitations::look_up))
        .route(paths::INVITATIONS_ACCEPT, post(invitations::accept))
        .route(paths::PASSWORD_RESETS, post(password_reset::request))
        .route(paths::PASSWORD_RESETS_LOOKUP, post(password_reset::look_up))
        .route(
            paths::PASSWORD_RESETS_COMPLETE,
            post(password_reset::complete),
        )
        .route(
            paths::SECOND_STEP,
            get(second_step::current).post(second_step::submit),
        )
        .route(paths::SECOND_STEP_ENROLMENT, post(second_step::enrolment))
        .route(
            paths::SECOND_STEP_ENROLMENT_CONFIRM,
            post(second_step::confirm_enrolment),
        )
        .route(paths::ACCOUNT_SECURITY, get(account::security))
        .route(paths::ACCOUNT_REAUTHENTICATE, post(account::reauthenticate))
        .route(paths::ACCOUNT_PASSWORD, post(account::change_password))
        .route(paths::ACCOUNT_SESSIONS, get(account::list))
        .route(
            paths::ACCOUNT_SESSIONS_END_OTHERS,
            post(account::end_others),
        )
        .route(paths::ACCOUNT_SESSION, delete(account::end_one))
        .route(paths::TWO_STEP_SETUP, post(account::setup))
        .route(paths::TWO_STEP_CONFIRM, post(account::confirm_setup))
        .route(paths::TWO_STEP_DISABLE, post(account::disable))
        .route(
            paths::TWO_STEP_RECOVERY_CODES,
            post(account::renew_recovery_codes),
        )
        .route(
            paths::PASSKEY_AUTHENTICATION_OPTIONS,
            post(passkeys::sign_in::options),
        )
        .route(
            paths::PASSKEY_AUTHENTICATION,
            post(passkeys::sign_in::finish),
        )
        .route(
            paths::ACCOUNT_PASSKEYS,
            get(passkeys::settings::list).post(passkeys::settings::add),
        )
        .route(
            paths::PASSKEY_REGISTRATION_OPTIONS,
            post(passkeys::settings::registration_options),
        )
        .route(
            paths::ACCOUNT_PASSKEY,
            post(passkeys::settings::rename).delete(passkeys::settings::remove),
        )
        .merge(sso::routes())
        .route("/api/{*rest}", any(security::api_not_found))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::api_guard,
        ));

    let mut app = Router::new().merge(api);
    if state.config.dev {
        app = app.merge(dev::routes());
    }
    let mut app = app.with_state(state.clone());

    // Serves a built site (SPA: unknown paths get index.html) from the same origin as
    // the API, which is how the e2e tests run against a release build.
    if let Some(dir) = &state.config.site_dir {
        let index = ServeFile::new(dir.join("index.html"));
        app = app.fallback_service(ServeDir::new(dir).fallback(index));
    }
    logging::layer(app)
}

/// Why the backend could not start.
#[derive(Debug)]
pub struct StartupError(pub String);

impl std::fmt::Display for StartupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for StartupError {}

impl From<rusqlite::Error> for StartupError {
    fn from(e: rusqlite::Error) -> Self {
        Self(format!("database: {e}"))
    }
}

impl From<std::io::Error> for StartupError {
    fn from(e: std::io::Error) -> Self {
        Self(format!("io: {e}"))
    }
}
