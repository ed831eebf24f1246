//! Destinations around signing in. The sanitiser itself lives in the contract crate,
//! so the backend's single sign-on redirect applies exactly the same rule.

use topocloud_contract::percent_encode;
use topocloud_contract::routes::{LOGIN, SECOND_STEP};
pub use topocloud_contract::safe_return_to;

/// The login URL that brings a signed-out visitor back to `path` afterwards.
pub fn login_url_returning_to(path: &str) -> String {
    format!("{LOGIN}?return_to={}", percent_encode(path))
}

/// After a right password of an account that asks a code: the code step, which goes on
/// to where the login would have.
pub fn second_step_url_returning_to(path: &str) -> String {
    format!("{SECOND_STEP}?return_to={}", percent_encode(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use topocloud_contract::percent_decode;

    #[test]
    fn login_url_round_trips_through_the_sanitiser() {
        assert_eq!(
            second_step_url_returning_to("/account?a=1"),
            "/users/second-step?return_to=/account%3Fa%3D1"
        );
        let url = login_url_returning_to("/account?tab=2&x=é");
        assert_eq!(
            url,
            "/users/login?return_to=/account%3Ftab%3D2%26x%3D%C3%A9"
        );
        let param = url
            .split_once("return_to=")
            .map(|(_, v)| v)
            .unwrap_or_default();
        let decoded = percent_decode(param).unwrap_or_default();
        assert_eq!(
            safe_return_to(Some(&decoded)).as_deref(),
            Some("/account?tab=2&x=é")
        );
    }
}
