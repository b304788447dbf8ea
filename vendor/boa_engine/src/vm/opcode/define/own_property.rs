use crate::{
    Context, JsNativeError, JsResult,
    object::{
        JsObject,
        internal_methods::{InternalMethodPropertyContext, ORDINARY_INTERNAL_METHODS},
    },
    property::{PropertyDescriptor, PropertyKey},
    vm::opcode::{IndexOperand, Operation, RegisterOperand},
};

/// `DefineOwnPropertyByName` implements the Opcode Operation for `Opcode::DefineOwnPropertyByName`
///
/// Operation:
///  - Defines a own property of an object by name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DefineOwnPropertyByName;

impl DefineOwnPropertyByName {
    #[inline(always)]
    pub(crate) fn operation(
        (object, value, index): (RegisterOperand, RegisterOperand, IndexOperand),
        context: &mut Context,
    ) -> JsResult<()> {
        let object = context.vm.get_register(object.into()).clone();
        let value = context.vm.get_register(value.into()).clone();
        let name = context
            .vm
            .frame()
            .code_block()
            .constant_string(index.into());
        let object = object.to_object(context)?;
        let key = PropertyKey::from(name);
        let property = PropertyDescriptor::builder()
            .value(value)
            .writable(true)
            .enumerable(true)
            .configurable(true)
            .build();
        if let Some(property) = define_new_named_property(&object, &key, property) {
            // `CreateDataPropertyOrThrow`: a literal's fresh object always takes the property, but a class's
            // static field can meet a constructor a static block froze (patched: Boa ignored the failure).
            let defined = object.__define_own_property__(
                &key,
                property,
                &mut InternalMethodPropertyContext::new(context),
            )?;
            if !defined {
                let message = if object.is_extensible(context)? {
                    format!("Cannot redefine property: {key}")
                } else {
                    format!("Cannot define property {key}, object is not extensible")
                };
                return Err(JsNativeError::typ().with_message(message).into());
            }
        }
        Ok(())
    }
}

/// Patched (see the crate's README): an object literal's `name: value` adds a property the object does not
/// have yet. On an ordinary, extensible object that is exactly what `ValidateAndApplyPropertyDescriptor` does
/// after finding no current property, so the property is inserted directly, skipping the descriptor read and
/// the validation. Gives the descriptor back for the generic path otherwise: an exotic object (a class field on
/// a proxy `this`), an index key, a name already there (`{ a: 1, a: 2 }`), a non-extensible object.
fn define_new_named_property(
    object: &JsObject,
    key: &PropertyKey,
    property: PropertyDescriptor,
) -> Option<PropertyDescriptor> {
    if matches!(key, PropertyKey::Index(_))
        || !std::ptr::fn_addr_eq(
            object.vtable().__define_own_property__,
            ORDINARY_INTERNAL_METHODS.__define_own_property__,
        )
    {
        return Some(property);
    }
    let mut object = object.borrow_mut();
    if !object.extensible || object.properties().shape.lookup(key).is_some() {
        return Some(property);
    }
    object.properties_mut().insert(key, property);
    None
}

impl Operation for DefineOwnPropertyByName {
    const NAME: &'static str = "DefineOwnPropertyByName";
    const INSTRUCTION: &'static str = "INST - DefineOwnPropertyByName";
    const COST: u8 = 4;
}

/// `DefineOwnPropertyByValue` implements the Opcode Operation for `Opcode::DefineOwnPropertyByValue`
///
/// Operation:
///  - Defines a own property of an object by value.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DefineOwnPropertyByValue;

impl DefineOwnPropertyByValue {
    #[inline(always)]
    pub(crate) fn operation(
        (value, key, object): (RegisterOperand, RegisterOperand, RegisterOperand),
        context: &mut Context,
    ) -> JsResult<()> {
        let value = context.vm.get_register(value.into()).clone();
        let key = context.vm.get_register(key.into()).clone();
        let object = context.vm.get_register(object.into()).clone();
        let object = object.to_object(context)?;
        let key = key.to_property_key(context)?;
        let success = object.__define_own_property__(
            &key,
            PropertyDescriptor::builder()
                .value(value.clone())
                .writable(true)
                .enumerable(true)
                .configurable(true)
                .build(),
            &mut InternalMethodPropertyContext::new(context),
        )?;
        if !success {
            return Err(JsNativeError::typ()
                .with_message("failed to defined own property")
                .into());
        }
        Ok(())
    }
}

impl Operation for DefineOwnPropertyByValue {
    const NAME: &'static str = "DefineOwnPropertyByValue";
    const INSTRUCTION: &'static str = "INST - DefineOwnPropertyByValue";
    const COST: u8 = 4;
}
