//! `VTable` implementations for [`RopeString`]: a concatenation whose characters are copied into one sequence
//! only when something first reads them (a Blocksmith patch, see the crate's README).
//!
//! Building a string with `s += piece` copied all of `s` at every step, so a loop that wrote a megabyte of CSV
//! moved gigabytes. A rope keeps the two halves instead; its length is known at once, and the first read of its
//! characters flattens the whole tree into one sequence, which the rope keeps from then on (and lets go of the
//! halves). Ropes of ropes are walked with an explicit stack, both to flatten and to drop, so a string built from
//! a million pieces neither recurses a million deep nor copies its prefix a million times.
use crate::iter::CodePointsIter;
use crate::vtable::JsStringVTable;
use crate::{JsStr, JsString, JsStringKind};
use std::cell::{Cell, OnceCell, UnsafeCell};
use std::process::abort;
use std::ptr::NonNull;

/// Below this many code units a concatenation is copied at once: short strings cost less to copy than to keep
/// as a tree and flatten later.
pub(crate) const ROPE_MIN_LENGTH: usize = 256;

/// The concatenation of two strings, not yet copied.
#[repr(C)]
pub(crate) struct RopeString {
    /// Embedded `VTable` - must be the first field for vtable dispatch.
    vtable: JsStringVTable,
    refcount: Cell<usize>,
    /// Whether every code unit of the halves fits in Latin-1, so the flat copy can be Latin-1.
    latin1: bool,
    /// The two halves, until the rope is flattened (or dropped); `None` after.
    halves: UnsafeCell<Option<(JsString, JsString)>>,
    /// The characters in one sequence, once something has read them.
    flat: OnceCell<JsString>,
}

impl RopeString {
    /// The rope of `left` followed by `right`; the caller checks that the length does not overflow.
    pub(crate) fn new(left: JsString, right: JsString, len: usize) -> Self {
        let latin1 = is_latin1(&left) && is_latin1(&right);
        RopeString {
            vtable: JsStringVTable {
                clone: rope_clone,
                drop: rope_drop,
                as_str: rope_as_str,
                code_points: rope_code_points,
                refcount: rope_refcount,
                len,
                kind: JsStringKind::Rope,
            },
            refcount: Cell::new(1),
            latin1,
            halves: UnsafeCell::new(Some((left, right))),
            flat: OnceCell::new(),
        }
    }

    /// Takes the halves out, leaving the rope without them.
    fn take_halves(&self) -> Option<(JsString, JsString)> {
        // SAFETY: the halves are only reached through this function and `flatten`'s walk, never while a
        // reference into them is alive: `flatten` finishes its walk (copying out of the halves) before it takes
        // them, and nothing else borrows them.
        unsafe { (*self.halves.get()).take() }
    }

    /// The characters in one sequence, copying them the first time.
    fn flatten(&self) -> &JsString {
        self.flat.get_or_init(|| {
            let mut pieces: Vec<JsStr<'_>> = Vec::new();
            // SAFETY: see `take_halves`; this shared borrow ends before the halves are taken below.
            if let Some((left, right)) = unsafe { &*self.halves.get() } {
                collect_pieces(left, right, &mut pieces);
            }
            let flat = JsString::concat_array(&pieces);
            drop(pieces);
            if let Some((left, right)) = self.take_halves() {
                drop_iteratively(left);
                drop_iteratively(right);
            }
            flat
        })
    }
}

/// Whether a string's code units all fit in Latin-1, without flattening a rope to find out.
fn is_latin1(string: &JsString) -> bool {
    if string.kind() == JsStringKind::Rope {
        // SAFETY: the kind says this is a rope.
        unsafe { string.as_inner::<RopeString>() }.latin1
    } else {
        string.as_str().is_latin1()
    }
}

/// Appends the leaves of the rope `left` + `right` to `pieces`, in order, with an explicit stack.
fn collect_pieces<'a>(left: &'a JsString, right: &'a JsString, pieces: &mut Vec<JsStr<'a>>) {
    let mut pending: Vec<&'a JsString> = vec![right, left];
    while let Some(string) = pending.pop() {
        if string.kind() != JsStringKind::Rope {
            pieces.push(string.as_str());
            continue;
        }
        // SAFETY: the kind says this is a rope.
        let rope = unsafe { string.as_inner::<RopeString>() };
        if let Some(flat) = rope.flat.get() {
            pieces.push(flat.as_str());
            continue;
        }
        // SAFETY: see `RopeString::take_halves`: nothing takes these halves while this walk borrows them (only
        // their own rope's `flatten` or last drop would, and neither runs during the walk).
        if let Some((inner_left, inner_right)) = unsafe { &*rope.halves.get() } {
            pending.push(inner_right);
            pending.push(inner_left);
        }
    }
}

/// Drops a string; when it is the last reference to a rope, its halves are dropped by a loop here instead of
/// by recursion, so a rope a million pieces deep does not overflow the stack.
fn drop_iteratively(string: JsString) {
    let mut pending = vec![string];
    while let Some(string) = pending.pop() {
        if string.kind() == JsStringKind::Rope && string.refcount() == Some(1) {
            // SAFETY: the kind says this is a rope.
            let rope = unsafe { string.as_inner::<RopeString>() };
            if let Some((left, right)) = rope.take_halves() {
                pending.push(left);
                pending.push(right);
            }
        }
        // A rope without halves frees only itself (and its flat copy, which is never a rope).
        drop(string);
    }
}

#[inline]
fn rope_clone(vtable: NonNull<JsStringVTable>) -> JsString {
    // SAFETY: This is part of the correct vtable which is validated on construction.
    let this: &RopeString = unsafe { vtable.cast().as_ref() };
    let Some(strong) = this.refcount.get().checked_add(1) else {
        abort();
    };
    this.refcount.set(strong);
    // SAFETY: validated the string outside this function.
    unsafe { JsString::from_ptr(vtable) }
}

#[inline]
fn rope_drop(vtable: NonNull<JsStringVTable>) {
    // SAFETY: This is part of the correct vtable which is validated on construction.
    let this: &RopeString = unsafe { vtable.cast().as_ref() };
    let Some(new) = this.refcount.get().checked_sub(1) else {
        abort();
    };
    this.refcount.set(new);
    if new != 0 {
        return;
    }
    let halves = this.take_halves();
    // SAFETY: This is the last reference, so we can deallocate; the rope was made by `Box::new` in
    // `JsString::concat_strings`.
    unsafe {
        drop(Box::from_raw(vtable.cast::<RopeString>().as_ptr()));
    }
    if let Some((left, right)) = halves {
        drop_iteratively(left);
        drop_iteratively(right);
    }
}

#[inline]
fn rope_as_str(vtable: NonNull<JsStringVTable>) -> JsStr<'static> {
    // SAFETY: This is part of the correct vtable which is validated on construction.
    let this: &RopeString = unsafe { vtable.cast().as_ref() };
    let flat = this.flatten().as_str();
    // SAFETY: the flat copy lives as long as the rope, and the `JsString` API ties the returned `JsStr` to the
    // rope's lifetime.
    unsafe { flat.as_static() }
}

#[inline]
fn rope_code_points(vtable: NonNull<JsStringVTable>) -> CodePointsIter<'static> {
    CodePointsIter::new(rope_as_str(vtable))
}

/// `VTable` function for refcount, need to return an `Option<usize>`.
#[inline]
#[allow(clippy::unnecessary_wraps)]
fn rope_refcount(vtable: NonNull<JsStringVTable>) -> Option<usize> {
    // SAFETY: This is part of the correct vtable which is validated on construction.
    let this: &RopeString = unsafe { vtable.cast().as_ref() };
    Some(this.refcount.get())
}
