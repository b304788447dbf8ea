//! Errors thrown to a block the way Node throws them: an `Error`, `TypeError` or `RangeError` whose `code`
//! property names the failure (`ERR_CRYPTO_INVALID_KEYLEN`, `ERR_OSSL_BAD_DECRYPT`, …), so blocks that
//! branch on `error.code` behave as on the platform.

use boa_engine::{js_string, Context, JsError, JsNativeError, JsValue};

/// The constructor a Node error is an instance of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorClass {
    Error,
    TypeError,
    RangeError,
}

/// A failure a host function reports as one of Node's coded errors.
pub trait NodeCoded: std::fmt::Display {
    fn class(&self) -> ErrorClass;
    /// Node's `code` for it, when Node gives one.
    fn code(&self) -> Option<&'static str>;
}

/// The JavaScript error for `failure`: its class, its message and, when it has one, its `code`.
pub fn throw(failure: &impl NodeCoded, context: &mut Context) -> JsError {
    let native = match failure.class() {
        ErrorClass::Error => JsNativeError::error(),
        ErrorClass::TypeError => JsNativeError::typ(),
        ErrorClass::RangeError => JsNativeError::range(),
    }
    .with_message(failure.to_string());
    let Some(code) = failure.code() else {
        return native.into();
    };
    let object = native.into_opaque(context);
    // A fresh error object has no `code`, so defining it cannot fail.
    let _ = object.create_data_property_or_throw(
        js_string!("code"),
        JsValue::from(js_string!(code)),
        context,
    );
    JsError::from_opaque(object.into())
}
