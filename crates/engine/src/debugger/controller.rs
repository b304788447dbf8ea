//! The debugger's state machine, on the engine thread. The instrumented block calls `__bsDebug.hit(id,
//! evaluator)` at a statement when that statement carries a breakpoint or the poll count ran out; `hit`
//! then decides whether to pause (a breakpoint whose condition holds, a step that lands, a pause request,
//! the entry). Pausing blocks right there, inside the host function, serving the front end's commands
//! until one resumes the run: so timers, `fetch` callbacks and promise jobs pause just as the block does,
//! and the paused frame's variables are read through the `evaluator` closure the hook passed (a direct
//! `eval` in that frame).
//!
//! Exceptions the engine raises itself (a `TypeError` from `undefined.x`) have no statement to stop before.
//! While an exception filter is on, every hook reports in, so the debugger knows the statement that ran
//! last and keeps its evaluator: a `catch` block's first hook (`SiteKind::CatchEntry`) then pauses there
//! for the `all` filter, and an exception that ends the run pauses there, the frame's values still
//! readable through that evaluator, for `uncaught` (`pause_on_uncaught`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::Ordering;

use boa_engine::object::builtins::JsArray;
use boa_engine::object::ObjectInitializer;
use boa_engine::property::Attribute;
use boa_engine::vm::SourcePath;
use boa_engine::{
    js_string, Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
};

use super::inspect::{self, References};
use super::instrument::{HookSite, Instrumented, SiteKind, ThrowSite, HOOK_OBJECT};
use super::protocol::{
    Answer, BreakpointSpec, DebugCommand, DebugEvent, ExceptionFilters, ScopeInfo, StackFrame,
    StopReason, VariableInfo,
};
use super::Debugger;

/// Statements run between two looks at the front end's commands while nothing is asked of the debugger:
/// a pause request lands within this many statements.
const POLL_INTERVAL: i32 = 10_000;

/// The paused frame's scopes, by reference (objects get references from `inspect::FIRST_OBJECT_REFERENCE`).
const LOCAL_SCOPE: u64 = 1;
const CLOSURE_SCOPE: u64 = 2;
const GLOBAL_SCOPE: u64 = 3;

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
    /// The hook that ran last and its evaluator, kept while an exception filter is on: where an exception
    /// the engine raised came from.
    last_hit: Option<(usize, JsObject)>,
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
    hook_object: JsObject,
    breakpoint_flags: JsArray,
    control: RefCell<Control>,
}

/// Installs `__bsDebug` and the debugger's state in `context`.
pub(crate) fn install(
    debugger: Debugger,
    instrumented: Instrumented,
    file_name: String,
    context: &mut Context,
) -> JsResult<()> {
    let flags: Vec<JsValue> = vec![JsValue::from(false); instrumented.hooks.len()];
    let breakpoint_flags = JsArray::from_iter(flags, context);
    let hook_object = ObjectInitializer::new(context)
        .property(js_string!("b"), breakpoint_flags.clone(), Attribute::all())
        .property(js_string!("n"), POLL_INTERVAL, Attribute::all())
        .function(NativeFunction::from_fn_ptr(hit), js_string!("hit"), 2)
        .build();
    context.register_global_property(
        JsString::from(HOOK_OBJECT),
        hook_object.clone(),
        Attribute::empty(),
    )?;
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
        hook_object,
        breakpoint_flags,
        control: RefCell::new(Control {
            breakpoints: HashMap::new(),
            exceptions: launch.exceptions,
            step: None,
            entry_pending: launch.stop_on_entry,
            paused: false,
            detached: false,
            references: References::default(),
            last_hit: None,
            paused_before_throw: None,
        }),
    });
    state.set_breakpoints(launch.breakpoints, context)?;
    if launch.stop_on_entry {
        state.set_poll_count(0, context)?;
    }
    context.insert_data(state);
    Ok(())
}

/// `__bsDebug.hit(id, evaluator)`.
fn hit(_: &JsValue, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
    let Some(state) = context.get_data::<Rc<DebugState>>().cloned() else {
        return Ok(false.into());
    };
    let id = args
        .first()
        .and_then(JsValue::as_number)
        .map_or(0, |id| id as usize);
    let evaluator = args.get(1).and_then(JsValue::as_object).ok_or_else(|| {
        JsNativeError::typ().with_message("a debugger hook without its evaluator")
    })?;
    state.on_hook(id, &evaluator, context)?;
    Ok(false.into())
}

impl DebugState {
    fn on_hook(&self, id: usize, evaluator: &JsObject, context: &mut Context) -> JsResult<()> {
        if self.control.borrow().paused || self.control.borrow().detached {
            return self.set_poll_count(POLL_INTERVAL, context);
        }
        let Some(site) = self.instrumented.hooks.get(id).cloned() else {
            return Ok(());
        };
        self.apply_pending_commands(context)?;
        let depth = frame_depth(context);
        if let SiteKind::CatchEntry { parameter } = &site.kind {
            self.pause_where_caught(parameter.as_deref(), depth, evaluator, context)?;
        }
        if self.watches_exceptions() {
            self.control.borrow_mut().last_hit = Some((id, evaluator.clone()));
        }
        let reason = self.reason_to_stop(id, &site, depth, evaluator, context)?;
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
                self.pause(reason, &site, text, depth, evaluator, context)
            }
            None => {
                let stepping = self.control.borrow().step.is_some();
                self.set_poll_count(if stepping { 0 } else { POLL_INTERVAL }, context)
            }
        }
    }

    fn watches_exceptions(&self) -> bool {
        let filters = self.control.borrow().exceptions;
        filters.all || filters.uncaught
    }

    /// The statement that raised the exception being handled now, and its evaluator; `None` when the run
    /// already paused before that exception's `throw`, or no filter asked for it.
    fn unreported_exception(&self) -> Option<(HookSite, JsObject)> {
        let control = self.control.borrow();
        let (id, evaluator) = control.last_hit.clone()?;
        if control.paused_before_throw == Some(id) {
            return None;
        }
        let site = self.instrumented.hooks.get(id)?.clone();
        Some((site, evaluator))
    }

    /// At a `catch` block's start, for the `all` filter: pauses at the statement that raised what was
    /// caught, in its frame.
    fn pause_where_caught(
        &self,
        parameter: Option<&str>,
        depth: usize,
        evaluator: &JsObject,
        context: &mut Context,
    ) -> JsResult<()> {
        if !self.control.borrow().exceptions.all {
            return Ok(());
        }
        let Some((thrower, thrower_evaluator)) = self.unreported_exception() else {
            return Ok(());
        };
        let caught = parameter.and_then(|name| self.evaluate(name, evaluator, context).ok());
        let text = caught.map(|value| exception_text(&value, context));
        self.pause(
            StopReason::Exception,
            &thrower,
            text,
            depth,
            &thrower_evaluator,
            context,
        )
    }

    /// The run is about to end with `exception`, which nothing caught: for the `uncaught` (or `all`) filter,
    /// pauses at the statement that raised it, whose values its evaluator still reads. Nothing of the block
    /// runs after this pause, so stepping ends the run as continuing does.
    fn pause_on_uncaught(&self, exception: &JsValue, context: &mut Context) -> JsResult<()> {
        if !self.watches_exceptions() || self.control.borrow().detached {
            return Ok(());
        }
        let Some((thrower, evaluator)) = self.unreported_exception() else {
            return Ok(());
        };
        let text = Some(exception_text(exception, context));
        self.pause(
            StopReason::Exception,
            &thrower,
            text,
            0,
            &evaluator,
            context,
        )
    }

    fn reason_to_stop(
        &self,
        id: usize,
        site: &HookSite,
        depth: usize,
        evaluator: &JsObject,
        context: &mut Context,
    ) -> JsResult<Option<StopReason>> {
        if self.debugger.pause_requested.swap(false, Ordering::AcqRel) {
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
        if let Some(condition) = &breakpoint.condition {
            if !self
                .evaluate_quietly(condition, evaluator, context)
                .to_boolean()
            {
                return Ok(None);
            }
        }
        if let Some(message) = &breakpoint.log_message {
            let message = self.interpolate(message, evaluator, context);
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
        evaluator: &JsObject,
        context: &mut Context,
    ) -> JsResult<()> {
        {
            let mut control = self.control.borrow_mut();
            control.paused = true;
            control.step = None;
        }
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
                other => self.serve(other, site, evaluator, context)?,
            }
        };
        self.debugger
            .pause_requested
            .store(false, Ordering::Release);
        {
            let mut control = self.control.borrow_mut();
            control.paused = false;
            control.step = step;
            control.references.clear();
        }
        self.emit(&DebugEvent::Continued);
        self.set_poll_count(if step.is_some() { 0 } else { POLL_INTERVAL }, context)
    }

    /// Commands that arrived while the run was going: breakpoints and filters apply now; a pause request was
    /// already flagged by whoever received it; questions about a paused frame have no frame to answer from.
    fn apply_pending_commands(&self, context: &mut Context) -> JsResult<()> {
        while let Ok(command) = self.debugger.commands.try_recv() {
            match command {
                DebugCommand::SetBreakpoints { breakpoints } => {
                    self.set_breakpoints(breakpoints, context)?;
                }
                DebugCommand::SetExceptionFilters { filters } => {
                    self.set_exception_filters(filters, context)?;
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
        Ok(())
    }

    /// Answers a command while paused.
    fn serve(
        &self,
        command: DebugCommand,
        site: &HookSite,
        evaluator: &JsObject,
        context: &mut Context,
    ) -> JsResult<()> {
        match command {
            DebugCommand::SetBreakpoints { breakpoints } => {
                self.set_breakpoints(breakpoints, context)?
            }
            DebugCommand::SetExceptionFilters { filters } => {
                self.set_exception_filters(filters, context)?;
            }
            DebugCommand::StackTrace { request } => {
                let stack_frames = self.stack_frames(site, context);
                self.answer(
                    request,
                    Answer::StackTrace {
                        total_frames: stack_frames.len(),
                        stack_frames,
                    },
                );
            }
            DebugCommand::Scopes { request, frame_id } => {
                // Only the paused frame has an evaluator (the hook's `eval` closure); a caller's frame has
                // none to read its names with, so it lists the globals alone.
                let scopes = if frame_id == 0 {
                    vec![
                        scope("Local", LOCAL_SCOPE),
                        scope("Closure", CLOSURE_SCOPE),
                        scope("Global", GLOBAL_SCOPE),
                    ]
                } else {
                    vec![scope("Global", GLOBAL_SCOPE)]
                };
                self.answer(request, Answer::Scopes { scopes });
            }
            DebugCommand::Variables {
                request,
                variables_reference,
                start,
                count,
            } => {
                let variables =
                    self.variables(variables_reference, start, count, site, evaluator, context);
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
                if frame_id.is_some_and(|frame| frame != 0) {
                    self.emit(&DebugEvent::Refused {
                        request,
                        message: "Blocksmith evaluates in the paused (innermost) frame only."
                            .to_owned(),
                    });
                    return Ok(());
                }
                match self.evaluate(&expression, evaluator, context) {
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

    fn stack_frames(&self, site: &HookSite, context: &Context) -> Vec<StackFrame> {
        let mut frames = Vec::new();
        for frame in context.stack_trace() {
            let location = frame.position();
            let in_block = matches!(&location.path, SourcePath::Path(path) if path.to_string_lossy() == self.file_name);
            if !in_block {
                continue;
            }
            let name = location.function_name.to_std_string_lossy();
            let name = if name.is_empty() {
                "(anonymous)".to_owned()
            } else {
                name
            };
            let (line, column) = if frames.is_empty() {
                (site.line, site.column)
            } else {
                match location.position {
                    Some(position) => self
                        .instrumented
                        .block_position(position.line_number(), position.column_number()),
                    None => (0, 0),
                }
            };
            frames.push(StackFrame {
                id: u64::try_from(frames.len()).unwrap_or(u64::MAX),
                name,
                line,
                column,
            });
        }
        if frames.is_empty() {
            // Paused as the run ends on an uncaught exception: the frames are gone, the statement is known.
            frames.push(StackFrame {
                id: 0,
                name: "(uncaught exception)".to_owned(),
                line: site.line,
                column: site.column,
            });
        }
        frames
    }

    fn variables(
        &self,
        reference: u64,
        start: Option<usize>,
        count: Option<usize>,
        site: &HookSite,
        evaluator: &JsObject,
        context: &mut Context,
    ) -> Option<Vec<VariableInfo>> {
        let names = match reference {
            LOCAL_SCOPE => self.local_names(site),
            CLOSURE_SCOPE => self.closure_names(site),
            _ => {
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
        let mut variables = Vec::new();
        for name in names {
            // A name not yet initialised here (`let` before its line) or not in scope is left out.
            if let Ok(value) = self.evaluate(&name, evaluator, context) {
                variables.push(inspect::variable(name, &value, &mut references, context));
            }
        }
        self.control.borrow_mut().references = references;
        Some(variables)
    }

    fn local_names(&self, site: &HookSite) -> Vec<String> {
        self.instrumented.functions[site.function].names.clone()
    }

    /// The names of the functions around this one, nearest first, without those a nearer scope hides.
    fn closure_names(&self, site: &HookSite) -> Vec<String> {
        let functions = &self.instrumented.functions;
        let mut hidden = functions[site.function].names.clone();
        let mut names = Vec::new();
        let mut outer = functions[site.function].parent;
        while let Some(index) = outer {
            for name in &functions[index].names {
                if !hidden.contains(name) {
                    hidden.push(name.clone());
                    names.push(name.clone());
                }
            }
            outer = functions[index].parent;
        }
        names
    }

    /// Evaluates `expression` in the paused frame; a throw comes back as `Name: message`.
    fn evaluate(
        &self,
        expression: &str,
        evaluator: &JsObject,
        context: &mut Context,
    ) -> Result<JsValue, String> {
        let was_paused = std::mem::replace(&mut self.control.borrow_mut().paused, true);
        let value = evaluator.call(
            &JsValue::undefined(),
            &[JsString::from(expression).into()],
            context,
        );
        self.control.borrow_mut().paused = was_paused;
        value.map_err(|error| match error.try_native(context) {
            Ok(native) => format!("{}: {}", native.kind(), native.message()),
            Err(_) => error.to_string(),
        })
    }

    /// A condition's value; one that throws counts as false, as in the editors people know.
    fn evaluate_quietly(
        &self,
        expression: &str,
        evaluator: &JsObject,
        context: &mut Context,
    ) -> JsValue {
        self.evaluate(expression, evaluator, context)
            .unwrap_or_default()
    }

    /// A logpoint's text with each `{expression}` replaced by its value (strings as they are).
    fn interpolate(&self, message: &str, evaluator: &JsObject, context: &mut Context) -> String {
        let mut text = String::new();
        let mut rest = message;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            text.push_str(&rest[..open]);
            let expression = &rest[open + 1..open + close];
            let shown = match self.evaluate(expression, evaluator, context) {
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
    fn set_breakpoints(
        &self,
        breakpoints: Vec<BreakpointSpec>,
        context: &mut Context,
    ) -> JsResult<()> {
        let lines = self.instrumented.breakable_lines();
        let mut resolved = HashMap::new();
        for breakpoint in breakpoints {
            if let Some(line) = resolve_line(&lines, breakpoint.line) {
                resolved.insert(line, breakpoint);
            }
        }
        self.control.borrow_mut().breakpoints = resolved;
        self.refresh_flags(context)
    }

    fn set_exception_filters(
        &self,
        filters: ExceptionFilters,
        context: &mut Context,
    ) -> JsResult<()> {
        self.control.borrow_mut().exceptions = filters;
        self.refresh_flags(context)
    }

    /// Flags the hooks that must call the debugger: the first of each line with a breakpoint, the
    /// `debugger;` statements, and every hook while an exception filter is on.
    fn refresh_flags(&self, context: &mut Context) -> JsResult<()> {
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
        for (id, hook) in self.instrumented.hooks.iter().enumerate() {
            let breakpoint = self.first_of_line[id] && lines.contains(&hook.line);
            let debugger_statement = hook.kind == SiteKind::DebuggerStatement;
            self.breakpoint_flags.set(
                u32::try_from(id).unwrap_or(u32::MAX),
                every_hook || breakpoint || debugger_statement,
                true,
                context,
            )?;
        }
        Ok(())
    }

    fn set_poll_count(&self, count: i32, context: &mut Context) -> JsResult<()> {
        self.hook_object
            .set(js_string!("n"), count, false, context)
            .map(|_| ())
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

/// How many JavaScript frames are on the stack: what stepping over and out compare.
fn frame_depth(context: &Context) -> usize {
    context.stack_trace().count()
}
