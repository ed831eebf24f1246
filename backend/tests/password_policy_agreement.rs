//! The backend decides with exactly the rules the site shows: for any password, its
//! verdict is the shared policy's verdict plus only the blocklist.

use proptest::prelude::*;
use std::sync::OnceLock;
use topocloud_backend::config::Config;
use topocloud_backend::policy::FieldProblems;
use topocloud_backend::AppState;
use topocloud_contract::{PasswordPolicy, PasswordRule};

fn backend_verdict(state: &AppState, password: &str) -> Vec<String> {
    let mut problems = FieldProblems::new();
    problems.new_password(state, password);
    match problems.into_result() {
        Ok(()) => Vec::new(),
        Err(problem) => problem.problem.errors.into_iter().map(|e| e.code).collect(),
    }
}

fn site_verdict(policy: &PasswordPolicy, password: &str) -> Vec<String> {
    policy
        .broken_rules(password)
        .into_iter()
        .map(|r| r.code().to_owned())
        .collect()
}

fn state(policy: PasswordPolicy, dir: &tempfile::TempDir, file: &str) -> AppState {
    AppState::new(Config {
        database: dir.path().join(file),
        password_policy: policy,
        ..Config::default()
    })
    .expect("state")
}

/// One backend state per policy for the whole run: building one hashes a password.
fn shared(legacy: bool) -> &'static AppState {
    static STATES: OnceLock<(tempfile::TempDir, AppState, AppState)> = OnceLock::new();
    let (_, recommended, legacy_state) = STATES.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tempdir");
        let a = state(PasswordPolicy::recommended(), &dir, "recommended.sqlite");
        let b = state(PasswordPolicy::legacy_product(), &dir, "legacy.sqlite");
        (dir, a, b)
    });
    if legacy {
        legacy_state
    } else {
        recommended
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn site_and_backend_agree_on_any_unicode(password in any::<String>(), legacy in any::<bool>()) {
        let policy = if legacy { PasswordPolicy::legacy_product() } else { PasswordPolicy::recommended() };
        let state = shared(legacy);
        let backend = backend_verdict(state, &password);
        let site = site_verdict(&policy, &password);
        if site.is_empty() {
            let blocked = state.blocklist.contains(&password);
            let expected = if blocked { vec![PasswordRule::NotCommon.code().to_owned()] } else { Vec::new() };
            prop_assert_eq!(backend, expected);
        } else {
            prop_assert_eq!(backend, site);
        }
    }
}

#[test]
fn a_common_password_that_passes_the_rules_is_refused_only_by_the_backend() {
    let dir = tempfile::tempdir().expect("tempdir");
    let state = state(PasswordPolicy::recommended(), &dir, "auth.sqlite");
    assert!(site_verdict(&PasswordPolicy::recommended(), "1qaz2wsx3edc").is_empty());
    assert_eq!(
        backend_verdict(&state, "1qaz2wsx3edc"),
        vec!["not_common".to_owned()]
    );
}
