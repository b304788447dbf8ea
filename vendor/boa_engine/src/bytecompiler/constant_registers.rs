//! Number literals used as operands are read from registers that every frame of the function starts with (a
//! Blocksmith patch, see the crate's README).
//!
//! The `7` of `x >>> 7`, the `65536` of `v / 65536` or the `0` of `h[0]` used to be stored into a temporary by an
//! instruction of its own each time the expression ran: in hashing and curve arithmetic, that is one dispatch of
//! the interpreter in every three or four. Now each distinct number a function uses as an operand gets one
//! register for the whole function, [`CodeBlock::constant_registers`](crate::vm::CodeBlock) lists those registers
//! with their numbers, and [`Vm::push_frame`](crate::vm::Vm) writes them as it makes the frame, so the operand
//! costs no instruction at all. Nothing writes these registers afterwards: the compiler hands them out only as
//! operands, which instructions read.

use boa_ast::{
    Expression,
    expression::literal::{Literal, LiteralKind},
};
use rustc_hash::FxHashMap;

use super::ByteCompiler;
use crate::{JsValue, vm::opcode::RegisterOperand};

/// How many numbers one function keeps in registers. A frame writes them all each time it starts, needed or
/// not, so a function with a large table of numbers (an S-box, a CRC table) stops at this many and stores the
/// rest as before.
const MAX_CONSTANT_REGISTERS: usize = 32;

/// A number as its store instruction would make it: an `Integer32`, or a `Float64` by its bits (so that `-0` and
/// `0` stay apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum NumberConstant {
    Integer(i32),
    Float(u64),
}

impl NumberConstant {
    /// The number `literal` stands for, represented as `emit_store_integer` and `emit_store_rational` store it.
    fn of(literal: &Literal) -> Option<Self> {
        match literal.kind() {
            LiteralKind::Int(value) => Some(Self::Integer(*value)),
            LiteralKind::Num(value) if f64::from(*value as i32).to_bits() == value.to_bits() => {
                Some(Self::Integer(*value as i32))
            }
            LiteralKind::Num(value) => Some(Self::Float(value.to_bits())),
            _ => None,
        }
    }

    fn value(self) -> JsValue {
        match self {
            Self::Integer(value) => JsValue::new(value),
            Self::Float(bits) => JsValue::from(f64::from_bits(bits)),
        }
    }
}

/// The registers of one function being compiled that hold its numbers, and the numbers they start with.
#[derive(Debug, Default)]
pub(crate) struct ConstantRegisters {
    by_number: FxHashMap<NumberConstant, u32>,
    initial_values: Vec<(u32, JsValue)>,
}

impl ConstantRegisters {
    /// The registers with the values each frame starts them with, for the code block.
    pub(crate) fn finish(self) -> Box<[(u32, JsValue)]> {
        self.initial_values.into_boxed_slice()
    }
}

impl ByteCompiler<'_> {
    /// The register that holds `expr` when it is a number literal, given one if the function has room left;
    /// `None` for any other expression, which the caller compiles as usual.
    pub(crate) fn constant_operand(&mut self, expr: &Expression) -> Option<RegisterOperand> {
        let Expression::Literal(literal) = expr else {
            return None;
        };
        let number = NumberConstant::of(literal)?;
        if let Some(&register) = self.constant_registers.by_number.get(&number) {
            return Some(register.into());
        }
        if self.constant_registers.initial_values.len() >= MAX_CONSTANT_REGISTERS {
            return None;
        }
        // A register no instruction has used yet: one that held a temporary earlier in the code would be
        // overwritten there after the frame had set it.
        let register = self.register_allocator.alloc_fresh_persistent().index();
        self.constant_registers.by_number.insert(number, register);
        self.constant_registers
            .initial_values
            .push((register, number.value()));
        Some(register.into())
    }

    /// Whether `expr` is a number literal that [`Self::constant_operand`] serves: it already costs an operand
    /// no instruction, so hoisting it out of a loop would only add one.
    pub(crate) fn is_constant_operand(&self, expr: &Expression) -> bool {
        let Expression::Literal(literal) = expr else {
            return false;
        };
        NumberConstant::of(literal).is_some_and(|number| {
            self.constant_registers.by_number.contains_key(&number)
                || self.constant_registers.initial_values.len() < MAX_CONSTANT_REGISTERS
        })
    }
}
