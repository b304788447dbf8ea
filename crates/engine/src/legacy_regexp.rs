//! The legacy `RegExp` statics that V8 and every browser keep and older libraries read after a match:
//! `RegExp.$1`–`$9`, `lastMatch` (`$&`), `lastParen` (`$+`), `leftContext` (`` $` ``), `rightContext`
//! (`$'`) and `input` (`$_`), as the TC39 "legacy RegExp features" proposal describes them.
//!
//! Boa's `annex-b` feature gives `RegExp.prototype.compile` but not these. The patched engine keeps the last
//! successful match of every expression where its built-in matching runs (`Context::last_regexp_match`), which
//! `exec`, `test`, `match`, `matchAll`, `replace`, `search` and `split` all reach, and the accessors here read
//! it when a block reads a static, so blocks that never do pay nothing, and `RegExp.prototype.exec` stays the
//! built-in one (which lets `test` skip making a match array).
//!
//! Difference from V8 (in `tests/differential/COMPAT.md`): a subclass instance's matches update the statics
//! too, where the proposal leaves them unreadable after such a match.

use std::cell::RefCell;

use boa_engine::builtins::regexp::LastRegExpMatch;
use boa_engine::object::FunctionObjectBuilder;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{js_string, Context, JsObject, JsResult, JsString, JsValue, NativeFunction};

/// How many numbered statics there are (`$1`–`$9`).
const NUMBERED: usize = 9;

/// A value assigned to `RegExp.input` (`$_`), which `input` gives until the next successful match (the one
/// whose serial number differs from the match it was assigned after).
#[derive(Default)]
struct AssignedInput {
    input: Option<(JsString, Option<u64>)>,
}

/// The strings the statics give, taken from the last match when a static is read.
#[derive(Default)]
struct Statics {
    input: JsString,
    /// Where the match starts in `input`, in UTF-16 code units.
    index: usize,
    matched: JsString,
    /// Captures 1–9; an unmatched group is the empty string.
    numbered: [JsString; NUMBERED],
    /// The last capture group's value (`lastParen`), empty when the regex has no groups.
    last_paren: JsString,
}

/// A static's getter: reads the last match.
type Reader = fn(&Statics) -> JsString;

/// Adds the statics to `RegExp`. Call once per context, before the block runs.
pub fn install(context: &mut Context) -> JsResult<()> {
    context.insert_data(RefCell::new(AssignedInput::default()));
    let regexp = context.intrinsics().constructors().regexp().constructor();

    let readers: [(&str, &str, Reader); 5] = [
        ("lastMatch", "$&", |statics| statics.matched.clone()),
        ("lastParen", "$+", |statics| statics.last_paren.clone()),
        ("leftContext", "$`", left_context),
        ("rightContext", "$'", right_context),
        ("input", "$_", |statics| statics.input.clone()),
    ];
    for (long_name, short_name, reader) in readers {
        for name in [long_name, short_name] {
            define_static(&regexp, name, reader, context)?;
        }
    }
    let numbered: [Reader; NUMBERED] = [
        |statics| statics.numbered[0].clone(),
        |statics| statics.numbered[1].clone(),
        |statics| statics.numbered[2].clone(),
        |statics| statics.numbered[3].clone(),
        |statics| statics.numbered[4].clone(),
        |statics| statics.numbered[5].clone(),
        |statics| statics.numbered[6].clone(),
        |statics| statics.numbered[7].clone(),
        |statics| statics.numbered[8].clone(),
    ];
    for (position, reader) in numbered.into_iter().enumerate() {
        define_static(&regexp, &format!("${}", position + 1), reader, context)?;
    }
    Ok(())
}

/// One accessor on `RegExp`: non-enumerable and configurable, as in V8. `input` (`$_`) may also be
/// assigned, as V8 allows; the others ignore assignment.
fn define_static(
    regexp: &JsObject,
    name: &str,
    reader: Reader,
    context: &mut Context,
) -> JsResult<()> {
    let getter = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure(
            move |_, _, context| Ok(reader(&statics(context)).into()),
        ),
    )
    .name(js_string!(format!("get {name}")))
    .length(0)
    .build();
    let writable_input = matches!(name, "input" | "$_");
    let setter = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure(move |_, args, context| {
            if writable_input {
                let input = args.first().cloned().unwrap_or_default();
                let input = input.to_string(context)?;
                let serial = context.last_regexp_match().map(LastRegExpMatch::serial);
                assigned_input(context).borrow_mut().input = Some((input, serial));
            }
            Ok(JsValue::undefined())
        }),
    )
    .name(js_string!(format!("set {name}")))
    .length(1)
    .build();
    regexp.define_property_or_throw(
        JsString::from(name),
        PropertyDescriptor::builder()
            .get(getter)
            .set(setter)
            .enumerable(false)
            .configurable(true),
        context,
    )?;
    Ok(())
}

fn assigned_input(context: &Context) -> &RefCell<AssignedInput> {
    context
        .get_data::<RefCell<AssignedInput>>()
        .expect("the legacy RegExp statics are installed with the context")
}

fn left_context(statics: &Statics) -> JsString {
    statics.input.get(..statics.index).unwrap_or_default()
}

fn right_context(statics: &Statics) -> JsString {
    let end = statics.index + statics.matched.len();
    statics.input.get(end..).unwrap_or_default()
}

/// The statics of the last match (all empty before the first, as in V8), with an `input` assigned since.
fn statics(context: &Context) -> Statics {
    let last = context.last_regexp_match();
    let mut statics = last.map(statics_of).unwrap_or_default();
    let serial = last.map(LastRegExpMatch::serial);
    if let Some((input, assigned_after)) = &assigned_input(context).borrow().input {
        if *assigned_after == serial {
            statics.input = input.clone();
        }
    }
    statics
}

fn statics_of(last: &LastRegExpMatch) -> Statics {
    let capture = |group: usize| last.capture(group).unwrap_or_default();
    let range = last.range();
    let mut numbered: [JsString; NUMBERED] = Default::default();
    for (group, slot) in (1..=last.capture_count()).zip(numbered.iter_mut()) {
        *slot = capture(group);
    }
    Statics {
        input: last.input().clone(),
        index: range.start,
        matched: last.input().get(range).unwrap_or_default(),
        numbered,
        last_paren: capture(last.capture_count()),
    }
}
