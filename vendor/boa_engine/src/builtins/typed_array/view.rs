//! Patched (see the crate's README): a typed array's elements located once for a number stretch, which then
//! reads and writes them by index without looking at the array and its buffer again.
//!
//! Reading `f[i]` of a typed array looked the array up (a borrow of its object), then its buffer (a borrow of
//! another), checked that the buffer was attached and the array in bounds, and computed where the element
//! starts: about 145 instructions, most of a field multiplication's inner loop in pure-JavaScript Ed25519. A
//! number stretch (`vm::opcode::number_stretch`) runs no JavaScript and allocates nothing on the collected
//! heap, so while it runs no buffer can be detached, resized or transferred (each takes a call of JavaScript)
//! and no object can be collected: a view made at its first access to an array stays exact until the stretch
//! ends, and the stretch drops its views when it does.

use std::sync::atomic::Ordering;

use crate::{
    JsObject, JsValue,
    builtins::array_buffer::{
        BufferRefMut,
        utils::{SliceRef, SliceRefMut},
    },
    builtins::number::{f64_to_int32, f64_to_uint32},
};

use super::{ContentType, TypedArray, TypedArrayKind};

/// Where a typed array of Numbers over an `ArrayBuffer` keeps its elements, for the length of a number stretch.
#[derive(Debug)]
pub(crate) struct TypedArrayView {
    /// The typed array (held: compared by identity).
    array: JsObject,
    /// Its element 0 in its buffer's data.
    elements: *mut u8,
    /// How many elements it has.
    length: usize,
    kind: TypedArrayKind,
}

impl TypedArrayView {
    /// The view of `object`, a typed array of Numbers over an attached `ArrayBuffer` that it lies within;
    /// `None` for anything else (a `BigInt` array, a shared buffer, a detached or too small one), which the
    /// generic element access serves.
    pub(crate) fn of(object: &JsObject) -> Option<Self> {
        let array = object.downcast_ref::<TypedArray>()?;
        let kind = array.kind();
        if !matches!(kind.content_type(), ContentType::Number) {
            return None;
        }
        let mut buffer = array.viewed_array_buffer().as_buffer_mut();
        let BufferRefMut::Buffer(buffer) = &mut buffer else {
            return None;
        };
        let bytes = buffer.bytes_mut()?;
        if array.is_out_of_bounds(bytes.len()) {
            return None;
        }
        let length = usize::try_from(array.array_length(bytes.len())).ok()?;
        let offset = usize::try_from(array.byte_offset()).ok()?;
        // In bounds: the array's bytes lie within the buffer's, offset included.
        let elements = bytes[offset..].as_mut_ptr();
        Some(Self {
            array: object.clone(),
            elements,
            length,
            kind,
        })
    }

    /// Whether this is the view of `object`.
    pub(crate) fn is_of(&self, object: &JsObject) -> bool {
        &self.array == object
    }

    /// Element `index`, as `TypedArrayGetElement` gives it (a Number, kept as a double as the generic path
    /// keeps it); `None` past the end (which reads `undefined`).
    pub(crate) fn read(&self, index: usize) -> Option<JsValue> {
        if index >= self.length {
            return None;
        }
        let size = self.kind.element_size() as usize;
        // SAFETY: `index` is below the length, so the element's bytes lie within the buffer's data, which
        // nothing can move, free or resize while the stretch that holds this view runs (see the module).
        let number = unsafe {
            let element = self.elements.add(index * size);
            match self.kind {
                TypedArrayKind::Float64 => element.cast::<f64>().read_unaligned(),
                TypedArrayKind::Uint8 | TypedArrayKind::Uint8Clamped => f64::from(element.read()),
                TypedArrayKind::Int32 => f64::from(element.cast::<i32>().read_unaligned()),
                TypedArrayKind::Uint32 => f64::from(element.cast::<u32>().read_unaligned()),
                _ => {
                    let bytes = std::slice::from_raw_parts(element, size);
                    return Some(
                        SliceRef::Slice(bytes)
                            .get_value(self.kind, Ordering::Relaxed)
                            .into(),
                    );
                }
            }
        };
        Some(JsValue::rational(number))
    }

    /// Stores `number` (converted to the element type) at `index`, as `TypedArraySetElement` does for a
    /// Number; `false`, having done nothing, past the end (which the generic path ignores in its own way).
    pub(crate) fn write(&self, index: usize, number: f64) -> bool {
        if index >= self.length {
            return false;
        }
        let size = self.kind.element_size() as usize;
        // SAFETY: as in `read`.
        unsafe {
            let element = self.elements.add(index * size);
            match self.kind {
                TypedArrayKind::Float64 => element.cast::<f64>().write_unaligned(number),
                TypedArrayKind::Uint8 => element.write(f64_to_int32(number) as u8),
                TypedArrayKind::Int32 => {
                    element.cast::<i32>().write_unaligned(f64_to_int32(number))
                }
                TypedArrayKind::Uint32 => {
                    element.cast::<u32>().write_unaligned(f64_to_uint32(number))
                }
                _ => {
                    let Some(value) = self.kind.number_element(number) else {
                        return false;
                    };
                    let bytes = std::slice::from_raw_parts_mut(element, size);
                    SliceRefMut::Slice(bytes).set_value(value, Ordering::Relaxed);
                }
            }
        }
        true
    }
}
