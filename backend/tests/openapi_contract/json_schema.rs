//! A small JSON Schema checker: the subset openapi.yaml uses.

use crate::spec::{resolve, strings};
use serde_json::{json, Map, Value};

fn validate(spec: &Value, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
    let schema = resolve(spec, schema);
    if value.is_null() && schema.get("nullable") == Some(&Value::Bool(true)) {
        return;
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        for part in all {
            validate(spec, part, value, at, errors);
        }
    }
    if let Some(any) = schema.get("anyOf").and_then(Value::as_array) {
        let fits = any.iter().any(|part| {
            let mut e = Vec::new();
            validate(spec, part, value, at, &mut e);
            e.is_empty()
        });
        if !fits {
            errors.push(format!("{at}: {value} matches none of anyOf"));
        }
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array) {
        if !allowed.contains(value) {
            errors.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
    }
    let type_ok = match schema.get("type").and_then(Value::as_str) {
        None => true,
        Some("object") => value.is_object(),
        Some("array") => value.is_array(),
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("boolean") => value.is_boolean(),
        Some(other) => panic!("{at}: type {other} is not used in openapi.yaml"),
    };
    if !type_ok {
        errors.push(format!("{at}: {value} is not of type {}", schema["type"]));
        return;
    }
    if let (Some(min), Some(n)) = (
        schema.get("minimum").and_then(Value::as_i64),
        value.as_i64(),
    ) {
        if n < min {
            errors.push(format!("{at}: {n} < minimum {min}"));
        }
    }
    if let (Some(max), Some(n)) = (
        schema.get("maximum").and_then(Value::as_i64),
        value.as_i64(),
    ) {
        if n > max {
            errors.push(format!("{at}: {n} > maximum {max}"));
        }
    }
    if let Some(object) = value.as_object() {
        for name in strings(schema.get("required")) {
            if !object.contains_key(&name) {
                errors.push(format!("{at}: required member {name} is missing"));
            }
        }
        let properties = schema.get("properties").and_then(Value::as_object);
        for (name, member) in object {
            match properties.and_then(|p| p.get(name)) {
                Some(sub) => validate(spec, sub, member, &format!("{at}.{name}"), errors),
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    errors.push(format!("{at}: member {name} is not allowed"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(array)) = (schema.get("items"), value.as_array()) {
        for (i, item) in array.iter().enumerate() {
            validate(spec, items, item, &format!("{at}[{i}]"), errors);
        }
    }
}

pub(crate) fn assert_valid(spec: &Value, schema: &Value, value: &Value, what: &str) {
    let mut errors = Vec::new();
    validate(spec, schema, value, what, &mut errors);
    assert!(
        errors.is_empty(),
        "{what} does not fit openapi.yaml: {errors:#?}"
    );
}

/// The smallest value the schema allows: only required members, the documented example
/// where there is one, else the first enum value, else an empty value of the type.
pub(crate) fn minimal(spec: &Value, schema: &Value) -> Value {
    let schema = resolve(spec, schema);
    if let Some(example) = schema.get("example") {
        return example.clone();
    }
    if let Some(first) = schema
        .get("enum")
        .and_then(Value::as_array)
        .and_then(|e| e.first())
    {
        return first.clone();
    }
    if let Some(first) = schema
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|a| a.first())
    {
        return minimal(spec, first);
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("object") => {
            let mut object = Map::new();
            for name in strings(schema.get("required")) {
                let sub = schema
                    .pointer(&format!("/properties/{name}"))
                    .unwrap_or_else(|| panic!("required {name} has no property schema"));
                object.insert(name, minimal(spec, sub));
            }
            Value::Object(object)
        }
        Some("array") => json!([]),
        Some("string") => json!("x"),
        Some("integer") => json!(schema.get("minimum").and_then(Value::as_i64).unwrap_or(0)),
        Some("boolean") => json!(false),
        other => panic!("no minimal value for type {other:?}"),
    }
}
