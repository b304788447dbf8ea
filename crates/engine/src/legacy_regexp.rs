//! The legacy `RegExp` statics that V8 and every browser keep and older libraries read after a match:
//! `RegExp.$1`–`$9`, `lastMatch` (`$&`), `lastParen` (`$+`), `leftContext` (`` $` ``), `rightContext`
//! (`$'`) and `input` (`$_`), as the TC39 "legacy RegExp features" proposal describes them.
//!
//! Boa's `annex-b` feature gives `RegExp.prototype.compile` but not these, so the host adds them without
//! changing Boa: `RegExp.prototype.exec` is replaced by a native wrapper that calls Boa's own `exec` and
//! keeps the last successful match. Every regex operation (`test`, `match`, `matchAll`, `replace`, `search`,
//! `split`) reaches the built-in matcher through `exec` (ECMAScript's RegExpExec looks it up), so all of
//! them update the statics. A match only keeps its result array; the accessors read it when a block reads
//! a static, so blocks that never do pay almost nothing.
//!
//! Differences from V8 (in `tests/differential/COMPAT.md`): a subclass instance's matches update the
//! statics too, where the proposal leaves them unreadable after such a match; and a block that changes a
//! match's result array before reading a static reads the changed array.

use std::cell::RefCell;

use boa_engine::object::FunctionObjectBuilder;
use boa_engine::property::PropertyDescriptor;
use boa_engine::{
    js_string, Context, JsNativeError, JsObject, JsResult, JsString, JsValue, NativeFunction,
};

/// How many numbered statics there are (`$1`–`$9`).
const NUMBERED: usize = 9;

/// What the statics read: the result array of the last successful match (none before the first, when
/// every static is empty as in V8), and a value assigned to `RegExp.input` since.
#[derive(Default)]
struct LastMatch {
    match_array: Option<JsObject>,
    assigned_input: Option<JsString>,
}

/// The strings the statics give, taken from a match array (`[matched, ...captures]` with `index` and
/// `input`) when a static is read.
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

/// Adds the statics to `RegExp` and the recording `exec` to `RegExp.prototype`. Call once per context,
/// before the block runs.
pub fn install(context: &mut Context) -> JsResult<()> {
    context.insert_data(RefCell::new(LastMatch::default()));
    let regexp = context.intrinsics().constructors().regexp().constructor();
    let prototype = context.intrinsics().constructors().regexp().prototype();

    let builtin_exec = prototype
        .get(js_string!("exec"), context)?
        .as_object()
        .ok_or_else(|| JsNativeError::typ().with_message("RegExp.prototype.exec is missing"))?;
    let recording_exec = FunctionObjectBuilder::new(
        context.realm(),
        NativeFunction::from_copy_closure_with_captures(exec_and_record, builtin_exec),
    )
    .name(js_string!("exec"))
    .length(1)
    .build();
    prototype.define_property_or_throw(
        js_string!("exec"),
        PropertyDescriptor::builder()
            .value(recording_exec)
            .writable(true)
            .enumerable(false)
            .configurable(true),
        context,
    )?;

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
        NativeFunction::from_copy_closure(move |_, _, context| {
            Ok(reader(&statics(context)?).into())
        }),
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
                last_match(context).borrow_mut().assigned_input = Some(input);
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

fn last_match(context: &Context) -> &RefCell<LastMatch> {
    context
        .get_data::<RefCell<LastMatch>>()
        .expect("the legacy RegExp statics are installed with the context")
}

fn left_context(statics: &Statics) -> JsString {
    statics.input.get(..statics.index).unwrap_or_default()
}

fn right_context(statics: &Statics) -> JsString {
    let end = statics.index + statics.matched.len();
    statics.input.get(end..).unwrap_or_default()
}

/// `RegExp.prototype.exec`: Boa's own, then a successful match is kept for the statics.
fn exec_and_record(
    this: &JsValue,
    args: &[JsValue],
    builtin_exec: &JsObject,
    context: &mut Context,
) -> JsResult<JsValue> {
    let result = builtin_exec.call(this, args, context)?;
    if let Some(match_array) = result.as_object() {
        *last_match(context).borrow_mut() = LastMatch {
            match_array: Some(match_array),
            assigned_input: None,
        };
    }
    Ok(result)
}

/// The statics of the last match, read from its result array.
fn statics(context: &mut Context) -> JsResult<Statics> {
    let (match_array, assigned_input) = {
        let last = last_match(context).borrow();
        (last.match_array.clone(), last.assigned_input.clone())
    };
    let mut statics = match match_array {
        Some(match_array) => statics_of(&match_array, context)?,
        None => Statics::default(),
    };
    if let Some(input) = assigned_input {
        statics.input = input;
    }
    Ok(statics)
}

fn statics_of(match_array: &JsObject, context: &mut Context) -> JsResult<Statics> {
    let as_string = |value: JsValue, context: &mut Context| -> JsResult<JsString> {
        if value.is_undefined() {
            Ok(JsString::default())
        } else {
            value.to_string(context)
        }
    };
    let captures = match_array
        .get(js_string!("length"), context)?
        .to_length(context)?
        .saturating_sub(1);
    let matched = as_string(match_array.get(0, context)?, context)?;
    let input = as_string(match_array.get(js_string!("input"), context)?, context)?;
    let index = match_array
        .get(js_string!("index"), context)?
        .to_length(context)?;
    let mut numbered: [JsString; NUMBERED] = Default::default();
    for (position, slot) in (1..=captures).zip(numbered.iter_mut()) {
        *slot = as_string(match_array.get(position, context)?, context)?;
    }
    let last_paren = match captures {
        0 => JsString::default(),
        _ => as_string(match_array.get(captures, context)?, context)?,
    };
    Ok(Statics {
        input,
        index: usize::try_from(index).unwrap_or(usize::MAX),
        matched,
        numbered,
        last_paren,
    })
}
