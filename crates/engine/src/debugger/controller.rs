//! The debugger's state machine, on the engine thread. The instrumented block calls `__bsDebug.hit(id)` at
//! a statement when that statement's flag is raised: it carries a breakpoint, a step is under way, or the
//! front end sent a command (`Attention` raises every flag); `hit` then decides whether to pause (a
//! breakpoint whose condition holds, a step that lands, a pause request, the entry).
//! Pausing blocks right there, inside the host function, serving the front end's commands until one
//! resumes the run: so timers, `fetch` callbacks and promise jobs pause just as the block does, and every
//! frame of the block on the stack can be inspected, its variables read from the VM (`frames`).
//!
//! Exceptions the engine raises itself (a `TypeError` from `undefined.x`) have no statement to stop before.
//! While an exception filter is on, every hook reports in, so the debugger knows the statement that ran
//! last and keeps its frame's variables: a `catch` block's first hook (`SiteKind::CatchEntry`) then pauses
//! there for the `all` filter, and an exception that ends the run pauses there, with the variables that
//! frame had, for `uncaught` (`pause_on_uncaught`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use boa_engine::builtins::array_buffer::SharedArrayBuffer;
use boa_engine::object::builtins::{JsSharedArrayBuffer, JsUint8Array};
use boa_engine::object::ObjectInitializer;
use boa_engine::property::Attribute;
use boa_engine::vm::SourcePath;
use boa_engine::{js_string, Context, JsResult, JsString, JsValue, NativeFunction};

use super::frames::{Evaluators, FrameVariables};
use super::inspect::{self, References};
use super::instrument::{HookSite, Instrumented, SiteKind, ThrowSite, HOOK_FLAGS, HOOK_OBJECT};
use super::protocol::{
    Answer, BreakpointSpec, DebugCommand, DebugEvent, ExceptionFilters, ScopeInfo, StackFrame,
    StopReason, VariableInfo,
};
use super::Debugger;

/// The scopes of a pause, by reference: the globals, then each frame's Local and Closure scopes in turn
/// (frame `k`'s at `FIRST_FRAME_SCOPE + 2k` and the next), below the first object reference
/// (`inspect::FIRST_OBJECT_REFERENCE`).
const GLOBAL_SCOPE: u64 = 1;
const FIRST_FRAME_SCOPE: u64 = 2;

/// A scope of one frame, as a variables reference names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrameScope {
    Local(usize),
    Closure(usize),
}

impl FrameScope {
    fn reference(self) -> Option<u64> {
        let (frame, offset) = match self {
            FrameScope::Local(frame) => (frame, 0),
            FrameScope::Closure(frame) => (frame, 1),
        };
        let reference = FIRST_FRAME_SCOPE + u64::try_from(frame).ok()? * 2 + offset;
        (reference < inspect::FIRST_OBJECT_REFERENCE).then_some(reference)
    }

    fn of_reference(reference: u64) -> Option<Self> {
        if !(FIRST_FRAME_SCOPE..inspect::FIRST_OBJECT_REFERENCE).contains(&reference) {
            return None;
        }
        let frame = usize::try_from((reference - FIRST_FRAME_SCOPE) / 2).ok()?;
        Some(if (reference - FIRST_FRAME_SCOPE).is_multiple_of(2) {
            FrameScope::Local(frame)
        } else {
            FrameScope::Closure(frame)
        })
    }
}

/// Where a pause reads its top frame's variables: from the VM, or kept from the statement that raised the
/// exception the run pauses on (that frame may be gone by then).
enum PausedFrame {
    Live,
    Kept(FrameVariables),
}

/// A frame of the block in a pause's call stack.
#[derive(Debug, Clone, Copy)]
enum FrameSource {
    /// On the VM's stack, this many JavaScript frames below the innermost.
    Stack(usize),
    /// The top frame of a pause whose variables were kept.
    Kept,
    /// An async function suspended in an `await` of the frames above: the `n`th of
    /// `Context::async_stack_trace`, its variables read from the stack it saved.
    Suspended(usize),
}

/// Where a step stops.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// At the next statement on another line, in any function.
    In { depth: usize, line: u32 },
    /// At the next statement on another line of this function, or of a caller once it returns.
    Over { depth: usize, line: u32 },
    /// At the next statement of a caller.
    Out { depth: usize },
}

impl Step {
    fn lands(self, depth: usize, line: u32) -> bool {
        match self {
            Step::In {
                depth: from,
                line: from_line,
            } => depth != from || line != from_line,
            Step::Over {
                depth: from,
                line: from_line,
            } => depth < from || (depth == from && line != from_line),
            Step::Out { depth: from } => depth < from,
        }
    }
}

struct Control {
    /// By the hook line a breakpoint resolved to.
    breakpoints: HashMap<u32, BreakpointSpec>,
    exceptions: ExceptionFilters,
    step: Option<Step>,
    entry_pending: bool,
    /// While paused (and while a watch evaluates), the hooks do nothing.
    paused: bool,
    /// The front end went away: the run goes on without the debugger.
    detached: bool,
    references: References,
    evaluators: Evaluators,
    /// The hook that ran last and its frame's variables, kept while an exception filter is on: where an
    /// exception the engine raised came from.
    last_hit: Option<(usize, FrameVariables)>,
    /// The `throw` statement the run last paused before, so the exception it throws is not paused on
    /// again where it is caught or where it ends the run.
    paused_before_throw: Option<usize>,
}

/// The debugger of one run, kept in the context's host data.
pub(crate) struct DebugState {
    debugger: Debugger,
    instrumented: Instrumented,
    file_name: String,
    /// For each hook: whether it is the first of its line (the one a breakpoint on that line stops at).
    first_of_line: Vec<bool>,
    /// One byte per hook, which the hook reads: raised, the hook calls the debugger. Shared with the thread
    /// that receives the front end's commands (`Attention`).
    hook_flags: SharedArrayBuffer,
    /// Which hooks must call in while the run simply goes on (`refresh_flags`).
    standing_flags: RefCell<Vec<bool>>,
    /// What `hook_flags` holds now, so a hook that changes nothing writes nothing.
    flags_written: Cell<Option<HookFlags>>,
    control: RefCell<Control>,
}

/// What the hooks' flags say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HookFlags {
    /// The standing flags: breakpoints, `debugger;` statements, every hook under an exception filter.
    Standing,
    /// Every hook calls in: a step is under way, or the entry is still to pause at.
    All,
    /// None does: the front end went away.
    None,
}

/// Installs `__bsDebug` and the debugger's state in `context`.
pub(crate) fn install(
    debugger: Debugger,
    instrumented: Instrumented,
    file_name: String,
    context: &mut Context,
) -> JsResult<()> {
    let flags_buffer = JsSharedArrayBuffer::new(instrumented.hooks.len().max(1), context)?;
    let hook_flags = flags_buffer.inner();
    let flags_view = JsUint8Array::from_shared_array_buffer(flags_buffer, context)?;
    context.register_global_property(JsString::from(HOOK_FLAGS), flags_view, Attribute::empty())?;
    let hook_object = ObjectInitializer::new(context)
        .function(NativeFunction::from_fn_ptr(hit), js_string!("hit"), 1)
        .build();
    context.register_global_property(
        JsString::from(HOOK_OBJECT),
        hook_object,
        Attribute::empty(),
    )?;
    // Commands that came before the flags existed are heard at the first statement.
    let _ = debugger.attention.hook_flags.set(hook_flags.clone());
    let mut seen_lines = Vec::new();
    let first_of_line = instrumented
        .hooks
        .iter()
        .map(|hook| {
            let first = !seen_lines.contains(&hook.line);
            seen_lines.push(hook.line);
            first
        })
        .collect();
    let launch = debugger.launch.clone();
    let state = Rc::new(DebugState {
        debugger,
        instrumented,
        file_name,
        first_of_line,
        hook_flags,
        standing_flags: RefCell::new(Vec::new()),
        flags_written: Cell::new(None),
        control: RefCell::new(Control {
            breakpoints: HashMap::new(),
            exceptions: launch.exceptions,
            step: None,
            entry_pending: launch.stop_on_entry,
            paused: false,
            detached: false,
            references: References::default(),
            evaluators: Evaluators::default(),
            last_hit: None,
            paused_before_throw: None,
        }),
    });
    state.set_breakpoints(launch.breakpoints);
    state.settle_flags(None);
    context.insert_data(state);
    Ok(())
}

/// `__bsDebug.hit(id)`.
fn hit(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let Some(state) = context.get_data::<Rc<DebugState>>().cloned() else {
        return Ok(false.into());
    };
    let id = args
        .first()
        .and_then(JsValue::as_number)
        .map_or(0, |id| id as usize);
    state.on_hook(id, context)?;
    Ok(false.into())
}

/// The variables of the innermost frame: the block's statement that called its hook (host functions push
/// no frame).
fn hook_frame(context: &Context) -> FrameVariables {
    FrameVariables::read(0, context).unwrap_or_default()
}

impl DebugState {
    fn on_hook(&self, id: usize, context: &mut Context) -> JsResult<()> {
        if self.control.borrow().paused {
            return Ok(());
        }
        if self.debugger.attention.take_commands_waiting() {
            // `Attention` raised every flag: whatever they say now, write them again.
            self.flags_written.set(None);
            self.apply_pending_commands();
        }
        if self.control.borrow().detached {
            self.settle_flags(Some(id));
            return Ok(());
        }
        let Some(site) = self.instrumented.hooks.get(id).cloned() else {
            return Ok(());
        };
        let depth = frame_depth(context);
        if let SiteKind::CatchEntry { parameter } = &site.kind {
            self.pause_where_caught(parameter.as_deref(), depth, context)?;
        }
        if self.watches_exceptions() {
            self.control.borrow_mut().last_hit = Some((id, hook_frame(context)));
        }
        let reason = self.reason_to_stop(id, &site, depth, context)?;
        match reason {
            Some(reason) => {
                let text = match (reason, &site.kind) {
                    (StopReason::Exception, _) => {
                        self.control.borrow_mut().paused_before_throw = Some(id);
                        Some("Paused on the `throw` statement about to run.".to_owned())
                    }
                    (_, SiteKind::DebuggerStatement) => {
                        Some("Paused on a `debugger` statement.".to_owned())
                    }
                    _ => None,
                };
                self.pause(reason, &site, text, depth, PausedFrame::Live, context)
            }
            None => {
                self.settle_flags(Some(id));
                Ok(())
            }
        }
    }

    fn watches_exceptions(&self) -> bool {
        let filters = self.control.borrow().exceptions;
        filters.all || filters.uncaught
    }

    /// The statement that raised the exception being handled now, and its frame's variables; `None` when
    /// the run already paused before that exception's `throw`, or no filter asked for it.
    fn unreported_exception(&self) -> Option<(HookSite, FrameVariables)> {
        let control = self.control.borrow();
        let (id, variables) = control.last_hit.clone()?;
        if control.paused_before_throw == Some(id) {
            return None;
        }
        let site = self.instrumented.hooks.get(id)?.clone();
        Some((site, variables))
    }

    /// At a `catch` block's start, for the `all` filter: pauses at the statement that raised what was
    /// caught, in its frame.
    fn pause_where_caught(
        &self,
        parameter: Option<&str>,
        depth: usize,
        context: &mut Context,
    ) -> JsResult<()> {
        if !self.control.borrow().exceptions.all {
            return Ok(());
        }
        let Some((thrower, thrower_variables)) = self.unreported_exception() else {
            return Ok(());
        };
        let caught = parameter.and_then(|name| {
            hook_frame(context)
                .local
                .into_iter()
                .find(|(local, _)| local == name)
                .map(|(_, value)| value)
        });
        let text = caught.map(|value| exception_text(&value, context));
        self.pause(
            StopReason::Exception,
            &thrower,
            text,
            depth,
            PausedFrame::Kept(thrower_variables),
            context,
        )
    }

    /// The run is about to end with `exception`, which nothing caught: for the `uncaught` (or `all`) filter,
    /// pauses at the statement that raised it, with the variables its frame had then. Nothing of the block
    /// runs after this pause, so stepping ends the run as continuing does.
    fn pause_on_uncaught(&self, exception: &JsValue, context: &mut Context) -> JsResult<()> {
        if !self.watches_exceptions() || self.control.borrow().detached {
            return Ok(());
        }
        let Some((thrower, variables)) = self.unreported_exception() else {
            return Ok(());
        };
        let text = Some(exception_text(exception, context));
        self.pause(
            StopReason::Exception,
            &thrower,
            text,
            0,
            PausedFrame::Kept(variables),
            context,
        )
    }

    fn reason_to_stop(
        &self,
        id: usize,
        site: &HookSite,
        depth: usize,
        context: &mut Context,
    ) -> JsResult<Option<StopReason>> {
        if self.debugger.attention.take_pause_request() {
            return Ok(Some(StopReason::Pause));
        }
        let (entry, step, breakpoint, exceptions) = {
            let mut control = self.control.borrow_mut();
            let entry = std::mem::take(&mut control.entry_pending);
            let breakpoint = if self.first_of_line[id] {
                control.breakpoints.get(&site.line).cloned()
            } else {
                None
            };
            (entry, control.step, breakpoint, control.exceptions)
        };
        if entry {
            return Ok(Some(StopReason::Entry));
        }
        if site.kind == SiteKind::DebuggerStatement {
            return Ok(Some(StopReason::Breakpoint));
        }
        if step.is_some_and(|step| step.lands(depth, site.line)) {
            return Ok(Some(StopReason::Step));
        }
        if site.throw.is_some_and(|throw| pauses_on(exceptions, throw)) {
            return Ok(Some(StopReason::Exception));
        }
        let Some(breakpoint) = breakpoint else {
            return Ok(None);
        };
        if breakpoint.condition.is_none() && breakpoint.log_message.is_none() {
            return Ok(Some(StopReason::Breakpoint));
        }
        let variables = hook_frame(context);
        if let Some(condition) = &breakpoint.condition {
            if !self
                .evaluate_quietly(condition, &variables, context)
                .to_boolean()
            {
                return Ok(None);
            }
        }
        if let Some(message) = &breakpoint.log_message {
            let message = self.interpolate(message, &variables, context);
            (self.debugger.events.0)(&DebugEvent::LogPoint {
                line: site.line,
                message,
            });
            return Ok(None);
        }
        Ok(Some(StopReason::Breakpoint))
    }

    /// Serves the front end until it resumes the run.
    fn pause(
        &self,
        reason: StopReason,
        site: &HookSite,
        text: Option<String>,
        depth: usize,
        paused: PausedFrame,
        context: &mut Context,
    ) -> JsResult<()> {
        {
            let mut control = self.control.borrow_mut();
            control.paused = true;
            control.step = None;
        }
        let (top, kept) = match paused {
            PausedFrame::Live => (hook_frame(context), false),
            PausedFrame::Kept(variables) => (variables, true),
        };
        let frames = self.frames(site, kept, context);
        self.emit(&DebugEvent::Stopped {
            reason,
            line: site.line,
            column: site.column,
            text,
        });
        let step = loop {
            let Ok(command) = self.debugger.commands.recv() else {
                self.control.borrow_mut().detached = true;
                break None;
            };
            match command {
                DebugCommand::Continue => break None,
                DebugCommand::Next => {
                    break Some(Step::Over {
                        depth,
                        line: site.line,
                    })
                }
                DebugCommand::StepIn => {
                    break Some(Step::In {
                        depth,
                        line: site.line,
                    })
                }
                DebugCommand::StepOut => break Some(Step::Out { depth }),
                other => self.serve(other, &frames, &top, context)?,
            }
        };
        self.debugger.attention.forget_pause_request();
        {
            let mut control = self.control.borrow_mut();
            control.paused = false;
            control.step = step;
            control.references.clear();
        }
        self.emit(&DebugEvent::Continued);
        self.settle_flags(None);
        Ok(())
    }

    /// Commands that arrived while the run was going: breakpoints and filters apply now; a pause request was
    /// already flagged by whoever received it; questions about a paused frame have no frame to answer from.
    fn apply_pending_commands(&self) {
        while let Ok(command) = self.debugger.commands.try_recv() {
            match command {
                DebugCommand::SetBreakpoints { breakpoints } => {
                    self.set_breakpoints(breakpoints);
                }
                DebugCommand::SetExceptionFilters { filters } => {
                    self.set_exception_filters(filters);
                }
                DebugCommand::StackTrace { request }
                | DebugCommand::Scopes { request, .. }
                | DebugCommand::Variables { request, .. }
                | DebugCommand::Evaluate { request, .. } => self.emit(&DebugEvent::Refused {
                    request,
                    message: "The block is running; pause it first.".to_owned(),
                }),
                DebugCommand::Continue
                | DebugCommand::Next
                | DebugCommand::StepIn
                | DebugCommand::StepOut
                | DebugCommand::Pause => {}
            }
        }
    }

    /// Answers a command while paused.
    fn serve(
        &self,
        command: DebugCommand,
        frames: &[PauseFrame],
        top: &FrameVariables,
        context: &mut Context,
    ) -> JsResult<()> {
        match command {
            DebugCommand::SetBreakpoints { breakpoints } => self.set_breakpoints(breakpoints),
            DebugCommand::SetExceptionFilters { filters } => {
                self.set_exception_filters(filters);
            }
            DebugCommand::StackTrace { request } => {
                let stack_frames: Vec<StackFrame> =
                    frames.iter().map(|frame| frame.info.clone()).collect();
                self.answer(
                    request,
                    Answer::StackTrace {
                        total_frames: stack_frames.len(),
                        stack_frames,
                    },
                );
            }
            DebugCommand::Scopes { request, frame_id } => {
                let frame = usize::try_from(frame_id).unwrap_or(usize::MAX);
                // A frame too deep for a scope reference shows the globals alone.
                let mut scopes = Vec::new();
                if let (true, Some(local), Some(closure)) = (
                    frame < frames.len(),
                    FrameScope::Local(frame).reference(),
                    FrameScope::Closure(frame).reference(),
                ) {
                    scopes.push(scope("Local", local));
                    scopes.push(scope("Closure", closure));
                }
                scopes.push(scope("Global", GLOBAL_SCOPE));
                self.answer(request, Answer::Scopes { scopes });
            }
            DebugCommand::Variables {
                request,
                variables_reference,
                start,
                count,
            } => {
                let variables =
                    self.variables(variables_reference, start, count, frames, top, context);
                match variables {
                    Some(variables) => self.answer(request, Answer::Variables { variables }),
                    None => self.emit(&DebugEvent::Refused {
                        request,
                        message: format!(
                            "There is no variable reference {variables_reference} in this pause."
                        ),
                    }),
                }
            }
            DebugCommand::Evaluate {
                request,
                expression,
                frame_id,
            } => {
                let frame = frame_id.map_or(0, |id| usize::try_from(id).unwrap_or(usize::MAX));
                let Some(variables) = frame_variables(frames, frame, top, context) else {
                    self.emit(&DebugEvent::Refused {
                        request,
                        message: format!(
                            "Frame {frame} cannot be evaluated in: it is not a frame of the block \
                             on the stack (a caller suspended in an `await` shows where it waits only)."
                        ),
                    });
                    return Ok(());
                };
                match self.evaluate(&expression, &variables, context) {
                    Ok(value) => {
                        // Describing a value may run the block's getters, whose hooks read the control.
                        let mut references =
                            std::mem::take(&mut self.control.borrow_mut().references);
                        let variable =
                            inspect::variable(String::new(), &value, &mut references, context);
                        self.control.borrow_mut().references = references;
                        self.answer(
                            request,
                            Answer::Evaluated {
                                result: variable.value,
                                kind: variable.kind,
                                variables_reference: variable.variables_reference,
                            },
                        );
                    }
                    Err(message) => self.emit(&DebugEvent::Refused { request, message }),
                }
            }
            DebugCommand::Pause
            | DebugCommand::Continue
            | DebugCommand::Next
            | DebugCommand::StepIn
            | DebugCommand::StepOut => {}
        }
        Ok(())
    }

    /// The block's frames in this pause, innermost first: those on the VM's stack (the first at the paused
    /// statement, with the kept variables when `kept`), then the async functions suspended in an `await`
    /// of them, as far as the engine follows the promises.
    fn frames(&self, site: &HookSite, kept: bool, context: &Context) -> Vec<PauseFrame> {
        let mut frames: Vec<PauseFrame> = Vec::new();
        for (depth, frame) in context.stack_trace().enumerate() {
            let location = frame.position();
            if !self.in_block(&location.path) {
                continue;
            }
            let (line, column) = if frames.is_empty() {
                (site.line, site.column)
            } else {
                self.location_in_block(location.position)
            };
            let source = if frames.is_empty() && kept {
                FrameSource::Kept
            } else {
                FrameSource::Stack(depth)
            };
            frames.push(self.pause_frame(
                frames.len(),
                &location.function_name,
                line,
                column,
                source,
            ));
        }
        if frames.is_empty() {
            // Paused as the run ends on an uncaught exception: the frames are gone, the statement is known.
            frames.push(PauseFrame {
                info: StackFrame {
                    id: 0,
                    name: "(uncaught exception)".to_owned(),
                    line: site.line,
                    column: site.column,
                },
                source: FrameSource::Kept,
            });
            return frames;
        }
        for (index, caller) in context.async_stack_trace().into_iter().enumerate() {
            if !self.in_block(&caller.path) {
                continue;
            }
            let (line, column) = self.location_in_block(caller.position);
            frames.push(self.pause_frame(
                frames.len(),
                &caller.function_name,
                line,
                column,
                FrameSource::Suspended(index),
            ));
        }
        frames
    }

    fn in_block(&self, path: &SourcePath) -> bool {
        matches!(path, SourcePath::Path(path) if path.to_string_lossy() == self.file_name)
    }

    /// A position the engine reports in the instrumented text, in the block's file; `(0, 0)` when unknown.
    fn location_in_block(&self, position: Option<boa_ast::Position>) -> (u32, u32) {
        match position {
            Some(position) => self
                .instrumented
                .block_position(position.line_number(), position.column_number()),
            None => (0, 0),
        }
    }

    fn pause_frame(
        &self,
        id: usize,
        function_name: &JsString,
        line: u32,
        column: u32,
        source: FrameSource,
    ) -> PauseFrame {
        let name = function_name.to_std_string_lossy();
        PauseFrame {
            info: StackFrame {
                id: u64::try_from(id).unwrap_or(u64::MAX),
                name: if name.is_empty() {
                    "(anonymous)".to_owned()
                } else {
                    name
                },
                line,
                column,
            },
            source,
        }
    }

    fn variables(
        &self,
        reference: u64,
        start: Option<usize>,
        count: Option<usize>,
        frames: &[PauseFrame],
        top: &FrameVariables,
        context: &mut Context,
    ) -> Option<Vec<VariableInfo>> {
        let named = match FrameScope::of_reference(reference) {
            Some(FrameScope::Local(frame)) => frame_variables(frames, frame, top, context)?.local,
            Some(FrameScope::Closure(frame)) => {
                frame_variables(frames, frame, top, context)?.closure
            }
            None => {
                let object = if reference == GLOBAL_SCOPE {
                    context.global_object()
                } else {
                    self.control.borrow().references.object(reference)?
                };
                let mut references = std::mem::take(&mut self.control.borrow_mut().references);
                let members = inspect::members(&object, start, count, &mut references, context);
                self.control.borrow_mut().references = references;
                return Some(members);
            }
        };
        let mut references = std::mem::take(&mut self.control.borrow_mut().references);
        let variables = named
            .into_iter()
            .map(|(name, value)| inspect::variable(name, &value, &mut references, context))
            .collect();
        self.control.borrow_mut().references = references;
        Some(variables)
    }

    /// Evaluates `expression` with a frame's variables in scope; a throw comes back as `Name: message`.
    fn evaluate(
        &self,
        expression: &str,
        variables: &FrameVariables,
        context: &mut Context,
    ) -> Result<JsValue, String> {
        let was_paused = std::mem::replace(&mut self.control.borrow_mut().paused, true);
        // The evaluators leave the control while they run: the expression may call the block's functions,
        // whose hooks read it.
        let mut evaluators = std::mem::take(&mut self.control.borrow_mut().evaluators);
        let value = evaluators.evaluate(expression, variables, context);
        let mut control = self.control.borrow_mut();
        control.evaluators = evaluators;
        control.paused = was_paused;
        drop(control);
        value.map_err(|error| match error.try_native(context) {
            Ok(native) => format!("{}: {}", native.kind(), native.message()),
            Err(_) => error.to_string(),
        })
    }

    /// A condition's value; one that throws counts as false, as in the editors people know.
    fn evaluate_quietly(
        &self,
        expression: &str,
        variables: &FrameVariables,
        context: &mut Context,
    ) -> JsValue {
        self.evaluate(expression, variables, context)
            .unwrap_or_default()
    }

    /// A logpoint's text with each `{expression}` replaced by its value (strings as they are).
    fn interpolate(
        &self,
        message: &str,
        variables: &FrameVariables,
        context: &mut Context,
    ) -> String {
        let mut text = String::new();
        let mut rest = message;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            text.push_str(&rest[..open]);
            let expression = &rest[open + 1..open + close];
            let shown = match self.evaluate(expression, variables, context) {
                Ok(value) => match value.as_string() {
                    Some(string) => string.to_std_string_lossy(),
                    None => inspect::describe(&value, context).0,
                },
                Err(message) => format!("<{message}>"),
            };
            text.push_str(&shown);
            rest = &rest[open + close + 1..];
        }
        text.push_str(rest);
        text
    }

    /// Replaces the breakpoints; each goes to the first line at or after its own where a statement starts.
    fn set_breakpoints(&self, breakpoints: Vec<BreakpointSpec>) {
        let lines = self.instrumented.breakable_lines();
        let mut resolved = HashMap::new();
        for breakpoint in breakpoints {
            if let Some(line) = resolve_line(&lines, breakpoint.line) {
                resolved.insert(line, breakpoint);
            }
        }
        self.control.borrow_mut().breakpoints = resolved;
        self.refresh_flags();
    }

    fn set_exception_filters(&self, filters: ExceptionFilters) {
        self.control.borrow_mut().exceptions = filters;
        self.refresh_flags();
    }

    /// Notes the hooks that must call the debugger while the run goes on: the first of each line with a
    /// breakpoint, the `debugger;` statements, and every hook while an exception filter is on.
    fn refresh_flags(&self) {
        let (lines, exceptions): (Vec<u32>, ExceptionFilters) = {
            let control = self.control.borrow();
            (
                control.breakpoints.keys().copied().collect(),
                control.exceptions,
            )
        };
        // While an exception filter is on, every hook reports in: an exception the engine raises is then
        // known by the statement that ran last.
        let every_hook = exceptions.all || exceptions.uncaught;
        let standing = self
            .instrumented
            .hooks
            .iter()
            .enumerate()
            .map(|(id, hook)| {
                let breakpoint = self.first_of_line[id] && lines.contains(&hook.line);
                let debugger_statement = hook.kind == SiteKind::DebuggerStatement;
                every_hook || breakpoint || debugger_statement
            })
            .collect();
        *self.standing_flags.borrow_mut() = standing;
        self.flags_written.set(None);
    }

    /// Writes the flags the run needs from here on, if they are not what the hooks read already; then, if
    /// the front end sent a command meanwhile, raises them all again so it is heard. `caller` is the hook
    /// that called in, if one did: when the flags written say it should not have, they were raised for a
    /// command already heard, and are written again.
    fn settle_flags(&self, caller: Option<usize>) {
        let wanted = {
            let control = self.control.borrow();
            if control.detached {
                HookFlags::None
            } else if control.step.is_some() || control.entry_pending {
                HookFlags::All
            } else {
                HookFlags::Standing
            }
        };
        let caller_raised_for_nothing = caller.is_some_and(|id| match wanted {
            HookFlags::All => false,
            HookFlags::None => true,
            HookFlags::Standing => !self
                .standing_flags
                .borrow()
                .get(id)
                .copied()
                .unwrap_or(false),
        });
        if self.flags_written.get() != Some(wanted) || caller_raised_for_nothing {
            match wanted {
                HookFlags::All => self.hook_flags.fill_bytes(1, Ordering::SeqCst),
                HookFlags::None => self.hook_flags.fill_bytes(0, Ordering::SeqCst),
                HookFlags::Standing => {
                    for (id, raised) in self.standing_flags.borrow().iter().enumerate() {
                        self.hook_flags
                            .store_byte(id, u8::from(*raised), Ordering::SeqCst);
                    }
                }
            }
            self.flags_written.set(Some(wanted));
        }
        self.debugger.attention.raise_again_if_commands_waiting();
    }

    fn answer(&self, request: u64, body: Answer) {
        self.emit(&DebugEvent::Answer { request, body });
    }

    fn emit(&self, event: &DebugEvent) {
        (self.debugger.events.0)(event);
    }
}

/// `exception` as the `stopped` event's text: `Name: message` for an error, else its value.
fn exception_text(exception: &JsValue, context: &mut Context) -> String {
    inspect::describe(exception, context).0
}

/// Called as a run is about to end with `exception` that nothing caught: pauses there when the run is
/// debugged and an exception filter asks for it.
pub(crate) fn pause_on_uncaught(exception: &JsValue, context: &mut Context) -> JsResult<()> {
    match context.get_data::<Rc<DebugState>>().cloned() {
        Some(state) => state.pause_on_uncaught(exception, context),
        None => Ok(()),
    }
}

fn pauses_on(filters: ExceptionFilters, throw: ThrowSite) -> bool {
    filters.all || (filters.uncaught && throw == ThrowSite::NotCaughtHere)
}

/// The line a breakpoint asked for at `line` lands on: the first breakable line at or after it.
pub fn resolve_line(breakable_lines: &[u32], line: u32) -> Option<u32> {
    let at = breakable_lines.partition_point(|&breakable| breakable < line);
    breakable_lines.get(at).copied()
}

fn scope(name: &str, reference: u64) -> ScopeInfo {
    ScopeInfo {
        name: name.to_owned(),
        variables_reference: reference,
        expensive: false,
    }
}

/// A frame of the block in a pause: what the stack trace shows of it, and where its variables come from.
struct PauseFrame {
    info: StackFrame,
    source: FrameSource,
}

/// The variables of the pause's frame `id`; `None` for a frame whose variables cannot be read.
fn frame_variables(
    frames: &[PauseFrame],
    id: usize,
    top: &FrameVariables,
    context: &Context,
) -> Option<FrameVariables> {
    match frames.get(id)?.source {
        FrameSource::Kept => Some(top.clone()),
        FrameSource::Stack(_) if id == 0 => Some(top.clone()),
        FrameSource::Stack(depth) => FrameVariables::read(depth, context),
        FrameSource::Suspended(index) => FrameVariables::read_suspended(index, context),
    }
}

/// How many JavaScript frames are on the stack: what stepping over and out compare.
fn frame_depth(context: &Context) -> usize {
    context.stack_trace().count()
}
