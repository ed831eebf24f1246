//! The flow cookie: everything the callback checks, carried by the browser from the start
//! of a flow to its callback in one short-lived HttpOnly cookie scoped to `/api/sso`,
//! signed with the backend's cookie key so that it comes back exactly as it was issued.

use crate::{cookies, AppState};
use axum::http::{HeaderMap, HeaderValue};
use topocloud_contract::{percent_decode, percent_encode};

/// How long the user may take at the identity provider.
pub(super) const FLOW_SECONDS: i64 = 600;
const COOKIE_NAME: &str = "topocloud_sso";
/// `__Host-` needs `Path=/`; the cookie is scoped to `/api/sso`, so `__Secure-` it is.
const SECURE_COOKIE_NAME: &str = "__Secure-topocloud_sso";
const COOKIE_PATH: &str = topocloud_contract::routes::SSO_PREFIX;

/// What the start of a flow leaves in the browser for its callback. Deliberately not
/// `Debug` outside tests, so it cannot end up in a log line.
#[cfg_attr(test, derive(Debug, PartialEq))]
pub(super) struct Flow {
    pub(super) issued_at: i64,
    pub(super) state: String,
    pub(super) verifier: String,
    pub(super) return_to: Option<String>,
}

impl Flow {
    /// `issued_at.state.verifier.return_to`: hex, base64url and percent-encoding never
    /// contain `;`, `,`, spaces or quotes, so the value needs no further cookie escaping;
    /// `return_to` goes last because percent-encoding keeps its dots.
    pub(super) fn encode(&self) -> String {
        let return_to = self.return_to.as_deref().map(percent_encode);
        format!(
            "{}.{}.{}.{}",
            self.issued_at,
            self.state,
            self.verifier,
            return_to.unwrap_or_default()
        )
    }

    fn decode(raw: &str) -> Option<Self> {
        let mut parts = raw.splitn(4, '.');
        let issued_at = parts.next()?.parse().ok()?;
        let state = parts.next()?.to_owned();
        let verifier = parts.next()?.to_owned();
        let return_to = parts.next()?;
        let return_to = if return_to.is_empty() {
            None
        } else {
            Some(percent_decode(return_to)?)
        };
        (!state.is_empty() && !verifier.is_empty()).then_some(Self {
            issued_at,
            state,
            verifier,
            return_to,
        })
    }
}

fn cookie_name(state: &AppState) -> &'static str {
    if state.config.secure_cookies {
        SECURE_COOKIE_NAME
    } else {
        COOKIE_NAME
    }
}

/// The `Set-Cookie` for a flow (its value signed), or, with `None`, the one that ends it.
pub(super) fn flow_cookie(state: &AppState, flow: Option<&Flow>, max_age: i64) -> HeaderValue {
    let value = flow.map_or_else(String::new, |flow| {
        cookies::signed(&state.cookie_key, cookie_name(state), &flow.encode())
    });
    cookies::set_cookie(
        cookie_name(state),
        &value,
        COOKIE_PATH,
        Some(max_age),
        state.config.secure_cookies,
    )
}

/// The flow of this browser, if it has one that is not older than [`FLOW_SECONDS`]. The
/// browser drops the cookie by itself; the age check also covers one that does not.
pub(super) fn read_flow(state: &AppState, headers: &HeaderMap) -> Option<Flow> {
    let name = cookie_name(state);
    let raw = cookies::value_of(headers, name)?;
    // Signed: a flow cookie the browser (or a script on a sibling domain) changed or
    // made up is no flow at all.
    let raw = cookies::verified(&state.cookie_key, name, &raw)?;
    let flow = Flow::decode(&raw)?;
    // Checked: the start time comes from the request and may be any i64.
    let age = state.clock.now().checked_sub(flow.issued_at)?;
    (0..=FLOW_SECONDS).contains(&age).then_some(flow)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flow_round_trips_through_its_cookie_value() {
        let flow = Flow {
            issued_at: 1_700_000_000,
            state: "ab12".to_owned(),
            verifier: "x-y_z".to_owned(),
            return_to: Some("/projects/1.2?tab=map&é".to_owned()),
        };
        assert_eq!(Flow::decode(&flow.encode()).as_ref(), Some(&flow));
        assert!(Flow::decode("1.ab.").is_none());
        assert!(Flow::decode("x.ab.cd.").is_none());
    }
}
