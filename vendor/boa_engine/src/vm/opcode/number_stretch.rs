//! Patched (see the crate's README): a stretch of number arithmetic, typed array and array element access on
//! int32 keys, the jumps and loop counts between them and calls of pure `Math` functions, run in one handler
//! call instead of one call each.
//!
//! The interpreter's main loop pays for every instruction: a call through the handler table, a completion
//! record returned through memory, and the frame, its code block and its bytecode looked up again. For the
//! inner loops of pure-JavaScript crypto, hashing and compression that is most of the work: a multiplication
//! of two registers holding Numbers is a few machine instructions. Once one of the handlers that start a
//! stretch has taken its fast path, it calls [`run_number_stretch`], which serves the instructions that follow
//! for as long as each one is of a kind it knows and its operands are what its fast path takes: Numbers for
//! arithmetic and comparisons, an int32 key of a typed array or of an array's dense storage for element
//! access, an array's or a string's `length`, a loop count under the limit, a global or an object's property
//! the site's inline cache holds as a data property, a constant, `&&` and `||`, a call whose callee is
//! `Math.floor` or one of a few like it and whose arguments are Numbers. Each of those runs no JavaScript and
//! cannot throw, so it has exactly the effect its handler has. At the first instruction it does not serve, it
//! stores the program counter and returns, having changed nothing for that instruction, and the main loop
//! executes it as usual: a call of anything else, a getter, a property the cache misses, a String operand, an
//! exceeded loop limit and everything else keep their handlers.
//!
//! Nothing here allocates on the garbage-collected heap or pushes a frame, so the frame and its code block
//! stay put for the whole stretch.

use arrayvec::ArrayVec;

use super::{
    Address, IndexOperand, Opcode, RegisterOperand,
    args::{Argument, read},
    get::element_at_int32_key,
    set::store_at_int32_key,
};
use crate::{
    Context, JsObject, JsValue,
    builtins::{Number, math::Math, typed_array::TypedArrayView},
    native_function::{NativeFunctionPointer, native_function_pointer},
    object::shape::slot::SlotAttributes,
    value::JsVariant,
    vm::CodeBlock,
};

/// Runs the instructions from the current frame's program counter for as long as each is one this module
/// serves with operands its fast path takes (see the module's documentation), then leaves the program counter
/// at the first one it did not run.
#[inline]
pub(crate) fn run_number_stretch(context: &mut Context) {
    // A traced run prints every instruction from the main loop; a fuzzed one counts them there.
    #[cfg(feature = "trace")]
    if context.vm.trace || context.vm.frame().code_block.traceable() {
        return;
    }
    #[cfg(feature = "fuzz")]
    return;

    let frame = context.vm.frame();
    let mut pc = frame.pc as usize;
    // Most handlers that end a stretch are followed by an instruction it does not serve: look before paying
    // for the loop's set-up.
    match frame.code_block.bytecode.bytes.get(pc) {
        Some(&byte) if serves(Opcode::decode(byte)) => {}
        _ => return,
    }
    // The frame stays put for the whole stretch, so where its registers start is read once.
    let rp = frame.rp as usize;
    let code_block = frame.code_block.clone();
    let bytes = &code_block.bytecode.bytes[..];
    let mut views = TypedArrayViews::default();
    while let Some(&byte) = bytes.get(pc) {
        let Some(next_pc) = step(
            context,
            rp,
            &code_block,
            pc,
            Opcode::decode(byte),
            &mut views,
        ) else {
            break;
        };
        pc = next_pc;
    }
    context.vm.frame_mut().pc = pc as u32;
}

/// Whether [`step`] knows the instruction at all (its operands decide whether it runs it).
fn serves(opcode: Opcode) -> bool {
    matches!(
        opcode,
        Opcode::Add
            | Opcode::Sub
            | Opcode::Mul
            | Opcode::Div
            | Opcode::Mod
            | Opcode::BitAnd
            | Opcode::BitOr
            | Opcode::BitXor
            | Opcode::ShiftLeft
            | Opcode::ShiftRight
            | Opcode::UnsignedShiftRight
            | Opcode::LessThan
            | Opcode::LessThanOrEq
            | Opcode::GreaterThan
            | Opcode::GreaterThanOrEq
            | Opcode::Inc
            | Opcode::Dec
            | Opcode::Neg
            | Opcode::BitNot
            | Opcode::Move
            | Opcode::GetNameGlobal
            | Opcode::GetPropertyByName
            | Opcode::GetLengthProperty
            | Opcode::StoreZero
            | Opcode::StoreOne
            | Opcode::StoreInt8
            | Opcode::StoreInt16
            | Opcode::StoreInt32
            | Opcode::StoreFloat
            | Opcode::StoreDouble
            | Opcode::StoreUndefined
            | Opcode::PushFromRegister
            | Opcode::PopIntoRegister
            | Opcode::Call
            | Opcode::Jump
            | Opcode::JumpIfTrue
            | Opcode::JumpIfFalse
            | Opcode::LogicalAnd
            | Opcode::LogicalOr
            | Opcode::JumpIfNotLessThan
            | Opcode::JumpIfNotLessThanOrEqual
            | Opcode::JumpIfNotGreaterThan
            | Opcode::JumpIfNotGreaterThanOrEqual
            | Opcode::IncrementLoopIteration
            | Opcode::GetPropertyByValue
            | Opcode::GetPropertyByValuePush
            | Opcode::SetPropertyByValue
    )
}

/// Runs the instruction at `pc` if its operands are what its fast path takes, returning where execution goes
/// next; `None`, having changed nothing, otherwise.
#[inline(always)]
fn step(
    context: &mut Context,
    rp: usize,
    code_block: &CodeBlock,
    pc: usize,
    opcode: Opcode,
    views: &mut TypedArrayViews,
) -> Option<usize> {
    let bytes = &code_block.bytecode.bytes[..];
    let operands = pc + 1;
    match opcode {
        Opcode::Add | Opcode::Sub | Opcode::Mul => arithmetic_run(context, rp, bytes, pc, opcode),
        Opcode::Div => binary(context, rp, bytes, operands, JsValue::div_fast),
        Opcode::Mod => binary(context, rp, bytes, operands, JsValue::rem_fast),
        Opcode::BitAnd => binary(context, rp, bytes, operands, JsValue::bitand_fast),
        Opcode::BitOr => binary(context, rp, bytes, operands, JsValue::bitor_fast),
        Opcode::BitXor => binary(context, rp, bytes, operands, JsValue::bitxor_fast),
        Opcode::ShiftLeft => binary(context, rp, bytes, operands, JsValue::shl_fast),
        Opcode::ShiftRight => binary(context, rp, bytes, operands, JsValue::shr_fast),
        Opcode::UnsignedShiftRight => binary(context, rp, bytes, operands, JsValue::ushr_fast),
        Opcode::LessThan => binary(context, rp, bytes, operands, JsValue::lt_fast),
        Opcode::LessThanOrEq => binary(context, rp, bytes, operands, JsValue::le_fast),
        Opcode::GreaterThan => binary(context, rp, bytes, operands, JsValue::gt_fast),
        Opcode::GreaterThanOrEq => binary(context, rp, bytes, operands, JsValue::ge_fast),
        Opcode::Inc => step_by_one(context, rp, bytes, operands, 1),
        Opcode::Dec => step_by_one(context, rp, bytes, operands, -1),
        Opcode::Neg => {
            let (value, next) = RegisterOperand::decode(bytes, operands);
            let number = register(context, rp, value).as_number()?;
            set_register(context, rp, value, JsValue::new(-number));
            Some(next)
        }
        Opcode::BitNot => {
            let (value, next) = RegisterOperand::decode(bytes, operands);
            let number = register(context, rp, value).as_number()?;
            let not = Number::not(number);
            set_register(context, rp, value, JsValue::new(not));
            Some(next)
        }
        Opcode::Move => {
            let ([dst, src], next) = registers::<2>(bytes, operands);
            let value = register(context, rp, src).clone();
            set_register(context, rp, dst, value);
            Some(next)
        }
        Opcode::GetNameGlobal => {
            let ((dst, index, ic_index), next) =
                <(RegisterOperand, IndexOperand, IndexOperand)>::decode(bytes, operands);
            let value = cached_global(context, code_block, index, ic_index)?;
            set_register(context, rp, dst, value);
            Some(next)
        }
        Opcode::GetPropertyByName => {
            let ((dst, object, ic_index), next) =
                <(RegisterOperand, RegisterOperand, IndexOperand)>::decode(bytes, operands);
            let value = register(context, rp, object)
                .with_object(|object| cached_data_property(object, code_block, ic_index))??;
            set_register(context, rp, dst, value);
            Some(next)
        }
        Opcode::GetLengthProperty => {
            let ((dst, object, _ic_index), next) =
                <(RegisterOperand, RegisterOperand, IndexOperand)>::decode(bytes, operands);
            let length = length_in_place(register(context, rp, object))?;
            set_register(context, rp, dst, length);
            Some(next)
        }
        Opcode::StoreZero => store(context, rp, bytes, operands, |()| JsValue::new(0)),
        Opcode::StoreOne => store(context, rp, bytes, operands, |()| JsValue::new(1)),
        Opcode::StoreInt8 => store(context, rp, bytes, operands, |value: i8| {
            JsValue::new(i32::from(value))
        }),
        Opcode::StoreInt16 => store(context, rp, bytes, operands, |value: i16| {
            JsValue::new(i32::from(value))
        }),
        Opcode::StoreInt32 => store(context, rp, bytes, operands, |value: i32| {
            JsValue::new(value)
        }),
        Opcode::StoreFloat => store(context, rp, bytes, operands, |value: f32| {
            JsValue::new(value)
        }),
        Opcode::StoreDouble => store(context, rp, bytes, operands, |value: f64| {
            JsValue::new(value)
        }),
        Opcode::StoreUndefined => store(context, rp, bytes, operands, |()| JsValue::undefined()),
        Opcode::PushFromRegister => {
            let (src, next) = RegisterOperand::decode(bytes, operands);
            let value = register(context, rp, src).clone();
            context.vm.stack.push(value);
            Some(next)
        }
        Opcode::PopIntoRegister => {
            let (dst, next) = RegisterOperand::decode(bytes, operands);
            let value = context.vm.stack.pop();
            set_register(context, rp, dst, value);
            Some(next)
        }
        Opcode::Call => {
            let (argument_count, next) = IndexOperand::decode(bytes, operands);
            call_pure_math(context, argument_count.into())?;
            Some(next)
        }
        Opcode::Jump => {
            let (address, _) = Address::decode(bytes, operands);
            Some(u32::from(address) as usize)
        }
        // `a && b` and `a || b` leave `a` where it is and jump past `b` as `JumpIfFalse` and `JumpIfTrue` jump.
        Opcode::JumpIfTrue | Opcode::JumpIfFalse | Opcode::LogicalAnd | Opcode::LogicalOr => {
            let ([address, value], next) = read::<[u32; 2]>(bytes, operands);
            let jump_when = matches!(opcode, Opcode::JumpIfTrue | Opcode::LogicalOr);
            if register(context, rp, RegisterOperand::new(value)).to_boolean() == jump_when {
                Some(address as usize)
            } else {
                Some(next)
            }
        }
        Opcode::JumpIfNotLessThan => jump_unless(context, rp, bytes, operands, JsValue::lt_fast),
        Opcode::JumpIfNotLessThanOrEqual => {
            jump_unless(context, rp, bytes, operands, JsValue::le_fast)
        }
        Opcode::JumpIfNotGreaterThan => jump_unless(context, rp, bytes, operands, JsValue::gt_fast),
        Opcode::JumpIfNotGreaterThanOrEqual => {
            jump_unless(context, rp, bytes, operands, JsValue::ge_fast)
        }
        Opcode::IncrementLoopIteration => {
            // Past the limit the handler throws: leave that to it.
            let max = context.vm.runtime_limits.loop_iteration_limit();
            let frame = context.vm.frame_mut();
            if frame.loop_iteration_count > max {
                return None;
            }
            frame.loop_iteration_count = frame.loop_iteration_count.wrapping_add(1);
            Some(operands)
        }
        // The key register keeps its int32 key in both (see `get_by_value`).
        Opcode::GetPropertyByValue | Opcode::GetPropertyByValuePush => {
            let ([dst, key, _receiver, object], next) = registers::<4>(bytes, operands);
            let element = match views.element(context, rp, key, object) {
                Some(element) => element,
                None => element_at_int32_key(context, key, object)?,
            };
            set_register(context, rp, dst, element);
            Some(next)
        }
        Opcode::SetPropertyByValue => {
            let ([value, key, receiver, object], next) = registers::<4>(bytes, operands);
            if u32::from(receiver) == u32::from(object)
                && views.store(context, rp, value, key, object)
            {
                return Some(next);
            }
            // An error here (there is none for a Number) leaves the handler to raise it.
            match store_at_int32_key(context, value, key, receiver, object) {
                Ok(true) => Some(next),
                Ok(false) | Err(_) => None,
            }
        }
        _ => None,
    }
}

/// `+`, `-` and `*` one after another, run in a loop of their own: field and matrix arithmetic alternates
/// `Mul` and `Add` (a multiply-accumulate `t += a * b` is one of each), and a three-way branch that repeats is
/// one the processor predicts, where the stretch's jump table sees every kind of instruction. Returns where the
/// stretch goes on: after the last of them, or at the first whose operands are not Numbers (which the stretch
/// then leaves to the main loop); `None`, having run nothing, when the first one's are not.
#[inline(always)]
fn arithmetic_run(
    context: &mut Context,
    rp: usize,
    bytes: &[u8],
    first: usize,
    first_opcode: Opcode,
) -> Option<usize> {
    let (mut pc, mut opcode) = (first, first_opcode);
    loop {
        let operands = pc + 1;
        let next = match opcode {
            Opcode::Add => binary(context, rp, bytes, operands, JsValue::add_fast),
            Opcode::Sub => binary(context, rp, bytes, operands, JsValue::sub_fast),
            Opcode::Mul => binary(context, rp, bytes, operands, JsValue::mul_fast),
            _ => return Some(pc),
        };
        let Some(next) = next else {
            return (pc != first).then_some(pc);
        };
        pc = next;
        let Some(&byte) = bytes.get(pc) else {
            return Some(pc);
        };
        opcode = Opcode::decode(byte);
    }
}

/// `dst = lhs OP rhs` through the operator's fast path (the one its handler tries first).
#[inline(always)]
fn binary<T: Into<JsValue>>(
    context: &mut Context,
    rp: usize,
    bytes: &[u8],
    operands: usize,
    fast: fn(&JsValue, &JsValue) -> Option<T>,
) -> Option<usize> {
    let ([dst, lhs, rhs], next) = registers::<3>(bytes, operands);
    let value = fast(register(context, rp, lhs), register(context, rp, rhs))?;
    set_register(context, rp, dst, value.into());
    Some(next)
}

/// The `Store*` of a constant: `dst = value`, the constant read from the instruction's operand (none for
/// `StoreZero`, `StoreOne` and `StoreUndefined`).
#[inline(always)]
fn store<T: Argument>(
    context: &mut Context,
    rp: usize,
    bytes: &[u8],
    operands: usize,
    value: fn(T) -> JsValue,
) -> Option<usize> {
    let ((dst, constant), next) = <(RegisterOperand, T)>::decode(bytes, operands);
    set_register(context, rp, dst, value(constant));
    Some(next)
}

/// The `JumpIfNot*` comparisons: fall through when `lhs OP rhs`, jump otherwise.
#[inline(always)]
fn jump_unless(
    context: &Context,
    rp: usize,
    bytes: &[u8],
    operands: usize,
    fast: fn(&JsValue, &JsValue) -> Option<bool>,
) -> Option<usize> {
    let ([address, lhs, rhs], next) = read::<[u32; 3]>(bytes, operands);
    let (lhs, rhs) = (RegisterOperand::new(lhs), RegisterOperand::new(rhs));
    let holds = fast(register(context, rp, lhs), register(context, rp, rhs))?;
    Some(if holds { next } else { address as usize })
}

/// `Inc` and `Dec` on a Number: `dst` is `src` plus `by`; `src`, already a Number, keeps its value (the handler
/// writes back `ToNumeric(src)`, which for a Number is itself).
#[inline(always)]
fn step_by_one(
    context: &mut Context,
    rp: usize,
    bytes: &[u8],
    operands: usize,
    by: i32,
) -> Option<usize> {
    let ([dst, src], next) = registers::<2>(bytes, operands);
    let value = register(context, rp, src);
    let result = if let JsVariant::Integer32(integer) = value.variant()
        && let Some(sum) = integer.checked_add(by)
    {
        JsValue::new(sum)
    } else {
        JsValue::new(value.as_number()? + f64::from(by))
    };
    set_register(context, rp, dst, result);
    Some(next)
}

/// `Math` functions that, given Numbers, only compute a Number: they neither throw nor look at their realm,
/// the shadow stack or the active function, so a call needs none of a native call's bookkeeping.
const PURE_ON_NUMBERS: [NativeFunctionPointer; 10] = [
    Math::floor,
    Math::ceil,
    Math::round,
    Math::trunc,
    Math::abs,
    Math::sign,
    Math::sqrt,
    Math::min,
    Math::max,
    Math::imul,
];

/// The one-argument functions of [`PURE_ON_NUMBERS`] whose built-in is the `f64` method on `ToNumber` of its
/// argument (`Math.floor(x)` is `ToNumber(x).floor()`): given a Number, the stretch computes it without building
/// the call's argument list.
const F64_METHODS: [(NativeFunctionPointer, fn(f64) -> f64); 5] = [
    (Math::floor, f64::floor),
    (Math::ceil, f64::ceil),
    (Math::trunc, f64::trunc),
    (Math::sqrt, f64::sqrt),
    (Math::abs, f64::abs),
];

/// `Call` of one of [`PURE_ON_NUMBERS`] with one or two Numbers (the carry of `Math.floor(v / 65536)`, a
/// `Math.min(a, b)`): calls the function straight and leaves its result where the call would. The callee is
/// known by its function pointer, so `Math.floor` saved in a variable or under another name is recognised,
/// and a `Math.floor` a program replaced is not.
#[inline(always)]
fn call_pure_math(context: &mut Context, argument_count: usize) -> Option<()> {
    if !(1..=2).contains(&argument_count) {
        return None;
    }
    let stack = &context.vm.stack.stack;
    // Stack: this, function, arguments.
    let arguments_start = stack.len() - argument_count;
    let arguments = &stack[arguments_start..];
    if !arguments.iter().all(JsValue::is_number) {
        return None;
    }
    let function = native_function_pointer(&stack[arguments_start - 1])?;
    if !PURE_ON_NUMBERS
        .iter()
        .any(|pure| std::ptr::fn_addr_eq(*pure, function))
    {
        return None;
    }
    if argument_count == 1
        && let Some((_, method)) = F64_METHODS
            .iter()
            .find(|(pure, _)| std::ptr::fn_addr_eq(*pure, function))
    {
        let result = JsValue::new(method(arguments[0].as_number()?));
        let stack = &mut context.vm.stack.stack;
        stack.truncate(arguments_start - 2);
        stack.push(result);
        return Some(());
    }
    let mut numbers = [JsValue::undefined(), JsValue::undefined()];
    numbers[..argument_count].clone_from_slice(arguments);
    // Only on success is the call's part of the stack replaced, so a failure (there is none for Numbers)
    // would leave the handler to make the call and raise it.
    let result = function(&JsValue::undefined(), &numbers[..argument_count], context).ok()?;
    let stack = &mut context.vm.stack.stack;
    stack.truncate(arguments_start - 2);
    stack.push(result);
    Some(())
}

/// The `N` register operands of an instruction, read at once behind one bounds check, and where the next
/// instruction starts.
#[inline(always)]
fn registers<const N: usize>(bytes: &[u8], operands: usize) -> ([RegisterOperand; N], usize)
where
    [u32; N]: super::args::Readable,
{
    let (indices, next) = read::<[u32; N]>(bytes, operands);
    (indices.map(RegisterOperand::new), next)
}

/// Register `index` of the frame whose registers start at `rp`.
#[inline(always)]
fn register(context: &Context, rp: usize, index: RegisterOperand) -> &JsValue {
    let at = rp + usize::from(index);
    debug_assert!(at < context.vm.stack.stack.len(), "register out of bounds");
    // SAFETY: as in `Vm::get_register`: register indices come from the bytecode compiler and lie within the
    // frame's registers, which a stretch never pops.
    unsafe { context.vm.stack.stack.get_unchecked(at) }
}

/// Sets register `index` of the frame whose registers start at `rp`.
#[inline(always)]
fn set_register(context: &mut Context, rp: usize, index: RegisterOperand, value: JsValue) {
    let at = rp + usize::from(index);
    debug_assert!(at < context.vm.stack.stack.len(), "register out of bounds");
    // SAFETY: as in `register`.
    unsafe {
        *context.vm.stack.stack.get_unchecked_mut(at) = value;
    }
}

/// A data property an object (or its prototype) holds where the site's inline cache says: the `floor` of
/// `Math.floor` (`GetPropertyByName`), a library's constants on its namespace object, the global `Math`
/// (`GetNameGlobal`). The handler's own cache hit reads the same slot; on a miss and for an accessor (its getter
/// is JavaScript) the handler does it all, as it does for a primitive (whose properties its prototype holds).
#[inline(always)]
pub(crate) fn cached_data_property(
    object: &JsObject,
    code_block: &CodeBlock,
    ic_index: IndexOperand,
) -> Option<JsValue> {
    let object = object.borrow();
    let slot = code_block.ic[usize::from(ic_index)].get(object.shape())?;
    if slot.attributes.is_accessor_descriptor() {
        return None;
    }
    let index = slot.index as usize;
    if slot.attributes.contains(SlotAttributes::PROTOTYPE) {
        let prototype = object.shape().prototype()?;
        let prototype = prototype.borrow();
        prototype.properties().storage.get(index).cloned()
    } else {
        object.properties().storage.get(index).cloned()
    }
}

/// `GetLengthProperty` (`x.length`) of an array (its `length` is its first slot, a data property that cannot
/// become an accessor) or a string primitive, read in place; `None` for anything else, whose `length` the
/// handler looks up.
#[inline(always)]
pub(crate) fn length_in_place(value: &JsValue) -> Option<JsValue> {
    if let Some(string) = value.as_string() {
        return Some(JsValue::new(string.len() as u32));
    }
    value
        .with_object(|object| {
            object
                .is_array()
                .then(|| object.borrow().properties().storage[0].clone())
        })
        .flatten()
}

/// `GetNameGlobal` of a data property the global object (or its prototype) holds where the site's inline cache
/// says: `Math` of `Math.floor`, a debugger hook's flags. `None` when the name could mean something else here
/// (a `with` object or a sloppy direct `eval` in scope, which `Context::find_runtime_binding` would look
/// through), on a cache miss, and for an accessor (its getter is JavaScript): the handler then does it all.
#[inline(always)]
fn cached_global(
    context: &Context,
    code_block: &CodeBlock,
    index: IndexOperand,
    ic_index: IndexOperand,
) -> Option<JsValue> {
    if !code_block.bindings[usize::from(index)].is_global() {
        return None;
    }
    let frame = context.vm.frame();
    let environment = frame
        .environments
        .current_declarative_ref(frame.realm.environment())?;
    if environment.with() || environment.poisoned() {
        return None;
    }
    cached_data_property(frame.realm.global_object(), code_block, ic_index)
}

/// The typed arrays a stretch has read or written by index so far, located once each (see
/// `builtins::typed_array::view`): a stretch runs no JavaScript and allocates nothing, so they stay exact until
/// it ends. A field multiplication reads two arrays and writes a third.
#[derive(Default)]
struct TypedArrayViews {
    views: ArrayVec<TypedArrayView, 4>,
    /// Which view a fifth array replaces.
    next_replaced: usize,
}

impl TypedArrayViews {
    /// `object[key]` for a typed array of Numbers and an int32 key within it; `None` for anything else.
    #[inline(always)]
    fn element(
        &mut self,
        context: &Context,
        rp: usize,
        key: RegisterOperand,
        object: RegisterOperand,
    ) -> Option<JsValue> {
        let index = usize::try_from(register(context, rp, key).as_i32()?).ok()?;
        register(context, rp, object)
            .with_object(|object| self.view(object)?.read(index))
            .flatten()
    }

    /// `object[key] = value` for a typed array of Numbers, an int32 key within it and a Number; `false`,
    /// having done nothing, for anything else.
    #[inline(always)]
    fn store(
        &mut self,
        context: &Context,
        rp: usize,
        value: RegisterOperand,
        key: RegisterOperand,
        object: RegisterOperand,
    ) -> bool {
        let (Some(index), Some(number)) = (
            register(context, rp, key).as_i32(),
            register(context, rp, value).as_number(),
        ) else {
            return false;
        };
        let Ok(index) = usize::try_from(index) else {
            return false;
        };
        register(context, rp, object)
            .with_object(|object| {
                self.view(object)
                    .is_some_and(|view| view.write(index, number))
            })
            .unwrap_or(false)
    }

    /// The view of `object`, made now if this stretch has not met it; `None` when it is not a typed array of
    /// Numbers over an `ArrayBuffer` (an array is answered first, without a look at its kind).
    fn view(&mut self, object: &JsObject) -> Option<&TypedArrayView> {
        if let Some(found) = self.views.iter().position(|view| view.is_of(object)) {
            return Some(&self.views[found]);
        }
        if object.is_array() {
            return None;
        }
        let view = TypedArrayView::of(object)?;
        let at = if self.views.is_full() {
            let at = self.next_replaced;
            self.next_replaced = (at + 1) % self.views.capacity();
            self.views[at] = view;
            at
        } else {
            self.views.push(view);
            self.views.len() - 1
        };
        Some(&self.views[at])
    }
}
