//! Rules every operation follows: CSRF on every write, `no-store` on every answer, and
//! only known problem codes on every error.

use crate::spec::{enum_of, object_keys, resolve, set, spec, strings};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use topocloud_contract::{CSRF_HEADER, CSRF_HEADER_VALUE, PROBLEM_CONTENT_TYPE};

const METHODS: [&str; 4] = ["get", "post", "put", "delete"];

pub(crate) fn operations(spec: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in spec["paths"].as_object().expect("paths") {
        for method in METHODS {
            if let Some(op) = item.get(method) {
                out.push((method.to_owned(), path.clone(), op.clone()));
            }
        }
    }
    out
}

fn parameters(spec: &Value, op: &Value) -> Vec<Value> {
    op.get("parameters")
        .and_then(Value::as_array)
        .map(|ps| ps.iter().map(|p| resolve(spec, p).clone()).collect())
        .unwrap_or_default()
}

#[test]
fn every_write_requires_the_csrf_header_and_documents_its_refusal() {
    let spec = spec();
    for (method, path, op) in operations(&spec) {
        let csrf = parameters(&spec, &op)
            .into_iter()
            .find(|p| p["in"] == "header" && p["name"] == CSRF_HEADER);
        if method == "get" {
            assert!(csrf.is_none(), "{method} {path} asks for the CSRF header");
            continue;
        }
        let csrf = csrf.unwrap_or_else(|| panic!("{method} {path} lacks the CSRF header"));
        assert_eq!(csrf["required"], true, "{method} {path}");
        assert_eq!(csrf["schema"]["enum"], json!([CSRF_HEADER_VALUE]));
        let refusal = resolve(&spec, &op["responses"]["403"]);
        let codes = problem_codes(&spec, refusal);
        assert!(
            codes.contains("csrf_rejected"),
            "{method} {path}: 403 does not list csrf_rejected"
        );
    }
}

/// The `code` values a problem response's schema allows.
fn problem_codes(spec: &Value, response: &Value) -> BTreeSet<String> {
    let schema = resolve(spec, &response["content"][PROBLEM_CONTENT_TYPE]["schema"]);
    let parts = schema["allOf"].as_array().cloned().unwrap_or_default();
    parts
        .iter()
        .flat_map(|part| strings(part.pointer("/properties/code/enum")))
        .collect()
}

#[test]
fn every_answer_is_no_store_and_every_error_is_a_known_problem_code() {
    let spec = spec();
    let known = enum_of(&spec, "ErrorCode");
    for (method, path, op) in operations(&spec) {
        let responses = op["responses"].as_object().expect("responses");
        assert!(!responses.is_empty(), "{method} {path} has no responses");
        for (status, response) in responses {
            let response = resolve(&spec, response);
            let at = format!("{method} {path} {status}");
            let cache = resolve(&spec, &response["headers"]["Cache-Control"]);
            assert_eq!(cache["required"], true, "{at}: Cache-Control");
            assert_eq!(cache["schema"]["enum"], json!(["no-store"]), "{at}");
            let code: u16 = status.parse().expect("numeric status");
            if code >= 400 {
                let content = object_keys(&response["content"]);
                assert_eq!(content, set([PROBLEM_CONTENT_TYPE]), "{at}: content");
                let codes = problem_codes(&spec, response);
                assert!(!codes.is_empty(), "{at}: says nothing about its codes");
                let unknown: Vec<_> = codes.difference(&known).collect();
                assert!(
                    unknown.is_empty(),
                    "{at}: codes not in ErrorCode: {unknown:?}"
                );
            }
            if code == 429 {
                let retry = resolve(&spec, &response["headers"]["Retry-After"]);
                assert_eq!(retry["required"], true, "{at}: Retry-After");
            }
        }
    }
}
