//! Form rules the backend enforces, with the same password policy code the site runs.

use crate::problem::ApiProblem;
use crate::AppState;
use topocloud_contract::{
    field_codes, fields, is_plausible_email, name_problem, ErrorCode, PasswordRule,
};

/// Collects every field problem of a form, so the person sees them all at once.
#[derive(Default)]
pub struct FieldProblems(Vec<(&'static str, &'static str)>);

impl FieldProblems {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn name(&mut self, field: &'static str, value: &str) -> &mut Self {
        if let Some(code) = name_problem(value) {
            self.0.push((field, code));
        }
        self
    }

    pub fn email(&mut self, value: &str) -> &mut Self {
        if value.trim().is_empty() {
            self.0.push((fields::EMAIL, field_codes::REQUIRED));
        } else if !is_plausible_email(value) {
            self.0.push((fields::EMAIL, field_codes::INVALID_EMAIL));
        }
        self
    }

    pub fn accepted(&mut self, field: &'static str, accepted: bool) -> &mut Self {
        if !accepted {
            self.0.push((field, field_codes::NOT_ACCEPTED));
        }
        self
    }

    /// The configured policy, then the blocklist (only when the rules pass, so the
    /// person fixes one thing at a time).
    pub fn new_password(&mut self, state: &AppState, password: &str) -> &mut Self {
        self.new_password_in(fields::PASSWORD, state, password)
    }

    /// [`FieldProblems::new_password`] for a form whose field has another name.
    pub fn new_password_in(
        &mut self,
        field: &'static str,
        state: &AppState,
        password: &str,
    ) -> &mut Self {
        let policy = &state.config.password_policy;
        let broken = policy.broken_rules(password);
        if broken.is_empty() {
            if policy.blocklist && state.blocklist.contains(password) {
                self.0.push((field, PasswordRule::NotCommon.code()));
            }
        } else {
            self.0
                .extend(broken.into_iter().map(|rule| (field, rule.code())));
        }
        self
    }

    pub fn into_result(self) -> Result<(), ApiProblem> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiProblem::fields(ErrorCode::ValidationFailed, self.0))
        }
    }
}
