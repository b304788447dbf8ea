use arrayvec::ArrayVec;
use itertools::Itertools;
use std::{cell::Cell, fmt};

use boa_gc::GcRefCell;
use boa_macros::{Finalize, Trace};

use crate::{
    JsObject, JsString,
    object::shape::{
        Shape, WeakShape,
        slot::{Slot, SlotAttributes},
    },
    property::PropertyKey,
};

#[cfg(test)]
mod tests;

pub(crate) const PIC_CAPACITY: usize = 4;

/// A cached shape-to-slot mapping for a polymorphic inline cache.
#[derive(Clone, Debug, Trace, Finalize)]
pub(crate) struct CacheEntry {
    /// A weak reference is kept to the shape to avoid the shape preventing deallocation.
    pub(crate) shape: WeakShape,
    /// For a slot in the prototype, the prototype's shape when the slot was found: the object's own shape
    /// does not change when its prototype gains, loses or redefines a property, which moves the prototype's
    /// slots, so a hit checks that the prototype still has this shape (a Blocksmith patch, see the crate's
    /// README). Held strongly, so that its address cannot be reused by another shape while the entry lives,
    /// and so that the check on every hit is a comparison of addresses, not a weak reference's upgrade.
    pub(crate) prototype_shape: Option<Shape>,
    #[unsafe_ignore_trace]
    pub(crate) slot: Slot,
}

/// An inline cache entry for a property access.
#[derive(Clone, Debug, Trace, Finalize)]
pub(crate) struct InlineCache {
    /// The property that is accessed.
    pub(crate) name: JsString,

    /// Multiple cached shape-to-slot entries.
    pub(crate) entries: GcRefCell<ArrayVec<CacheEntry, PIC_CAPACITY>>,

    /// Whether this access site has seen too many shapes and should no longer be cached.
    #[unsafe_ignore_trace]
    pub(crate) megamorphic: Cell<bool>,
}

impl fmt::Display for InlineCache {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "(name:{} entries:", self.name.display_escaped())?;

        if self.megamorphic.get() {
            return write!(f, "(megamorphic))");
        }

        let entries = self.entries.borrow();
        let entries = entries.iter().map(|e| e.shape.to_addr_usize()).format(", ");

        write!(f, "({entries:#x}))")
    }
}

impl InlineCache {
    pub(crate) fn new(name: JsString) -> Self {
        Self {
            name,
            entries: GcRefCell::new(ArrayVec::new()),
            megamorphic: Cell::new(false),
        }
    }

    pub(crate) fn set(&self, shape: &Shape, prototype_shape: Option<&Shape>, slot: Slot) {
        if self.megamorphic.get() {
            return;
        }

        let mut entries = self.entries.borrow_mut();

        // Add a new entry if there's space.
        if entries
            .try_push(CacheEntry {
                shape: shape.into(),
                prototype_shape: prototype_shape.cloned(),
                slot,
            })
            .is_err()
        {
            // Polymorphic cache is full, transition to megamorphic.
            self.megamorphic.set(true);
            entries.clear();
        }
    }

    /// Returns the cached slot if `shape`, an object's current shape, has an entry in the inline cache (a slot
    /// with `SlotAttributes::PROTOTYPE` is in the prototype `shape` holds).
    ///
    /// An entry matches by address, without taking a reference to its shape (patched, see the crate's README):
    /// a weak reference points to a shape only while that shape lives, so an entry for a collected shape
    /// cannot match the live shape that may now sit at its address. Opportunistically cleans up entries whose
    /// shapes were collected.
    pub(crate) fn get(&self, shape: &Shape) -> Option<Slot> {
        if self.megamorphic.get() {
            return None;
        }

        let mut entries = self.entries.borrow_mut();
        let mut i = 0;
        while i < entries.len() {
            if entries[i].shape.points_to(shape) {
                if !self.prototype_slot_still_valid(shape, &mut entries[i]) {
                    // The property moved or changed in the prototype: this entry can never hit again.
                    entries.swap_remove(i);
                    return None;
                }
                return Some(entries[i].slot);
            }
            if entries[i].shape.is_alive() {
                i += 1;
            } else {
                entries.swap_remove(i);
            }
        }
        None
    }

    /// Whether `entry`'s slot, found in the prototype of `shape`, is still where the property is (always true
    /// for an own slot). When the prototype's shape has changed since the entry was made, the property is
    /// looked up again: a prototype that only gained properties (as a library's prototypes do while it loads)
    /// keeps its slots, and the entry then records the new shape; one that lost or redefined properties may
    /// have moved them, and the entry is no longer valid.
    fn prototype_slot_still_valid(&self, shape: &Shape, entry: &mut CacheEntry) -> bool {
        let Some(recorded) = &entry.prototype_shape else {
            return true;
        };
        let Some(prototype) = shape.prototype() else {
            return false;
        };
        if prototype.borrow().shape().to_addr_usize() == recorded.to_addr_usize() {
            return true;
        }
        let current = prototype.borrow().shape().clone();
        let property_bits = !SlotAttributes::INLINE_CACHE_BITS;
        let unchanged = current
            .lookup(&PropertyKey::from(self.name.clone()))
            .is_some_and(|found| {
                found.index == entry.slot.index
                    && found.attributes & property_bits == entry.slot.attributes & property_bits
            });
        if unchanged {
            entry.prototype_shape = Some(current);
        }
        unchanged
    }
}

/// The shapes an uncached property access saw before it ran: the object's own and its prototype's.
///
/// The slot an access finds belongs to those shapes, but a getter or setter it calls may change them (a lazy
/// property that replaces itself with a data property moves the slots after it), so the slot is cached only
/// when neither changed. Caching it under the shapes found afterwards made the access site read another
/// property, or past the end of the object's storage (a Blocksmith patch, see the crate's README).
pub(crate) struct ShapesBefore {
    own: Shape,
    prototype: Option<Shape>,
}

impl ShapesBefore {
    /// The shapes `object` has now, or `None` when `ic` no longer caches (megamorphic): a site that reads many
    /// shapes of objects misses every time, and should not pay for recording them.
    pub(crate) fn of(ic: &InlineCache, object: &JsObject) -> Option<Self> {
        if ic.megamorphic.get() {
            return None;
        }
        Some(Self::now(object))
    }

    fn now(object: &JsObject) -> Self {
        let own = object.borrow().shape().clone();
        let prototype = own
            .prototype()
            .map(|prototype| prototype.borrow().shape().clone());
        Self { own, prototype }
    }

    /// Caches `slot` in `ic` if `object` and its prototype still have the shapes they had.
    pub(crate) fn cache_if_unchanged(&self, ic: &InlineCache, object: &JsObject, slot: Slot) {
        let current = Self::now(object);
        let same = |before: &Shape, after: &Shape| before.to_addr_usize() == after.to_addr_usize();
        if !same(&self.own, &current.own) {
            return;
        }
        let prototype_shape = match (&self.prototype, &current.prototype) {
            (Some(before), Some(after)) if same(before, after) => Some(before),
            (None, None) => None,
            _ => return,
        };
        let prototype_shape =
            prototype_shape.filter(|_| slot.attributes.contains(SlotAttributes::PROTOTYPE));
        ic.set(&self.own, prototype_shape, slot);
    }
}
