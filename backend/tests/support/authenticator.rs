//! A software passkey, as a browser and its platform authenticator would answer: it
//! takes the `publicKey` options the backend sent (the JSON a site hands to
//! `parseCreationOptionsFromJSON` / `parseRequestOptionsFromJSON`) and returns what
//! `credential.toJSON()` gives (`RegistrationResponseJSON`, `AuthenticationResponseJSON`,
//! with the fields browsers add: `authenticatorAttachment`, `clientExtensionResults`,
//! `transports`, `publicKey`…). Discoverable: it keeps the user handle and hands it back,
//! so the sign-in names no credential up front. ES256 (P-256) keys, signed with OpenSSL;
//! attestation "none", as passkeys give.

use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use openssl::bn::{BigNum, BigNumContext};
use openssl::ec::{EcGroup, EcKey};
use openssl::hash::MessageDigest;
use openssl::nid::Nid;
use openssl::pkey::{PKey, Private};
use openssl::sign::Signer;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// User present, user verified, attested credential data, backup eligible.
const CREATE_FLAGS: u8 = 0x01 | 0x04 | 0x40 | 0x08;
/// User present, user verified, backup eligible and now backed up (synced).
const GET_FLAGS: u8 = 0x01 | 0x04 | 0x08 | 0x10;

#[derive(Clone)]
pub struct Credential {
    pub id: Vec<u8>,
    pub user_handle: Vec<u8>,
    pub rp_id: String,
    key: PKey<Private>,
    pub counter: u32,
}

/// One authenticator with its passkeys, for pages of `origin`.
pub struct SoftPasskey {
    pub origin: String,
    pub credentials: Vec<Credential>,
    /// Set the user-verified flag (a fingerprint, face or PIN was asked for).
    pub verify_user: bool,
}

pub fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

pub fn unb64(text: &str) -> Vec<u8> {
    B64.decode(text.trim_end_matches('=')).expect("base64url")
}

fn sha256(bytes: &[u8]) -> Vec<u8> {
    Sha256::digest(bytes).to_vec()
}

/// A CBOR byte string or text string header (major type 2 or 3) and its bytes.
fn cbor_bytes(major: u8, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let len = bytes.len();
    if len < 24 {
        out.push(major << 5 | len as u8);
    } else if len < 256 {
        out.extend([major << 5 | 24, len as u8]);
    } else {
        out.push(major << 5 | 25);
        out.extend((len as u16).to_be_bytes());
    }
    out.extend_from_slice(bytes);
    out
}

impl SoftPasskey {
    pub fn new(origin: &str) -> Self {
        Self {
            origin: origin.to_owned(),
            credentials: Vec::new(),
            verify_user: true,
        }
    }

    fn client_data(&self, kind: &str, challenge: &str) -> Vec<u8> {
        serde_json::to_vec(&json!({
            "type": kind,
            "challenge": challenge,
            "origin": self.origin,
            "crossOrigin": false,
        }))
        .expect("client data")
    }

    fn flags(&self, flags: u8) -> u8 {
        if self.verify_user {
            flags
        } else {
            flags & !0x04
        }
    }

    /// `navigator.credentials.create({publicKey})` then `toJSON()`. `None` where a
    /// browser would refuse: a credential of `excludeCredentials` is here already.
    pub fn create(&mut self, public_key: &Value) -> Option<Value> {
        let excluded: Vec<Vec<u8>> = public_key["excludeCredentials"]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|c| c["id"].as_str().map(unb64))
                    .collect()
            })
            .unwrap_or_default();
        if self.credentials.iter().any(|c| excluded.contains(&c.id)) {
            return None;
        }
        let rp_id = public_key["rp"]["id"].as_str().expect("rp.id").to_owned();
        let user_handle = unb64(public_key["user"]["id"].as_str().expect("user.id"));
        let challenge = public_key["challenge"].as_str().expect("challenge");

        let group = EcGroup::from_curve_name(Nid::X9_62_PRIME256V1).expect("P-256");
        let ec = EcKey::generate(&group).expect("key");
        let (mut x, mut y) = (BigNum::new().expect("bn"), BigNum::new().expect("bn"));
        let mut ctx = BigNumContext::new().expect("ctx");
        ec.public_key()
            .affine_coordinates(&group, &mut x, &mut y, &mut ctx)
            .expect("coordinates");
        let key = PKey::from_ec_key(ec).expect("pkey");
        let mut id = vec![0u8; 32];
        openssl::rand::rand_bytes(&mut id).expect("random id");

        // COSE_Key {1: 2 (EC2), 3: -7 (ES256), -1: 1 (P-256), -2: x, -3: y}
        let mut cose = vec![0xa5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21];
        cose.extend(cbor_bytes(2, &x.to_vec_padded(32).expect("x")));
        cose.push(0x22);
        cose.extend(cbor_bytes(2, &y.to_vec_padded(32).expect("y")));

        let mut auth_data = sha256(rp_id.as_bytes());
        auth_data.push(self.flags(CREATE_FLAGS));
        auth_data.extend(0u32.to_be_bytes());
        auth_data.extend([0u8; 16]); // AAGUID
        auth_data.extend((id.len() as u16).to_be_bytes());
        auth_data.extend(&id);
        auth_data.extend(&cose);

        // {"fmt": "none", "attStmt": {}, "authData": …}
        let mut attestation = vec![0xa3];
        attestation.extend(cbor_bytes(3, b"fmt"));
        attestation.extend(cbor_bytes(3, b"none"));
        attestation.extend(cbor_bytes(3, b"attStmt"));
        attestation.push(0xa0);
        attestation.extend(cbor_bytes(3, b"authData"));
        attestation.extend(cbor_bytes(2, &auth_data));

        let client_data = self.client_data("webauthn.create", challenge);
        let spki = key.public_key_to_der().expect("spki");
        self.credentials.push(Credential {
            id: id.clone(),
            user_handle,
            rp_id,
            key,
            counter: 0,
        });
        Some(json!({
            "id": b64(&id),
            "rawId": b64(&id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {"credProps": {"rk": true}},
            "response": {
                "clientDataJSON": b64(&client_data),
                "attestationObject": b64(&attestation),
                "authenticatorData": b64(&auth_data),
                "transports": ["hybrid", "internal"],
                "publicKey": b64(&spki),
                "publicKeyAlgorithm": -7,
            },
        }))
    }

    /// `navigator.credentials.get({publicKey})` then `toJSON()`, with the newest
    /// passkey for the options' relying party (the person picks it).
    pub fn get(&mut self, public_key: &Value) -> Value {
        let index = self
            .credentials
            .iter()
            .rposition(|c| Some(c.rp_id.as_str()) == public_key["rpId"].as_str())
            .expect("a passkey for this relying party");
        self.get_with(index, public_key)
    }

    /// As [`SoftPasskey::get`], with the passkey at `index`.
    pub fn get_with(&mut self, index: usize, public_key: &Value) -> Value {
        let challenge = public_key["challenge"].as_str().expect("challenge");
        let client_data = self.client_data("webauthn.get", challenge);
        let flags = self.flags(GET_FLAGS);
        let credential = &mut self.credentials[index];
        credential.counter += 1;
        let mut auth_data = sha256(credential.rp_id.as_bytes());
        auth_data.push(flags);
        auth_data.extend(credential.counter.to_be_bytes());
        let mut signed = auth_data.clone();
        signed.extend(sha256(&client_data));
        let mut signer = Signer::new(MessageDigest::sha256(), &credential.key).expect("signer");
        let signature = signer.sign_oneshot_to_vec(&signed).expect("signature");
        json!({
            "id": b64(&credential.id),
            "rawId": b64(&credential.id),
            "type": "public-key",
            "authenticatorAttachment": "platform",
            "clientExtensionResults": {},
            "response": {
                "clientDataJSON": b64(&client_data),
                "authenticatorData": b64(&auth_data),
                "signature": b64(&signature),
                "userHandle": b64(&credential.user_handle),
            },
        })
    }
}
