use crate::{
    Context, JsNativeError, JsResult,
    builtins::iterable::{IteratorHint, IteratorRecord, not_iterable_error},
    symbol::JsSymbol,
    vm::opcode::{Operation, RegisterOperand},
};

/// `GetIterator` implements the Opcode Operation for `Opcode::GetIterator`
///
/// Operation:
///  - Initialize an iterator
#[derive(Debug, Clone, Copy)]
pub(crate) struct GetIterator;

impl GetIterator {
    #[inline(always)]
    pub(crate) fn operation(value: RegisterOperand, context: &mut Context) -> JsResult<()> {
        let value = context.vm.get_register(value.into()).clone();
        if let Some(iterator) = IteratorRecord::for_unmodified_array(&value, context) {
            context.vm.frame_mut().iterators.push(iterator);
            return Ok(());
        }
        // GetIterator(value, sync) as `JsValue::get_iterator` does it, with V8's "rows is not iterable" naming
        // the iterable as the program wrote it (a Blocksmith patch, see the crate's README).
        let method = if value.is_null_or_undefined() {
            None
        } else {
            value.get_method(JsSymbol::iterator(), context)?
        };
        let Some(method) = method else {
            let frame = context.vm.frame();
            return Err(match frame.code_block().written_operand_at(frame.pc) {
                Some(written) => JsNativeError::typ()
                    .with_message(format!("{} is not iterable", written.to_std_string_escaped()))
                    .into(),
                None => not_iterable_error(&value),
            });
        };
        let iterator = value.get_iterator_from_method(&method, context)?;
        context.vm.frame_mut().iterators.push(iterator);
        Ok(())
    }
}

impl Operation for GetIterator {
    const NAME: &'static str = "GetIterator";
    const INSTRUCTION: &'static str = "INST - GetIterator";
    const COST: u8 = 6;
}

/// `GetAsyncIterator` implements the Opcode Operation for `Opcode::GetAsyncIterator`
///
/// Operation:
///  - Initialize an async iterator.
#[derive(Debug, Clone, Copy)]
pub(crate) struct GetAsyncIterator;

impl GetAsyncIterator {
    #[inline(always)]
    pub(crate) fn operation(value: RegisterOperand, context: &mut Context) -> JsResult<()> {
        let value = context.vm.get_register(value.into()).clone();
        let iterator = value.get_iterator(IteratorHint::Async, context)?;
        context.vm.frame_mut().iterators.push(iterator);
        Ok(())
    }
}

impl Operation for GetAsyncIterator {
    const NAME: &'static str = "GetAsyncIterator";
    const INSTRUCTION: &'static str = "INST - GetAsyncIterator";
    const COST: u8 = 6;
}
