//! Destinations around signing in. The sanitiser itself lives in the contract crate,
//! so the backend's single sign-on redirect applies exactly the same rule.

pub use topocloud_contract::safe_return_to;
use topocloud_contract::{percent_encode, routes::LOGIN};

/// The login URL that brings a signed-out visitor back to `path` afterwards.
pub fn login_url_returning_to(path: &str) -> String {
    format!("{LOGIN}?return_to={}", percent_encode(path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use topocloud_contract::percent_decode;

    #[test]
    fn login_url_round_trips_through_the_sanitiser() {
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
