//! The HTTP/JSON contract between the TopoCloud sign-in site and its auth backend.
//!
//! Both the site (compiled to wasm) and the reference backend compile against these
//! types, so a field renamed on one side is a compile error on the other.

mod email;
mod problem;
mod session;

pub use email::{is_plausible_email, normalise_email, MAX_EMAIL_LEN};
pub use problem::{ErrorCode, FieldError, Problem, PROBLEM_CONTENT_TYPE};
pub use session::{SessionInfo, SignInRequest};

/// Every state-changing API request must carry this header (value [`CSRF_HEADER_VALUE`]).
/// A cross-site HTML form cannot set a custom header, and a cross-site script cannot
/// either without a CORS preflight the backend never grants.
pub const CSRF_HEADER: &str = "x-topocloud-csrf";
pub const CSRF_HEADER_VALUE: &str = "1";

/// Paths of the API, relative to the site's origin.
pub mod paths {
    pub const SESSION: &str = "/api/session";
}
