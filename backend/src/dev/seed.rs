//! Demo data for the run command: something to sign in with and an invitation in each
//! state a person can meet.

use super::test_hooks::{create_invitee, send_invitation, InviteRequest};
use crate::accounts::{self, seed_demo, DEMO_PASSWORD};
use crate::AppState;
use topocloud_contract::{AccountType, Locale};

pub const ORGANISATION: &str = "Landmeetkundig Bureau Noord";
pub const MAIN_INVITEE: &str = "beheer@bureau-noord.test";
pub const EMPLOYEE: &str = "medewerker@bureau-noord.test";
pub const INVITER: &str = "Team TopoCloud";
/// A demo account with two-step verification on (the demo password), and its key: put
/// it in an authenticator app, or compute a code with `oathtool --totp -b <key>`. Only
/// for the demo; a real key is drawn at random and never printed.
pub const TWO_STEP_EMAIL: &str = "tweestaps@topocloud.test";
pub const TWO_STEP_NAME: &str = "Demo Tweestaps";
pub const TWO_STEP_SECRET: &str = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

/// Idempotent: existing accounts are left alone, so restarts send no new emails.
pub fn seed(state: &AppState) -> Result<(), String> {
    seed_demo(&state.db, &state.clock)?;
    seed_two_step_demo(state)?;
    let db_error = |e: rusqlite::Error| e.to_string();
    if accounts::find_by_email(&state.db.conn(), MAIN_INVITEE)
        .map_err(db_error)?
        .is_none()
    {
        let request = invitee(MAIN_INVITEE, "Anne de Boer", AccountType::Main);
        let id = create_invitee(state, MAIN_INVITEE, &request).map_err(db_error)?;
        send_invitation(state, id, MAIN_INVITEE, Locale::Nl, INVITER, None).map_err(db_error)?;
    }
    if accounts::find_by_email(&state.db.conn(), EMPLOYEE)
        .map_err(db_error)?
        .is_none()
    {
        let request = invitee(EMPLOYEE, "Sem Visser", AccountType::Employee);
        create_invitee(state, EMPLOYEE, &request).map_err(db_error)?;
    }
    Ok(())
}

/// The two-step demo account, created once with its key in force (and no recovery codes:
/// the security page makes new ones).
fn seed_two_step_demo(state: &AppState) -> Result<(), String> {
    let created = accounts::create_verified(
        &state.db,
        &state.clock,
        TWO_STEP_EMAIL,
        TWO_STEP_NAME,
        DEMO_PASSWORD,
    )?;
    if !created {
        return Ok(());
    }
    let conn = state.db.conn();
    conn.execute(
        "INSERT OR IGNORE INTO totp_keys (user_id, secret, last_step, enabled_at)
         SELECT id, ?1, -1, ?2 FROM users WHERE email = ?3",
        rusqlite::params![TWO_STEP_SECRET, state.clock.now(), TWO_STEP_EMAIL],
    )
    .map_err(|e| e.to_string())?;
    Ok(())
}

fn invitee(email: &str, name: &str, account_type: AccountType) -> InviteRequest {
    InviteRequest {
        email: email.to_owned(),
        organisation: ORGANISATION.to_owned(),
        account_type,
        name: name.to_owned(),
        inviter: Some(INVITER.to_owned()),
        locale: Locale::Nl,
    }
}
