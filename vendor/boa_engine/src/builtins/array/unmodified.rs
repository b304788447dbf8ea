//! Patched (see the crate's README): what `Array.prototype` methods may skip for an ordinary array nobody
//! reshaped, under built-ins nobody replaced.
//!
//! `ArraySpeciesCreate` (behind `map`, `filter`, `slice`, `splice`, `concat`, `flat`) reads the array's
//! `constructor`, then that constructor's `Symbol.species` through its getter, then constructs an array through
//! the `Array` constructor: about 7,000 instructions to make an empty array. `push` stores each element through
//! the generic `Set`, which walks the prototype chain for a setter at that index and then redefines the
//! array's `length`: about 1,900 instructions for one element. Both observe nothing a program could change
//! when the array has the shape every fresh array starts with (its own `length` writable, no other own
//! properties, `%Array.prototype%` its prototype), `%Array.prototype%.constructor` is still `%Array%`,
//! `%Array%[Symbol.species]` still the built-in getter, and no prototype on the chain has an element. Then the
//! checks below answer what the generic steps would, and the callers take them in place of those steps.

use crate::{
    Context, JsObject, JsSymbol, JsValue,
    builtins::Array,
    native_function::{NativeFunctionPointer, native_function_pointer},
    object::CONSTRUCTOR,
    property::PropertyKey,
};

/// Whether `object` is an array with the shape of a fresh array: its own `length` (writable) and nothing
/// else, and `%Array.prototype%` its prototype (a shared shape holds its prototype).
pub(crate) fn has_fresh_array_shape(object: &JsObject, context: &Context) -> bool {
    object.is::<Array>()
        && object.borrow().properties().shape.to_addr_usize()
            == context
                .intrinsics()
                .templates()
                .array()
                .shape()
                .to_addr_usize()
}

/// Whether `ArraySpeciesCreate(array, n)` makes a plain array (`ArrayCreate(n)`) without running code:
/// `array` has a fresh array's shape, `%Array.prototype%.constructor` is a data property holding `%Array%`,
/// and `%Array%[Symbol.species]` is the built-in getter, which returns `%Array%`.
pub(super) fn species_is_intrinsic_array(array: &JsObject, context: &Context) -> bool {
    if !has_fresh_array_shape(array, context) {
        return false;
    }
    let constructors = context.intrinsics().constructors();
    let array_constructor = constructors.array().constructor();
    let constructor = constructors
        .array()
        .prototype()
        .borrow()
        .properties()
        .get(&CONSTRUCTOR.into());
    if !constructor
        .as_ref()
        .and_then(|constructor| constructor.value())
        .and_then(JsValue::as_object)
        .is_some_and(|constructor| constructor == array_constructor)
    {
        return false;
    }
    let species = array_constructor
        .borrow()
        .properties()
        .get(&PropertyKey::from(JsSymbol::species()));
    let builtin_getter: NativeFunctionPointer = Array::get_species;
    species
        .as_ref()
        .and_then(|species| species.get())
        .and_then(native_function_pointer)
        .is_some_and(|getter| std::ptr::fn_addr_eq(getter, builtin_getter))
}

/// `Array.prototype.push(...items)` on `array` in place: the items appended to its dense storage and its
/// `length` raised, answering the new length. `None`, having changed nothing, unless `array` is an extensible
/// array with a fresh array's shape whose dense storage holds exactly `length` elements, and no prototype on
/// its chain (`%Array.prototype%`, then `%Object.prototype%`) has an element a `Set` could find: then each
/// generic `Set` would create the element as a data property, exactly as here.
pub(super) fn push_in_place(array: &JsObject, items: &[JsValue], context: &Context) -> Option<u32> {
    if !has_fresh_array_shape(array, context) || !prototypes_have_no_elements(context) {
        return None;
    }
    let mut array = array.borrow_mut();
    if !array.extensible {
        return None;
    }
    let length = u32::try_from(array.properties().storage[0].as_number()? as u64).ok()?;
    // An array's length is at most 2^32 - 1; past it the generic path throws the RangeError.
    let new_length = length.checked_add(u32::try_from(items.len()).ok()?)?;
    let dense_length = array.properties().dense_indexed_length()?;
    if dense_length != length {
        return None;
    }
    let properties = array.properties_mut();
    for item in items {
        if !properties.indexed_properties.push_dense(item) {
            // Dense storage stays dense when it grows at its end: not reached.
            return None;
        }
    }
    properties.storage[0] = JsValue::new(new_length);
    Some(new_length)
}

/// Whether `%Array.prototype%` has no elements and its prototype is `%Object.prototype%`, which has none
/// either (and whose own prototype, null, cannot change).
fn prototypes_have_no_elements(context: &Context) -> bool {
    let intrinsics = context.intrinsics();
    let object_prototype = intrinsics.constructors().object().prototype();
    let array_prototype = intrinsics.constructors().array().prototype();
    let array_prototype = array_prototype.borrow();
    array_prototype.prototype().as_ref() == Some(&object_prototype)
        && array_prototype.properties().index_property_keys().len() == 0
        && object_prototype
            .borrow()
            .properties()
            .index_property_keys()
            .len()
            == 0
}

/// `Array.prototype.concat(...items)` on `array` as the list of the new array's elements, when the generic
/// steps would run no code and find no hole: `ArraySpeciesCreate(array, 0)` makes a plain array
/// ([`species_is_intrinsic_array`]), no prototype on the chain has an element or `Symbol.isConcatSpreadable`,
/// and each of `array` and `items` is either a primitive (appended as one element) or an array with a fresh
/// array's shape whose dense storage holds exactly `length` elements (spread). `None` otherwise.
pub(super) fn concat_elements(
    array: &JsObject,
    items: &[JsValue],
    context: &Context,
) -> Option<Vec<JsValue>> {
    if !species_is_intrinsic_array(array, context)
        || !prototypes_have_no_elements(context)
        || prototypes_have_concat_spreadable(context)
    {
        return None;
    }
    let mut elements = dense_elements(array)?;
    for item in items {
        match item.as_object() {
            Some(item) if has_fresh_array_shape(&item, context) => {
                elements.extend(dense_elements(&item)?);
            }
            Some(_) => return None,
            None => elements.push(item.clone()),
        }
    }
    // The length of the result is at most 2^32 - 1; past it the generic path throws the TypeError or RangeError.
    u32::try_from(elements.len())
        .ok()
        .filter(|&length| length < u32::MAX)?;
    Some(elements)
}

/// The elements of a fresh-shaped `array` whose dense storage holds exactly `length` of them.
fn dense_elements(array: &JsObject) -> Option<Vec<JsValue>> {
    let array = array.borrow();
    let length = array.properties().storage[0].as_number()?;
    let elements = array.properties().dense_elements_to_vec()?;
    (elements.len() as f64 == length).then_some(elements)
}

/// Whether `%Array.prototype%` or `%Object.prototype%` has a `Symbol.isConcatSpreadable` property.
fn prototypes_have_concat_spreadable(context: &Context) -> bool {
    let key = PropertyKey::from(JsSymbol::is_concat_spreadable());
    let constructors = context.intrinsics().constructors();
    [
        constructors.array().prototype(),
        constructors.object().prototype(),
    ]
    .iter()
    .any(|prototype| prototype.borrow().properties().get(&key).is_some())
}
