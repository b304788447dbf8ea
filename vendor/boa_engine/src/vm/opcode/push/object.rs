use crate::{
    Context,
    builtins::OrdinaryObject,
    vm::opcode::{IndexOperand, Operation, RegisterOperand},
};
use thin_vec::ThinVec;

/// `StoreEmptyObject` implements the Opcode Operation for `Opcode::StoreEmptyObject`
///
/// Operation:
///  - Store empty object `{}` in dst.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoreEmptyObject;

impl StoreEmptyObject {
    #[inline(always)]
    pub(crate) fn operation(dst: RegisterOperand, context: &mut Context) {
        let o = context
            .intrinsics()
            .templates()
            .ordinary_object()
            .create(OrdinaryObject, Vec::default());
        context.vm.set_register(dst.into(), o.into());
    }
}

impl Operation for StoreEmptyObject {
    const NAME: &'static str = "StoreEmptyObject";
    const INSTRUCTION: &'static str = "INST - StoreEmptyObject";
    const COST: u8 = 1;
}

/// `StoreObjectLiteral` implements the Opcode Operation for `Opcode::StoreObjectLiteral`
///
/// Operation:
///  - Store a new object with an object literal's leading plain properties in dst (patched, see
///    `vm::object_literal`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct StoreObjectLiteral;

impl StoreObjectLiteral {
    #[inline(always)]
    pub(crate) fn operation(
        (dst, literal, values): (RegisterOperand, IndexOperand, ThinVec<RegisterOperand>),
        context: &mut Context,
    ) {
        let values = values
            .iter()
            .map(|value| context.vm.get_register((*value).into()).clone())
            .collect();
        let object = context.vm.frame().code_block.object_literals[usize::from(literal)]
            .create(values, context);
        context.vm.set_register(dst.into(), object.into());
    }
}

impl Operation for StoreObjectLiteral {
    const NAME: &'static str = "StoreObjectLiteral";
    const INSTRUCTION: &'static str = "INST - StoreObjectLiteral";
    const COST: u8 = 3;
}
