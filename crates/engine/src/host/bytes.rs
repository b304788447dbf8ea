//! Moves bytes between Rust and JavaScript `Uint8Array`s.

use boa_engine::object::builtins::{JsArrayBuffer, JsTypedArray, JsUint8Array};
use boa_engine::{Context, JsNativeError, JsResult, JsValue};

/// Copies the bytes a `Uint8Array` (or any typed array, or an `ArrayBuffer`) views.
pub fn bytes_of(value: &JsValue, context: &mut Context) -> JsResult<Vec<u8>> {
    let not_bytes = || JsNativeError::typ().with_message("expected a Uint8Array or an ArrayBuffer");
    let object = value.as_object().ok_or_else(not_bytes)?;
    if let Ok(buffer) = JsArrayBuffer::from_object(object.clone()) {
        return buffer.to_vec().ok_or_else(|| detached().into());
    }
    let view = JsTypedArray::from_object(object).map_err(|_| not_bytes())?;
    let offset = view.byte_offset(context)?;
    let length = view.byte_length(context)?;
    let buffer = view.buffer(context)?;
    let buffer = buffer
        .as_object()
        .and_then(|object| JsArrayBuffer::from_object(object).ok())
        .ok_or_else(not_bytes)?;
    let data = buffer.data().ok_or_else(detached)?;
    Ok(data[offset..offset + length].to_vec())
}

/// A new `Uint8Array` holding `bytes`.
pub fn uint8_array(bytes: &[u8], context: &mut Context) -> JsResult<JsValue> {
    Ok(JsUint8Array::from_iter(bytes.iter().copied(), context)?.into())
}

fn detached() -> JsNativeError {
    JsNativeError::typ().with_message("the ArrayBuffer is detached")
}
