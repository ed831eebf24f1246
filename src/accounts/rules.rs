//! The rules of the registration and invitation forms, checked before anything is sent,
//! and the backend's per-field codes put back on the right field. Plain data, so it is
//! tested natively.

use crate::api::ApiError;
use crate::i18n::accounts::{AccountText, Msg};
use crate::i18n::Text;
use crate::validation::{email_problem, new_password_problem, password_rule_text};
use topocloud_contract::{
    field_codes, fields, name_problem as name_rule, ErrorCode, PasswordPolicy,
};

/// The fields of both forms, in the order they appear on screen: the first with a
/// problem gets focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum AccountField {
    Name,
    Email,
    Organisation,
    Password,
    Terms,
}

impl AccountField {
    fn from_api(field: &str) -> Option<Self> {
        match field {
            fields::NAME => Some(AccountField::Name),
            fields::EMAIL => Some(AccountField::Email),
            fields::ORGANISATION => Some(AccountField::Organisation),
            fields::PASSWORD => Some(AccountField::Password),
            fields::ACCEPT_TERMS => Some(AccountField::Terms),
            _ => None,
        }
    }
}

pub type Problems = Vec<(AccountField, Msg)>;

/// What the registration form holds when it is sent.
pub struct Registration<'a> {
    pub name: &'a str,
    pub email: &'a str,
    pub organisation: &'a str,
    pub password: &'a str,
    pub accept_terms: bool,
}

pub fn registration_problems(form: &Registration, policy: &PasswordPolicy) -> Problems {
    let mut problems = Vec::new();
    problems.extend(name_problem(form.name, AccountField::Name));
    if let Some(text) = email_problem(form.email) {
        problems.push((AccountField::Email, text.into()));
    }
    problems.extend(name_problem(form.organisation, AccountField::Organisation));
    if let Some(text) = new_password_problem(policy, form.password) {
        problems.push((AccountField::Password, text.into()));
    }
    if !form.accept_terms {
        problems.push((AccountField::Terms, AccountText::TermsNotAccepted.into()));
    }
    problems
}

pub fn invitation_problems(name: &str, password: &str, policy: &PasswordPolicy) -> Problems {
    let mut problems: Problems = name_problem(name, AccountField::Name).into_iter().collect();
    if let Some(text) = new_password_problem(policy, password) {
        problems.push((AccountField::Password, text.into()));
    }
    problems
}

fn name_problem(value: &str, field: AccountField) -> Option<(AccountField, Msg)> {
    // The contract's rule, the backend's own; only the words are the site's.
    let code = name_rule(value)?;
    let (required, too_long) = texts_for(field);
    Some((
        field,
        if code == field_codes::REQUIRED {
            required
        } else {
            too_long
        },
    ))
}

fn texts_for(field: AccountField) -> (Msg, Msg) {
    match field {
        AccountField::Organisation => (
            AccountText::OrganisationRequired.into(),
            AccountText::OrganisationTooLong.into(),
        ),
        _ => (
            AccountText::NameRequired.into(),
            AccountText::NameTooLong.into(),
        ),
    }
}

/// The backend's `validation_failed` field errors in words, first field first. Fields
/// or codes this build does not know are left out; the caller then says "check the form".
pub fn server_problems(error: &ApiError) -> Problems {
    let ApiError::Problem {
        code: ErrorCode::ValidationFailed,
        fields,
        ..
    } = error
    else {
        return Vec::new();
    };
    let mut problems: Problems = fields
        .iter()
        .filter_map(|f| {
            let field = AccountField::from_api(&f.field)?;
            Some((field, field_message(field, &f.code)?))
        })
        .collect();
    // One message per field (the backend may report several password rules at once).
    problems.sort_by_key(|(field, _)| *field);
    problems.dedup_by_key(|(field, _)| *field);
    problems
}

fn field_message(field: AccountField, code: &str) -> Option<Msg> {
    let (required, too_long) = texts_for(field);
    Some(match (field, code) {
        (AccountField::Password, code) => password_rule_text(code).into(),
        (AccountField::Email, field_codes::REQUIRED) => Text::EmailRequired.into(),
        (AccountField::Email, _) => Text::EmailInvalid.into(),
        (AccountField::Terms, _) => AccountText::TermsNotAccepted.into(),
        (_, field_codes::REQUIRED) => required,
        (_, field_codes::TOO_LONG) => too_long,
        _ => return None,
    })
}

/// The first problem found for `field`, for its error line.
pub fn problem_for(problems: &Problems, field: AccountField) -> Option<Msg> {
    problems.iter().find(|(f, _)| *f == field).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;
    use topocloud_contract::MAX_NAME_CHARS;

    fn form<'a>(name: &'a str, email: &'a str, password: &'a str, terms: bool) -> Registration<'a> {
        Registration {
            name,
            email,
            organisation: "Landmeetbureau Noord",
            password,
            accept_terms: terms,
        }
    }

    fn problem(status: u16, body: &str) -> ApiError {
        ApiError::from_response(status, Some("application/problem+json"), body, None, 0)
    }

    #[test]
    fn an_empty_form_names_every_field_in_screen_order() {
        let empty = Registration {
            name: " ",
            email: "",
            organisation: "",
            password: "",
            accept_terms: false,
        };
        let fields: Vec<_> = registration_problems(&empty, &PasswordPolicy::recommended())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        use AccountField::*;
        assert_eq!(fields, vec![Name, Email, Organisation, Password, Terms]);
    }

    #[test]
    fn a_good_form_passes_under_the_configured_policy_only() {
        let good = form("Jan de Vries", "jan@devries.test", "abcdefg1", true);
        assert!(registration_problems(&good, &PasswordPolicy::legacy_product()).is_empty());
        assert_eq!(
            registration_problems(&good, &PasswordPolicy::recommended()),
            vec![(AccountField::Password, Text::PasswordTooShort.into())]
        );
    }

    #[test]
    fn names_have_the_backends_limits() {
        let long = "a".repeat(MAX_NAME_CHARS + 1);
        assert_eq!(
            invitation_problems(
                &long,
                "a long enough password",
                &PasswordPolicy::recommended()
            ),
            vec![(AccountField::Name, AccountText::NameTooLong.into())]
        );
        let fine = "é".repeat(MAX_NAME_CHARS);
        assert!(invitation_problems(
            &fine,
            "a long enough password",
            &PasswordPolicy::recommended()
        )
        .is_empty());
        assert_eq!(
            invitation_problems(
                "Jan\tde Vries",
                "a long enough password",
                &PasswordPolicy::recommended()
            ),
            vec![(AccountField::Name, AccountText::NameTooLong.into())]
        );
    }

    #[test]
    fn the_backends_field_codes_land_on_their_fields_once_each() {
        let body = r#"{"status":422,"code":"validation_failed","errors":[
            {"field":"accept_terms","code":"not_accepted"},
            {"field":"password","code":"not_common"},
            {"field":"password","code":"digit"},
            {"field":"organisation","code":"too_long"},
            {"field":"email","code":"invalid_email"},
            {"field":"shoe_size","code":"required"}]}"#;
        assert_eq!(
            server_problems(&problem(422, body)),
            vec![
                (AccountField::Email, Text::EmailInvalid.into()),
                (
                    AccountField::Organisation,
                    AccountText::OrganisationTooLong.into()
                ),
                (AccountField::Password, Text::PasswordTooCommon.into()),
                (AccountField::Terms, AccountText::TermsNotAccepted.into()),
            ]
        );
        assert!(server_problems(&ApiError::Network).is_empty());
        assert!(server_problems(&problem(410, r#"{"status":410,"code":"token_used"}"#)).is_empty());
    }
}
