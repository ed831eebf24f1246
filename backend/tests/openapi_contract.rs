//! `openapi.yaml` (repo root) against the Rust contract and the reference backend.
//!
//! Fails when the documented contract drifts from the code: a path added, renamed or
//! left undocumented; a field of a request or response type that the schema named after
//! it does not have (or the other way round); a `required` list that serde disagrees
//! with; an error code, password rule or field code on one side only. The live tests
//! then send each documented operation to a real backend and hold every answer to what
//! the yaml says about its status, headers, content type and body.
//!
//! Schemathesis (`scripts/schemathesis.sh`) fuzzes the same contract over HTTP; this test
//! needs no Python and also walks the happy paths that need an emailed token.

// The parts live in `openapi_contract/` and come in by `#[path]`, so they stay one test
// binary: a file directly in `tests/` would be a binary of its own.

#[path = "openapi_contract/answers.rs"]
mod answers;
#[path = "openapi_contract/enums.rs"]
mod enums;
#[path = "openapi_contract/json_schema.rs"]
mod json_schema;
#[path = "openapi_contract/live.rs"]
mod live;
#[path = "openapi_contract/operations.rs"]
mod operations;
#[path = "openapi_contract/passkey_flows.rs"]
mod passkey_flows;
#[path = "openapi_contract/passkey_schemas.rs"]
mod passkey_schemas;
#[path = "openapi_contract/routes.rs"]
mod routes;
#[path = "openapi_contract/schemas.rs"]
mod schemas;
#[path = "openapi_contract/security_flows.rs"]
mod security_flows;
#[path = "openapi_contract/security_schemas.rs"]
mod security_schemas;
#[path = "openapi_contract/spec.rs"]
mod spec;
mod support;
