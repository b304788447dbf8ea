//! Reading and writing a local binding's own register, without a copy, where the evaluation order allows it
//! (a Blocksmith patch, see the crate's README).
//!
//! A local binding that no closure captures lives in a register of its frame. Boa already reads such a
//! binding in place when it is an operand, and this module extends that to property access and to the
//! statements that write a local (`x = a[i]`, `t += v * b`, `var c = 0`, `i++` of a `var`), which otherwise
//! evaluate into a temporary and then `Move` it. Pure-JS number crunching (hashes, curves, codecs) is mostly
//! such statements, and each `Move` is a whole dispatch of the interpreter.
//!
//! Reading in place is only right when nothing evaluated between the read and its use can assign the
//! local: `x + (x = 5)` adds 5 to the old `x`. [`assigns_binding`] finds such an assignment, and
//! [`ByteCompiler::compile_expr_operand_before`] copies the local when there is one. Writing in place is only
//! right when the expression writes its destination once, as its last step, after every read
//! ([`writes_destination_last`]): `x = y || x` writes `y` into its destination before it reads `x`.

use core::ops::ControlFlow;

use boa_ast::{
    Expression,
    expression::Identifier,
    expression::operator::{
        Assign, Update,
        assign::{AssignOp, AssignTarget},
        binary::BinaryOp,
        unary::UnaryOp,
        update::UpdateTarget,
    },
    visitor::{VisitWith, Visitor},
};
use boa_interner::Sym;

use super::{Access, BindingKind, ByteCompiler, Register};
use crate::vm::opcode::RegisterOperand;

/// Whether evaluating `expr` may assign the binding named `name`: an assignment or update whose target is
/// that name, or any destructuring assignment (its targets are not looked into). Nested functions are
/// searched too, which can only err on the side of copying.
pub(crate) fn assigns_binding(expr: &Expression, name: Sym) -> bool {
    struct FindAssignment(Sym);

    impl<'ast> Visitor<'ast> for FindAssignment {
        type BreakTy = ();

        fn visit_assign(&mut self, node: &'ast Assign) -> ControlFlow<Self::BreakTy> {
            match node.lhs() {
                AssignTarget::Identifier(target) if target.sym() == self.0 => {
                    ControlFlow::Break(())
                }
                AssignTarget::Pattern(_) => ControlFlow::Break(()),
                _ => node.visit_with(self),
            }
        }

        fn visit_update(&mut self, node: &'ast Update) -> ControlFlow<Self::BreakTy> {
            match node.target() {
                UpdateTarget::Identifier(target) if target.sym() == self.0 => {
                    ControlFlow::Break(())
                }
                _ => node.visit_with(self),
            }
        }
    }

    FindAssignment(name).visit_expression(expr).is_break()
}

/// Whether compiling `expr` into a destination register writes that register exactly once per evaluation,
/// after everything the expression reads, so that the destination may be a local the expression itself
/// reads (`x = x * 2 + y`).
pub(crate) fn writes_destination_last(expr: &Expression) -> bool {
    match expr {
        // One instruction each.
        Expression::Literal(_) | Expression::Identifier(_) | Expression::This(_) => true,
        // Operands go to temporaries (or are read in place); the operator writes the destination.
        Expression::Binary(binary) => {
            !matches!(binary.op(), BinaryOp::Logical(_) | BinaryOp::Comma)
        }
        // The object and key go to temporaries; the final `GetProperty*` writes the destination.
        Expression::PropertyAccess(access) => matches!(
            access,
            boa_ast::expression::access::PropertyAccess::Simple(_)
        ),
        // Callee, `this` and arguments go to temporaries and the stack; the result is popped last.
        Expression::Call(_) | Expression::New(_) | Expression::TemplateLiteral(_) => true,
        // The operand is compiled into the destination, then transformed in place.
        Expression::Unary(unary) => {
            !matches!(unary.op(), UnaryOp::Delete) && writes_destination_last(unary.target())
        }
        // The condition goes to a temporary; only one branch writes the destination.
        Expression::Conditional(conditional) => {
            writes_destination_last(conditional.if_true())
                && writes_destination_last(conditional.if_false())
        }
        Expression::Parenthesized(parenthesized) => {
            writes_destination_last(parenthesized.expression())
        }
        _ => false,
    }
}

/// The name an operand reads in place when it is a local: `x` in `x`, `x = value` and `x op= value`.
fn operand_name(expr: &Expression) -> Option<Identifier> {
    match expr {
        Expression::Identifier(name) => Some(*name),
        Expression::Assign(assign) => match assign.lhs() {
            AssignTarget::Identifier(target) => Some(*target),
            _ => None,
        },
        Expression::Parenthesized(parenthesized) => operand_name(parenthesized.expression()),
        _ => None,
    }
}

impl ByteCompiler<'_> {
    /// [`Self::compile_expr_operand`] for an operand that is read before `later` is evaluated and used
    /// after it: a local is read in place only when no expression of `later` can assign it. `None` stands
    /// for code the caller cannot name (a destructuring step), after which a local is always copied.
    pub(crate) fn compile_expr_operand_before(
        &mut self,
        expr: &Expression,
        later: Option<&[&Expression]>,
        inner_fn: impl FnOnce(&mut Self, RegisterOperand),
    ) {
        // Only a local kept in a register is read in place; anything else is copied by
        // `compile_expr_operand` anyway, so the later expressions are searched only for a local.
        if let Some(name) = operand_name(expr)
            && self.is_register_local(name)
            && later
                .is_none_or(|later| later.iter().any(|later| assigns_binding(later, name.sym())))
        {
            let copy = self.register_allocator.alloc();
            self.compile_expr(expr, &copy);
            inner_fn(self, copy.variable());
            self.register_allocator.dealloc(copy);
            return;
        }
        self.compile_expr_operand(expr, inner_fn);
    }

    /// Whether `name` resolves, here, to a local binding kept in a register.
    fn is_register_local(&self, name: Identifier) -> bool {
        let name = self.resolve_identifier_expect(name);
        self.lexical_scope.get_identifier_reference(name).local()
    }

    /// Compiles `x = value` or `x op= value`, where `x` is a mutable local kept in a register, writing `x`'s
    /// register in place, and returns that register, which then holds the assignment's value. Returns
    /// `None`, having emitted nothing, when the assignment is not of that kind or its order of evaluation
    /// needs the general path.
    pub(crate) fn compile_local_assign_in_place(
        &mut self,
        assign: &Assign,
    ) -> Option<RegisterOperand> {
        let AssignTarget::Identifier(target) = assign.lhs() else {
            return None;
        };
        let name = self.resolve_identifier_expect(*target);
        let mut binding = self.lexical_scope.get_identifier_reference(name.clone());
        if binding.is_lexical() {
            // A `const`, or a name the scope cannot mutate, takes the general path, which throws (or
            // ignores the write, in sloppy mode).
            binding = self.lexical_scope.set_mutable_binding(name).ok()?;
        }
        let BindingKind::Local(Some(register)) = self.get_binding(&binding) else {
            return None;
        };
        let local = Register::persistent(register);
        let op = assign.op();
        let rhs = assign.rhs();
        if op == AssignOp::Assign {
            if !writes_destination_last(rhs) {
                return None;
            }
            let mut compiler = self.position_guard(assign);
            compiler.compile_expr(rhs, &local);
            return Some(local.variable());
        }
        if matches!(
            op,
            AssignOp::BoolAnd | AssignOp::BoolOr | AssignOp::Coalesce
        ) || assigns_binding(rhs, target.sym())
        {
            return None;
        }
        let mut compiler = self.position_guard(assign);
        let local = local.variable();
        compiler.compile_expr_operand(rhs, |compiler, value| {
            let bytecode = &mut compiler.bytecode;
            match op {
                AssignOp::Add => bytecode.emit_add(local, local, value),
                AssignOp::Sub => bytecode.emit_sub(local, local, value),
                AssignOp::Mul => bytecode.emit_mul(local, local, value),
                AssignOp::Div => bytecode.emit_div(local, local, value),
                AssignOp::Mod => bytecode.emit_mod(local, local, value),
                AssignOp::Exp => bytecode.emit_pow(local, local, value),
                AssignOp::And => bytecode.emit_bit_and(local, local, value),
                AssignOp::Or => bytecode.emit_bit_or(local, local, value),
                AssignOp::Xor => bytecode.emit_bit_xor(local, local, value),
                AssignOp::Shl => bytecode.emit_shift_left(local, local, value),
                AssignOp::Shr => bytecode.emit_shift_right(local, local, value),
                AssignOp::Ushr => bytecode.emit_unsigned_shift_right(local, local, value),
                AssignOp::Assign | AssignOp::BoolAnd | AssignOp::BoolOr | AssignOp::Coalesce => {
                    unreachable!("handled above")
                }
            }
        });
        Some(local)
    }

    /// Compiles `o[k] = x` or `o.p = 1` whose value goes unused, where `x` is a local kept in a register or
    /// the number has a register of its own (`constant_registers`): the property is set straight from that
    /// register, not from a copy. Returns `false`, having emitted nothing, for any other assignment. Reading
    /// the local when the property is set is reading it when JavaScript evaluates the right-hand side, after
    /// the object and the key, and nothing the set calls (a setter, a key's `toString`) can reach a local that
    /// no closure captures.
    pub(crate) fn compile_property_assign_in_place(&mut self, assign: &Assign) -> bool {
        if assign.op() != AssignOp::Assign {
            return false;
        }
        let AssignTarget::Access(access) = assign.lhs() else {
            return false;
        };
        let rhs = assign.rhs();
        let in_place = match rhs {
            Expression::Identifier(name) if self.is_register_local(*name) => {
                let name = self.resolve_identifier_expect(*name);
                let binding = self.lexical_scope.get_identifier_reference(name);
                match self.get_binding(&binding) {
                    BindingKind::Local(Some(register)) => Some(register),
                    _ => None,
                }
            }
            _ => self.constant_operand(rhs).map(u32::from),
        };
        let Some(register) = in_place else {
            return false;
        };
        let value = Register::persistent(register);
        let mut compiler = self.position_guard(assign);
        compiler.access_set(Access::Property { access }, Some(rhs), |_| &value);
        true
    }
}
