//! Reading a JWT's header and claims for the token inspector: an access token that is a JWT (RFC 9068,
//! as Auth0, Entra ID and Okta issue) or an OpenID Connect ID token. Only the two base64url JSON parts
//! are decoded; the signature is left out and not verified, so what is shown is what the token says
//! about itself, for a person to read, never something Blocksmith trusts. An opaque token, or an
//! encrypted one (JWE, five parts), is not decoded.

use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use serde::Serialize;
use serde_json::{Map, Value};

/// base64url, with or without the `=` padding RFC 7515 leaves out (some issuers add it).
const BASE64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// A JWT's readable parts. The signature is not among them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DecodedJwt {
    /// The JOSE header (`alg`, `typ`, `kid`, …).
    pub header: Map<String, Value>,
    /// The claims (`iss`, `sub`, `aud`, `exp`, `scope`, …), as the issuer wrote them.
    pub claims: Map<String, Value>,
}

/// The header and claims of a signed JWT (`header.claims.signature`, each part base64url JSON, the
/// header naming its `alg`); `None` for anything else.
pub fn decode_jwt(token: &str) -> Option<DecodedJwt> {
    let mut parts = token.trim().split('.');
    let (Some(header), Some(claims), Some(_signature), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    let header = json_object(header)?;
    if !header.get("alg").is_some_and(Value::is_string) {
        return None;
    }
    Some(DecodedJwt {
        header,
        claims: json_object(claims)?,
    })
}

fn json_object(part: &str) -> Option<Map<String, Value>> {
    let bytes = BASE64URL.decode(part).ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(object) => Some(object),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn part(value: &Value) -> String {
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(value.to_string())
    }

    #[test]
    fn a_signed_jwt_gives_its_header_and_claims() {
        let header = json!({"alg": "RS256", "typ": "at+jwt", "kid": "k1"});
        let claims = json!({"iss": "https://login.acme.com", "sub": "alice", "exp": 1_800_000_060, "scope": "read write"});
        let token = format!("{}.{}.c2lnbmF0dXJl", part(&header), part(&claims));
        let decoded = decode_jwt(&token).unwrap();
        assert_eq!(Value::Object(decoded.header), header);
        assert_eq!(Value::Object(decoded.claims), claims);
    }

    #[test]
    fn padding_is_accepted_and_the_signature_is_never_kept() {
        let header = base64::engine::general_purpose::URL_SAFE.encode(r#"{"alg":"none"}"#);
        let claims = base64::engine::general_purpose::URL_SAFE.encode(r#"{"sub":"a"}"#);
        let decoded = decode_jwt(&format!("{header}.{claims}.")).unwrap();
        assert_eq!(decoded.claims["sub"], "a");
        let printed = serde_json::to_string(&decoded).unwrap();
        assert!(!printed.contains("signature"), "{printed}");
    }

    #[test]
    fn opaque_encrypted_and_malformed_tokens_are_not_decoded() {
        let header = part(&json!({"alg": "RS256"}));
        let claims = part(&json!({"sub": "a"}));
        for token in [
            "gho_16C7e42F292c6912E7710c838347Ae178B4a".to_owned(),
            "2YotnFZFEjr1zCsicMWpAA".to_owned(),
            // JWE: five parts, the payload encrypted.
            format!("{header}.key.iv.ciphertext.tag"),
            // No `alg` in the header.
            format!("{}.{claims}.sig", part(&json!({"typ": "JWT"}))),
            // Claims that are not a JSON object.
            format!("{header}.{}.sig", part(&json!(["a"]))),
            format!("{header}.not*base64.sig"),
        ] {
            assert_eq!(decode_jwt(&token), None, "{token}");
        }
    }
}
