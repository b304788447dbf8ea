//! Reading a frame's variables by name, for a debugger (a Blocksmith patch, see the crate's README).
//!
//! The compiler keeps most bindings in registers and the rest in declarative environments, and forgets their
//! names once the bytecode is emitted; a direct `eval` is the only way JavaScript itself reads them by name,
//! and its mere presence makes the compiler move every binding of the function into environments. Instead,
//! each [`CodeBlock`] keeps a small table, built when it is compiled ([`FrameBindingSlot`]), of where each
//! binding it declares or reads lives and over which bytecode range its scope is open; a paused debugger
//! asks [`Context::frame_bindings`] for the values a frame sees at its current instruction.
//!
//! After an `await`, the stack holds only the resumed async function; the callers awaiting it are suspended
//! in promise reactions. Each `await` notes the suspended function on the promise it awaits
//! ([`AsyncAwaiter`]), so [`Context::async_stack_trace`] can follow promise to awaiting caller, and
//! [`Context::async_caller_bindings`] can read a caller's variables from the stack it saved.

use std::cell::Cell;
use std::fmt;

use boa_ast::scope::{BindingLocator, BindingLocatorScope, IdentifierReference};
use boa_gc::{Finalize, Gc, Trace};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::{
    Context, JsString, JsValue,
    builtins::{Promise, generator::GeneratorContext},
    environments::Environment,
};

use super::{CallFrame, CallFrameLocation, CodeBlockFlags, Stack};

/// How many suspended callers [`Context::async_stack_trace`] follows at most.
const MAX_ASYNC_CALLERS: usize = 64;

/// The execution context of an async function suspended in an `await`: what the `await`'s reaction resumes.
/// Empty once it resumed.
#[derive(Trace, Finalize)]
pub(crate) struct AsyncAwaiter(pub(crate) Gc<Cell<Option<GeneratorContext>>>);

impl fmt::Debug for AsyncAwaiter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AsyncAwaiter(..)")
    }
}

impl AsyncAwaiter {
    /// What `read` makes of the suspended function's frame and its saved stack, and the promise it will
    /// settle; `None` once it resumed.
    fn suspended<T>(&self, read: impl FnOnce(&CallFrame, &Stack) -> T) -> Option<(T, Option<JsValue>)> {
        let context = self.0.take()?;
        let found = context.call_frame.as_ref().map(|frame| {
            let promise = context
                .stack
                .get_register(frame, CallFrame::PROMISE_CAPABILITY_PROMISE_REGISTER_INDEX)
                .cloned();
            (read(frame, &context.stack), promise)
        });
        self.0.set(Some(context));
        found
    }
}

/// Where a suspended function waits: its frame's `pc` stands after the `Await` instruction, and the `await`
/// is the one before it.
fn await_pc(frame: &CallFrame) -> u32 {
    frame.pc.saturating_sub(1)
}

fn suspended_location(frame: &CallFrame) -> CallFrameLocation {
    let source_info = &frame.code_block.source_info;
    CallFrameLocation {
        function_name: source_info.function_name().clone(),
        path: source_info.map().path().clone(),
        position: source_info.map().find(await_pc(frame)),
    }
}

/// Where one binding of a compiled function lives, and while which instructions its scope is open.
#[derive(Debug, Clone)]
pub(crate) struct FrameBindingSlot {
    name: JsString,
    place: SlotPlace,
    /// The bytecode range `[start, end)` over which the binding's scope is open.
    start: u32,
    end: u32,
    /// Declared by an enclosing function (a closure variable) rather than by this one.
    closure: bool,
}

#[derive(Debug, Clone, Copy)]
enum SlotPlace {
    Register(u32),
    /// The environment at this depth of the frame's environment chain, binding `index`.
    Environment { depth: u32, index: u32 },
}

impl SlotPlace {
    /// Registers first, then environments outermost first; within each, by index.
    fn order(self) -> (u32, u32, u32) {
        match self {
            SlotPlace::Register(index) => (0, 0, index),
            SlotPlace::Environment { depth, index } => (1, depth, index),
        }
    }
}

/// One variable a frame sees, as [`Context::frame_bindings`] reads it.
#[derive(Debug, Clone)]
pub struct FrameBinding {
    /// The binding's name, as the program wrote it.
    pub name: JsString,
    /// `None` while the binding is not initialised yet (a `let` before its declaration runs).
    pub value: Option<JsValue>,
    /// Declared by an enclosing function rather than by the frame's own.
    pub closure: bool,
}

/// What the bytecompiler records while it compiles one function, to build the table from.
#[derive(Debug, Default)]
pub(crate) struct FrameBindingRecorder {
    /// Scopes entered, by unique scope id, with the address they were entered at.
    open_scopes: FxHashMap<u32, u32>,
    /// Scopes entered and left again: `(unique scope id, start, end)`.
    closed_scopes: Vec<(u32, u32, u32)>,
}

impl FrameBindingRecorder {
    pub(crate) fn scope_entered(&mut self, scope_id: u32, address: u32) {
        self.open_scopes.entry(scope_id).or_insert(address);
    }

    pub(crate) fn scope_left(&mut self, scope_id: u32, address: u32) {
        if let Some(start) = self.open_scopes.get(&scope_id) {
            self.closed_scopes.push((scope_id, *start, address));
        }
    }

    /// The table for a finished function: its register bindings and the environment bindings it uses.
    pub(crate) fn finish(
        self,
        registers: &FxHashMap<IdentifierReference, u32>,
        environment_bindings: &[BindingLocator],
        code_length: u32,
    ) -> Box<[FrameBindingSlot]> {
        let own_scopes: FxHashSet<u32> = self.open_scopes.keys().copied().collect();
        let mut slots = Vec::new();
        let mut push = |locator: &BindingLocator, place: SlotPlace, closure: bool| {
            let scope_id = locator.unique_scope_id();
            let mut ranges = self
                .closed_scopes
                .iter()
                .filter(|(id, _, _)| *id == scope_id)
                .map(|(_, start, end)| (*start, *end))
                .peekable();
            if ranges.peek().is_none() {
                // A scope never left is open to the function's end: its own function scope, or a scope of an
                // enclosing function.
                let start = self.open_scopes.get(&scope_id).copied().unwrap_or(0);
                slots.push(FrameBindingSlot {
                    name: locator.name().clone(),
                    place,
                    start,
                    end: code_length,
                    closure,
                });
            }
            for (start, end) in ranges {
                slots.push(FrameBindingSlot {
                    name: locator.name().clone(),
                    place,
                    start,
                    end,
                    closure,
                });
            }
        };
        for (reference, register) in registers {
            push(&reference.locator(), SlotPlace::Register(*register), false);
        }
        for locator in environment_bindings {
            if let BindingLocatorScope::Stack(depth) = locator.scope() {
                let closure = !own_scopes.contains(&locator.unique_scope_id());
                let place = SlotPlace::Environment {
                    depth,
                    index: locator.binding_index(),
                };
                push(locator, place, closure);
            }
        }
        // Registers come from a hash map: give the table a stable order, by where each scope opens.
        slots.sort_by_key(|slot| (slot.closure, slot.start, slot.place.order()));
        slots.into_boxed_slice()
    }
}

impl Context {
    /// The variables the JavaScript frame `depth` frames below the innermost one sees at its current
    /// instruction (`depth` counts as [`Context::stack_trace`] does), its own first and then its closure
    /// variables, each name once (an inner scope's binding hides an outer one's); `None` when there is no
    /// such frame.
    ///
    /// Only the bindings the function declares or reads are known: a closure variable it never mentions is
    /// not listed. Called between instructions (from a native function), never while one runs.
    #[must_use]
    pub fn frame_bindings(&self, depth: usize) -> Option<Vec<FrameBinding>> {
        let frame = self.stack_trace().nth(depth)?;
        Some(bindings_at(frame, frame.pc, &self.vm.stack))
    }

    /// The variables of the `index`th async function [`Context::async_stack_trace`] lists (0 is the
    /// nearest), as they stand while it is suspended in its `await`; `None` when there is no such caller.
    #[must_use]
    pub fn async_caller_bindings(&self, index: usize) -> Option<Vec<FrameBinding>> {
        self.async_callers(index + 1, |frame, stack| {
            bindings_at(frame, await_pc(frame), stack)
        })
        .into_iter()
        .nth(index)
    }

    /// The async functions suspended in an `await` of the outermost frame's promise, then of theirs, and so
    /// on: the callers an async call stack shows below the current stack once an `await` has resumed it.
    /// Nearest first; each location is the `await` the caller is suspended in. Empty when the outermost
    /// frame is not an async function or nothing awaits it.
    #[must_use]
    pub fn async_stack_trace(&self) -> Vec<CallFrameLocation> {
        self.async_callers(MAX_ASYNC_CALLERS, |frame, _| suspended_location(frame))
    }

    /// What `read` makes of each of the first `limit` async callers (see [`Context::async_stack_trace`]),
    /// nearest first.
    fn async_callers<T>(&self, limit: usize, mut read: impl FnMut(&CallFrame, &Stack) -> T) -> Vec<T> {
        let Some(outermost) = self.stack_trace().last() else {
            return Vec::new();
        };
        let flags = outermost.code_block.flags.get();
        if !flags.contains(CodeBlockFlags::IS_ASYNC) || flags.contains(CodeBlockFlags::IS_GENERATOR) {
            return Vec::new();
        }
        let mut promise = self
            .vm
            .stack
            .get_register(outermost, CallFrame::PROMISE_CAPABILITY_PROMISE_REGISTER_INDEX)
            .cloned();
        let mut callers = Vec::new();
        while callers.len() < limit.min(MAX_ASYNC_CALLERS) {
            let Some(awaited) = promise
                .as_ref()
                .and_then(JsValue::as_object)
                .and_then(|object| object.downcast::<Promise>().ok())
            else {
                break;
            };
            let caller = awaited
                .borrow()
                .data()
                .awaited_by
                .as_ref()
                .and_then(|awaiter| awaiter.suspended(&mut read));
            let Some((found, caller_promise)) = caller else {
                break;
            };
            callers.push(found);
            promise = caller_promise;
        }
        callers
    }
}

/// The variables `frame` sees at instruction `pc`, each name once (an inner scope's binding hides an
/// outer one's), read from `stack`: the VM's, or the saved stack of a suspended function.
fn bindings_at(frame: &CallFrame, pc: u32, stack: &Stack) -> Vec<FrameBinding> {
    let mut chosen: Vec<&FrameBindingSlot> = Vec::new();
    for slot in frame
        .code_block
        .frame_bindings
        .iter()
        .filter(|slot| slot.start <= pc && pc < slot.end)
    {
        match chosen.iter_mut().find(|kept| kept.name == slot.name) {
            Some(kept) if hides(slot, kept) => *kept = slot,
            Some(_) => {}
            None => chosen.push(slot),
        }
    }
    chosen
        .into_iter()
        .map(|slot| FrameBinding {
            name: slot.name.clone(),
            value: read_slot(stack, frame, slot.place),
            closure: slot.closure,
        })
        .collect()
}

fn read_slot(stack: &Stack, frame: &CallFrame, place: SlotPlace) -> Option<JsValue> {
    match place {
        SlotPlace::Register(index) => stack.get_register(frame, index as usize).cloned(),
        SlotPlace::Environment { depth, index } => match frame.environments.get(depth as usize)? {
            Environment::Declarative(environment) => environment.try_get(index),
            Environment::Object(_) => None,
        },
    }
}

/// Whether `slot` hides `kept`, another binding of the same name open at the same instruction.
fn hides(slot: &FrameBindingSlot, kept: &FrameBindingSlot) -> bool {
    match (slot.closure, kept.closure) {
        (false, true) => true,
        (true, false) => false,
        // Two closure variables: the nearer function's environment is the deeper one.
        (true, true) => slot.place.order() > kept.place.order(),
        // Two of the function's own: the scope that opened last is the innermost.
        (false, false) => slot.start > kept.start,
    }
}
