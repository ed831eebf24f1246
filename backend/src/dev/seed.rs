//! Demo data for the run command: something to sign in with and an invitation in each
//! state a person can meet.

use super::test_hooks::{create_invitee, send_invitation, InviteRequest};
use crate::accounts::{self, seed_demo};
use crate::AppState;
use topocloud_contract::{AccountType, Locale};

pub const ORGANISATION: &str = "Landmeetkundig Bureau Noord";
pub const MAIN_INVITEE: &str = "beheer@bureau-noord.test";
pub const EMPLOYEE: &str = "medewerker@bureau-noord.test";
pub const INVITER: &str = "Team TopoCloud";

/// Idempotent: existing accounts are left alone, so restarts send no new emails.
pub fn seed(state: &AppState) -> Result<(), String> {
    seed_demo(&state.db, &state.clock)?;
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
