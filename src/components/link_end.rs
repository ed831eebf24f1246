//! What an emailed link (address confirmation, invitation, password reset) turned out to
//! be when it no longer works: one reading of the backend's answer for all three screens,
//! which then say it in their own words.

use crate::api::ApiError;
use topocloud_contract::ErrorCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkEnd {
    /// Too old: a new one is one click away.
    Expired,
    /// Already used (maybe by this person, a moment ago).
    Used,
    /// Never issued, mistyped or cut short.
    Invalid,
}

impl LinkEnd {
    /// `None` for answers that say nothing about the link (network, server, limits).
    pub fn of(error: &ApiError) -> Option<Self> {
        match error.code()? {
            ErrorCode::TokenExpired | ErrorCode::InvitationExpired => Some(Self::Expired),
            ErrorCode::TokenUsed | ErrorCode::InvitationUsed => Some(Self::Used),
            ErrorCode::TokenInvalid | ErrorCode::InvitationInvalid => Some(Self::Invalid),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LinkEnd;
    use crate::api::ApiError;

    fn answer(code: &str) -> ApiError {
        let body = format!(r#"{{"status":410,"code":"{code}"}}"#);
        ApiError::from_response(410, Some("application/problem+json"), &body, None, 0)
    }

    #[test]
    fn every_kind_of_emailed_link_ends_the_same_three_ways() {
        let cases = [
            ("token_expired", Some(LinkEnd::Expired)),
            ("invitation_expired", Some(LinkEnd::Expired)),
            ("token_used", Some(LinkEnd::Used)),
            ("invitation_used", Some(LinkEnd::Used)),
            ("token_invalid", Some(LinkEnd::Invalid)),
            ("invitation_invalid", Some(LinkEnd::Invalid)),
            ("too_many_attempts", None),
            ("validation_failed", None),
        ];
        for (code, expected) in cases {
            assert_eq!(LinkEnd::of(&answer(code)), expected, "{code}");
        }
        assert_eq!(LinkEnd::of(&ApiError::Network), None);
    }
}
