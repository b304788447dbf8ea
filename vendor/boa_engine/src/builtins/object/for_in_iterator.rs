//! This module implements the `ForInIterator` object.
//!
//! More information:
//!  - [ECMAScript reference][spec]
//!
//! [spec]: https://tc39.es/ecma262/#sec-for-in-iterator-objects

use crate::{
    Context, JsData, JsResult, JsValue, NativeFunction,
    builtins::iterable::create_iter_result_object,
    error::JsNativeError,
    js_string,
    object::{
        FunctionObjectBuilder, JsObject,
        internal_methods::{InternalMethodPropertyContext, ORDINARY_INTERNAL_METHODS},
        shape::slot::SlotAttributes,
    },
    property::PropertyKey,
};
use boa_gc::{Finalize, Trace};
use rustc_hash::FxHashSet;
use std::collections::VecDeque;

/// The `ForInIterator` object represents an iteration over some specific object.
/// It implements the iterator protocol.
///
/// Patched (see the crate's README): a `for…in` loop steps this iterator in place (`step`), without a result
/// object per key; the keys are kept as property keys (not strings to parse again); the receiver's own keys are
/// not hashed unless a prototype with enumerable properties follows; and a prototype chain whose objects are
/// all ordinary with no enumerable property (`Object.prototype`, a class's prototype) ends the loop without
/// going through their keys one by one.
///
/// More information:
///  - [ECMAScript reference][spec]
///
/// [spec]: https://tc39.es/ecma262/#sec-for-in-iterator-objects
#[derive(Debug, Clone, Finalize, Trace, JsData)]
pub(crate) struct ForInIterator {
    object: JsValue,
    /// Keys already visited on the objects after the receiver, which shadow the same keys further up.
    #[unsafe_ignore_trace]
    visited_keys: FxHashSet<PropertyKey>,
    /// The receiver's keys visited so far: hashed into `visited_keys` only when the loop moves on to a
    /// prototype that has enumerable properties.
    #[unsafe_ignore_trace]
    visited_on_receiver: Vec<PropertyKey>,
    #[unsafe_ignore_trace]
    remaining_keys: VecDeque<PropertyKey>,
    object_was_visited: bool,
    /// Whether `object` is still the receiver (the object the loop started with).
    on_receiver: bool,
}

impl ForInIterator {
    fn new(object: JsValue) -> Self {
        Self {
            object,
            visited_keys: FxHashSet::default(),
            visited_on_receiver: Vec::new(),
            remaining_keys: VecDeque::default(),
            object_was_visited: false,
            on_receiver: true,
        }
    }

    /// `CreateForInIterator( object )`
    ///
    /// Creates a new iterator over the given object.
    ///
    /// Returns the iterator object and its `next` method as a pair,
    /// avoiding the need to look up `next` through the prototype chain.
    ///
    /// More information:
    ///  - [ECMA reference][spec]
    ///
    /// [spec]: https://tc39.es/ecma262/#sec-createforiniterator
    pub(crate) fn create_for_in_iterator(
        object: JsValue,
        context: &Context,
    ) -> (JsObject, JsValue) {
        let iterator = JsObject::from_proto_and_data_with_shared_shape(
            context.root_shape(),
            context.intrinsics().constructors().iterator().prototype(),
            Self::new(object),
        )
        .upcast();

        let next_method =
            FunctionObjectBuilder::new(context.realm(), NativeFunction::from_fn_ptr(Self::next))
                .name(js_string!("next"))
                .length(0)
                .build();

        (iterator, next_method.into())
    }

    /// %ForInIteratorPrototype%.next( )
    ///
    /// Gets the next result in the object.
    ///
    /// More information:
    ///  - [ECMA reference][spec]
    ///
    /// [spec]: https://tc39.es/ecma262/#sec-%foriniteratorprototype%.next
    pub(crate) fn next(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let object = this
            .as_object()
            .ok_or_else(|| JsNativeError::typ().with_message("`this` is not a ForInIterator"))?;
        Ok(match Self::step(&object, context)? {
            Some(key) => create_iter_result_object(key, false, context),
            None => create_iter_result_object(JsValue::undefined(), true, context),
        })
    }

    /// The body of `next`: the next enumerable key as a string, or `None` when the loop is over.
    pub(crate) fn step(iterator: &JsObject, context: &mut Context) -> JsResult<Option<JsValue>> {
        let mut iterator = iterator
            .downcast_mut::<Self>()
            .ok_or_else(|| JsNativeError::typ().with_message("`this` is not a ForInIterator"))?;
        let iterator = &mut *iterator;
        let mut object = iterator.object.to_object(context)?;
        loop {
            if !iterator.object_was_visited {
                let keys = object
                    .__own_property_keys__(&mut InternalMethodPropertyContext::new(context))?;
                iterator.remaining_keys.extend(
                    keys.into_iter()
                        .filter(|key| !matches!(key, PropertyKey::Symbol(_))),
                );
                iterator.object_was_visited = true;
            }
            while let Some(key) = iterator.remaining_keys.pop_front() {
                // Nothing is visited before the receiver's own keys, which are distinct.
                if !iterator.on_receiver && iterator.visited_keys.contains(&key) {
                    continue;
                }
                let Some(desc) = object
                    .__get_own_property__(&key, &mut InternalMethodPropertyContext::new(context))?
                else {
                    continue;
                };
                let enumerable = desc.expect_enumerable();
                let name = enumerable.then(|| match &key {
                    PropertyKey::String(name) => JsValue::new(name.clone()),
                    PropertyKey::Index(index) => JsValue::new(js_string!(index.get())),
                    PropertyKey::Symbol(_) => unreachable!("symbols are left out of the keys"),
                });
                if iterator.on_receiver {
                    iterator.visited_on_receiver.push(key);
                } else {
                    iterator.visited_keys.insert(key);
                }
                if let Some(name) = name {
                    return Ok(Some(name));
                }
            }
            let Some(proto) = object.prototype().clone() else {
                return Ok(None);
            };
            if no_enumerable_property_on_chain(&proto) {
                return Ok(None);
            }
            if iterator.on_receiver {
                iterator.on_receiver = false;
                iterator
                    .visited_keys
                    .extend(iterator.visited_on_receiver.drain(..));
            }
            object = proto;
            iterator.object = JsValue::new(object.clone());
            iterator.object_was_visited = false;
        }
    }
}

/// Whether `object` and every prototype after it are ordinary objects (for listing and reading their own
/// properties) without an enumerable property: nothing on such a chain is enumerated, and reading their
/// properties runs no code, so a loop can end there without visiting them.
fn no_enumerable_property_on_chain(object: &JsObject) -> bool {
    let mut current = Some(object.clone());
    while let Some(object) = current {
        let methods = object.vtable();
        if !std::ptr::fn_addr_eq(
            methods.__own_property_keys__,
            ORDINARY_INTERNAL_METHODS.__own_property_keys__,
        ) || !std::ptr::fn_addr_eq(
            methods.__get_own_property__,
            ORDINARY_INTERNAL_METHODS.__get_own_property__,
        ) {
            return false;
        }
        let borrowed = object.borrow();
        let properties = borrowed.properties();
        if properties.index_property_keys().next().is_some() {
            return false;
        }
        let shape = &properties.shape;
        let any_enumerable = shape.keys().iter().any(|key| {
            shape
                .lookup(key)
                .is_some_and(|slot| slot.attributes.contains(SlotAttributes::ENUMERABLE))
        });
        if any_enumerable {
            return false;
        }
        current = borrowed.prototype().clone();
    }
    true
}
