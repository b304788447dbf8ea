use boa_string::StaticJsStrings;

use crate::{
    Context, JsError, JsNativeError, JsObject, JsResult, JsValue,
    builtins::typed_array::{TypedArray, typed_array_get_element, typed_array_integer_element},
    js_string,
    object::{internal_methods::InternalMethodPropertyContext, shape::slot::SlotAttributes},
    property::PropertyKey,
    vm::{
        inline_cache::ShapesBefore,
        opcode::{
            IndexOperand, Operation, RegisterOperand, cached_data_property, length_in_place,
            run_number_stretch,
        },
    },
};

/// The `TypeError` V8 throws for a property access on `null` or `undefined`, naming the property:
/// "Cannot read properties of undefined (reading 'id')" (`verb` "read", `doing` "reading"). Patched in
/// (see the crate's README): Boa's own "cannot convert 'null' or 'undefined' to object" names neither.
pub(crate) fn nullish_property_error(
    base: &JsValue,
    verb: &str,
    doing: &str,
    key: &PropertyKey,
) -> JsError {
    let base = if base.is_null() { "null" } else { "undefined" };
    JsNativeError::typ()
        .with_message(format!(
            "Cannot {verb} properties of {base} ({doing} '{key}')"
        ))
        .into()
}

fn get_by_name(
    (dst, object, receiver, index): (RegisterOperand, &JsValue, &JsValue, IndexOperand),
    context: &mut Context,
) -> JsResult<()> {
    // OPTIMIZATION:
    //    Instead of calling `to_object()`, which creates a temporary wrapper object for primitive
    //    values (e.g., numbers, strings, booleans) just to query their prototype chain.
    //
    //    To prevent the creation of a temporary JsObject, we directly retrieve the prototype that
    //    `to_object()` would produce, such as `Number.prototype`, `String.prototype`, etc.
    if object.is_null_or_undefined() {
        let key: PropertyKey = context.vm.frame().code_block().ic[usize::from(index)]
            .name
            .clone()
            .into();
        return Err(nullish_property_error(object, "read", "reading", &key));
    }
    let object = object.base_class(context)?;

    let ic = &context.vm.frame().code_block().ic[usize::from(index)];
    let object_borrowed = object.borrow();
    if let Some(slot) = ic.get(object_borrowed.shape()) {
        let mut result = if slot.attributes.contains(SlotAttributes::PROTOTYPE) {
            let prototype = object_borrowed
                .shape()
                .prototype()
                .expect("prototype should have value");
            let prototype = prototype.borrow();
            prototype.properties().storage[slot.index as usize].clone()
        } else {
            object_borrowed.properties().storage[slot.index as usize].clone()
        };

        drop(object_borrowed);
        if slot.attributes.has_get() && result.is_object() {
            result =
                result
                    .as_object()
                    .expect("should contain getter")
                    .call(receiver, &[], context)?;
        }
        context.vm.set_register(dst.into(), result);
        return Ok(());
    }

    drop(object_borrowed);

    let key: PropertyKey = ic.name.clone().into();
    let shapes_before = ShapesBefore::of(ic, &object);

    let context = &mut InternalMethodPropertyContext::new(context);
    let result = object.__get__(&key, receiver.clone(), context)?;

    // Cache the property.
    let slot = *context.slot();
    if slot.is_cacheable()
        && let Some(shapes_before) = &shapes_before
    {
        let ic = &context.vm.frame().code_block.ic[usize::from(index)];
        shapes_before.cache_if_unchanged(ic, &object, slot);
    }

    context.vm.set_register(dst.into(), result);
    Ok(())
}

/// The element at `index` of an array's dense storage, if it has one there (a hole, an index past the end
/// and a sparse array take the generic path, which looks at the prototype).
fn dense_array_element(object: &JsObject, index: i32) -> Option<JsValue> {
    let index = u32::try_from(index).ok()?;
    if !object.is_array() {
        return None;
    }
    object.borrow().properties().get_dense_property(index)
}

/// Patched (see the crate's README): an int32 key of a typed array, or of an array's dense storage, reads the
/// element in place, without cloning the object and the key or making the key a property key first. `None`
/// when the registers hold anything else, for the generic path to serve; reading never runs JavaScript.
#[inline]
pub(crate) fn element_at_int32_key(
    context: &Context,
    key: RegisterOperand,
    object: RegisterOperand,
) -> Option<JsValue> {
    let index = context.vm.get_register(key.into()).as_i32()?;
    context
        .vm
        .get_register(object.into())
        .with_object(|object| {
            typed_array_integer_element(object, index)
                .or_else(|| dense_array_element(object, index))
        })
        .flatten()
}

fn get_by_value<const PUSH_KEY: bool>(
    (dst, key, receiver, object): (
        RegisterOperand,
        RegisterOperand,
        RegisterOperand,
        RegisterOperand,
    ),
    context: &mut Context,
) -> JsResult<()> {
    // `GetPropertyByValuePush` (the read of `o[k] += v`) leaves the key it used in the key register for the write
    // that follows, so that converting it to a property key (which may call `toString`) happens once. An int32
    // key converts without side effects to the same key every time, so it stays as it is, a number the write's
    // own int32 path takes, instead of becoming the string Boa's generic path leaves there (patched, see the
    // crate's README).
    if let Some(element) = element_at_int32_key(context, key, object) {
        context.vm.set_register(dst.into(), element);
        run_number_stretch(context);
        return Ok(());
    }

    let key_value = context.vm.get_register(key.into()).clone();
    let base = context.vm.get_register(object.into()).clone();
    if base.is_null_or_undefined() {
        let key = key_value.to_property_key(context)?;
        return Err(nullish_property_error(&base, "read", "reading", &key));
    }
    let object = base.base_class(context)?;
    let key_value = key_value.to_property_key(context)?;

    // Fast Path
    //
    // NOTE: Since we’re using the prototype returned directly by `base_class()`,
    //       we need to handle string primitives separately due to the
    //       string exotic internal methods.
    match &key_value {
        PropertyKey::Index(index) => {
            if object.is_array() {
                let object_borrowed = object.borrow();
                if let Some(element) = object_borrowed.properties().get_dense_property(index.get())
                {
                    if PUSH_KEY {
                        context.vm.set_register(key.into(), key_value.into());
                    }

                    context.vm.set_register(dst.into(), element);
                    return Ok(());
                }
            } else if object.is::<TypedArray>() {
                // Patched (see the crate's README): an integer index of a typed array is its element
                // (IntegerIndexedElementGet), whatever the receiver, so the generic [[Get]] is skipped.
                let element =
                    typed_array_get_element(&object, f64::from(index.get()))?.unwrap_or_default();
                if PUSH_KEY {
                    context.vm.set_register(key.into(), key_value.into());
                }
                context.vm.set_register(dst.into(), element);
                return Ok(());
            } else if let Some(string) = base.as_string() {
                let value = string
                    .code_unit_at(index.get() as usize)
                    .map_or_else(JsValue::undefined, |char| {
                        js_string!([char].as_slice()).into()
                    });

                if PUSH_KEY {
                    context.vm.set_register(key.into(), key_value.into());
                }
                context.vm.set_register(dst.into(), value);
                return Ok(());
            }
        }
        PropertyKey::String(string) if *string == StaticJsStrings::LENGTH => {
            if let Some(string) = base.as_string() {
                let value = string.len().into();

                if PUSH_KEY {
                    context.vm.set_register(key.into(), key_value.into());
                }
                context.vm.set_register(dst.into(), value);
                return Ok(());
            }
        }
        _ => {}
    }

    let receiver = context.vm.get_register(receiver.into());

    // Slow path:
    let result = object.__get__(
        &key_value,
        receiver.clone(),
        &mut InternalMethodPropertyContext::new(context),
    )?;

    if PUSH_KEY {
        context.vm.set_register(key.into(), key_value.into());
    }
    context.vm.set_register(dst.into(), result);
    Ok(())
}

#[derive(Debug, Clone, Copy)]
pub(crate) struct GetLengthProperty;

impl GetLengthProperty {
    #[inline(always)]
    pub(crate) fn operation(
        (dst, object, index): (RegisterOperand, RegisterOperand, IndexOperand),
        context: &mut Context,
    ) -> JsResult<()> {
        // An array's or a string's length, read in place; the instructions after it may be a number stretch
        // (patched, see the crate's README). A string must be answered here: `get_by_name` reads a primitive's
        // properties from its prototype (`base_class`), whose `length` is not the string's.
        if let Some(length) = length_in_place(context.vm.get_register(object.into())) {
            context.vm.set_register(dst.into(), length);
            run_number_stretch(context);
            return Ok(());
        }
        let object = context.vm.get_register(object.into()).clone();
        get_by_name((dst, &object, &object, index), context)
    }
}

impl Operation for GetLengthProperty {
    const NAME: &'static str = "GetLengthProperty";
    const INSTRUCTION: &'static str = "INST - GetLengthProperty";
    const COST: u8 = 4;
}

/// `GetPropertyByName` implements the Opcode Operation for `Opcode::GetPropertyByName`
///
/// Operation:
///  - Get a property by name from an object.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GetPropertyByName;

impl GetPropertyByName {
    #[inline(always)]
    pub(crate) fn operation(
        (dst, object, index): (RegisterOperand, RegisterOperand, IndexOperand),
        context: &mut Context,
    ) -> JsResult<()> {
        // A data property the site's inline cache holds, read without cloning the object; the instructions
        // after it may be a number stretch (patched, see the crate's README).
        let cached = context
            .vm
            .get_register(object.into())
            .with_object(|object| {
                cached_data_property(object, &context.vm.frame().code_block, index)
            })
            .flatten();
        if let Some(value) = cached {
            context.vm.set_register(dst.into(), value);
            run_number_stretch(context);
            return Ok(());
        }
        let object = context.vm.get_register(object.into()).clone();
        get_by_name((dst, &object, &object, index), context)
    }
}

impl Operation for GetPropertyByName {
    const NAME: &'static str = "GetPropertyByName";
    const INSTRUCTION: &'static str = "INST - GetPropertyByName";
    const COST: u8 = 4;
}

/// `GetPropertyByNameWithThis` implements the Opcode Operation for `Opcode::GetPropertyByNameWithThis`
///
/// Operation:
///  - Get a property by name from an object with this.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GetPropertyByNameWithThis;

impl GetPropertyByNameWithThis {
    #[inline(always)]
    pub(crate) fn operation(
        (dst, receiver, value, index): (
            RegisterOperand,
            RegisterOperand,
            RegisterOperand,
            IndexOperand,
        ),
        context: &mut Context,
    ) -> JsResult<()> {
        let receiver = context.vm.get_register(receiver.into()).clone();
        let object = context.vm.get_register(value.into()).clone();
        get_by_name((dst, &object, &receiver, index), context)
    }
}

impl Operation for GetPropertyByNameWithThis {
    const NAME: &'static str = "GetPropertyByNameWithThis";
    const INSTRUCTION: &'static str = "INST - GetPropertyByNameWithThis";
    const COST: u8 = 4;
}

/// `GetPropertyByValue` implements the Opcode Operation for `Opcode::GetPropertyByValue`
///
/// Operation:
///  - Get a property by value from an object and store it in dst.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GetPropertyByValue;

impl GetPropertyByValue {
    #[inline(always)]
    pub(crate) fn operation(
        args: (
            RegisterOperand,
            RegisterOperand,
            RegisterOperand,
            RegisterOperand,
        ),
        context: &mut Context,
    ) -> JsResult<()> {
        get_by_value::<false>(args, context)
    }
}

impl Operation for GetPropertyByValue {
    const NAME: &'static str = "GetPropertyByValue";
    const INSTRUCTION: &'static str = "INST - GetPropertyByValue";
    const COST: u8 = 4;
}

/// `GetPropertyByValuePush` implements the Opcode Operation for `Opcode::GetPropertyByValuePush`
///
/// Operation:
///  - Get a property by value from an object and store the key and value in registers.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GetPropertyByValuePush;

impl GetPropertyByValuePush {
    #[inline(always)]
    pub(crate) fn operation(
        args: (
            RegisterOperand,
            RegisterOperand,
            RegisterOperand,
            RegisterOperand,
        ),
        context: &mut Context,
    ) -> JsResult<()> {
        get_by_value::<true>(args, context)
    }
}

impl Operation for GetPropertyByValuePush {
    const NAME: &'static str = "GetPropertyByValuePush";
    const INSTRUCTION: &'static str = "INST - GetPropertyByValuePush";
    const COST: u8 = 4;
}
