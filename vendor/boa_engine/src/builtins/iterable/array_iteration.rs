//! Patched (see the crate's README): whether iterating an array may skip the generic `GetIterator` steps,
//! answered from the slots two prototypes' shapes gave the properties it depends on.
//!
//! `for…of`, spread and destructuring over an array observe nothing a program could change when the array has
//! a fresh array's shape (no own `Symbol.iterator`, `%Array.prototype%` its prototype),
//! `%Array.prototype%[Symbol.iterator]` is a data property holding `%Array.prototype.values%` and
//! `%ArrayIteratorPrototype%.next` a data property holding the built-in `next`. Checking the two properties
//! by key took two hash lookups on every loop (about 1,100 instructions). A property stays at the slot its
//! object's shape gave it for as long as the object keeps that shape, and stays a data property there (a
//! shared shape never changes; a unique one is replaced when a property is removed or turns between data and
//! accessor), so while both prototypes keep the shapes seen at the last full check, reading those two slots
//! gives the properties' current values.

use crate::{
    Context, JsObject, JsValue,
    builtins::array::ArrayIterator,
    js_string,
    native_function::{NativeFunctionPointer, native_function_pointer},
    object::shape::Shape,
    property::PropertyKey,
    symbol::JsSymbol,
};

/// The shapes of `%Array.prototype%` and `%ArrayIteratorPrototype%` at the last full check that found array
/// iteration unmodified, and the slots of `Symbol.iterator` and `next` in them. The shapes are held, so
/// neither can be freed and another take its address.
#[derive(Debug)]
pub(crate) struct ArrayIterationShapes {
    array_prototype: Shape,
    values_slot: usize,
    iterator_prototype: Shape,
    next_slot: usize,
}

/// `%ArrayIteratorPrototype%.next`, when both prototypes have the shapes of the last full check and the two
/// slots still hold the built-ins; `None` otherwise (the caller then checks in full).
pub(super) fn remembered_next(context: &Context) -> Option<JsValue> {
    let remembered = context.array_iteration_shapes.borrow();
    let remembered = remembered.as_ref()?;
    let intrinsics = context.intrinsics();
    let values = slot_of(
        &intrinsics.constructors().array().prototype(),
        &remembered.array_prototype,
        remembered.values_slot,
    )?;
    let values_intrinsic: JsObject = intrinsics.objects().array_prototype_values().into();
    if !values
        .as_object()
        .is_some_and(|values| values == values_intrinsic)
    {
        return None;
    }
    let next = slot_of(
        &intrinsics.objects().iterator_prototypes().array(),
        &remembered.iterator_prototype,
        remembered.next_slot,
    )?;
    is_builtin_next(&next).then_some(next)
}

/// Remembers the prototypes' current shapes and the slots of the two properties, after a full check found
/// them unmodified.
pub(super) fn remember(context: &Context) {
    let intrinsics = context.intrinsics();
    let array_prototype = intrinsics.constructors().array().prototype();
    let iterator_prototype = intrinsics.objects().iterator_prototypes().array();
    let array_prototype = array_prototype.borrow();
    let iterator_prototype = iterator_prototype.borrow();
    let (Some(values), Some(next)) = (
        array_prototype
            .properties()
            .shape
            .lookup(&PropertyKey::from(JsSymbol::iterator())),
        iterator_prototype
            .properties()
            .shape
            .lookup(&js_string!("next").into()),
    ) else {
        return;
    };
    *context.array_iteration_shapes.borrow_mut() = Some(ArrayIterationShapes {
        array_prototype: array_prototype.properties().shape.clone(),
        values_slot: values.index as usize,
        iterator_prototype: iterator_prototype.properties().shape.clone(),
        next_slot: next.index as usize,
    });
}

/// Whether `next` is the built-in `%ArrayIteratorPrototype%.next` (recognised by its function pointer).
pub(super) fn is_builtin_next(next: &JsValue) -> bool {
    let array_next: NativeFunctionPointer = ArrayIterator::next;
    native_function_pointer(next).is_some_and(|next| std::ptr::fn_addr_eq(next, array_next))
}

/// The value in slot `slot` of `object`, if `object` still has the shape `remembered`.
fn slot_of(object: &JsObject, remembered: &Shape, slot: usize) -> Option<JsValue> {
    let object = object.borrow();
    let properties = object.properties();
    if properties.shape.to_addr_usize() != remembered.to_addr_usize() {
        return None;
    }
    properties.storage.get(slot).cloned()
}
