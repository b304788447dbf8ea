//! This module implements the `ArrayIterator` object.
//!
//! More information:
//!  - [ECMAScript reference][spec]
//!
//! [spec]: https://tc39.es/ecma262/#sec-array-iterator-objects

use crate::{
    Context, JsData, JsResult,
    builtins::{
        Array, BuiltInBuilder, IntrinsicObject, JsValue, iterable::create_iter_result_object,
        typed_array::TypedArray,
    },
    context::intrinsics::Intrinsics,
    error::JsNativeError,
    js_string,
    object::JsObject,
    property::{Attribute, PropertyNameKind},
    realm::Realm,
    symbol::JsSymbol,
};
use boa_gc::{Finalize, Trace};

/// The Array Iterator object represents an iteration over an array. It implements the iterator protocol.
///
/// More information:
///  - [ECMAScript reference][spec]
///
/// [spec]: https://tc39.es/ecma262/#sec-array-iterator-objects
#[derive(Debug, Clone, Finalize, Trace, JsData)]
pub(crate) struct ArrayIterator {
    array: JsObject,
    next_index: u64,
    #[unsafe_ignore_trace]
    kind: PropertyNameKind,
    done: bool,
}

impl IntrinsicObject for ArrayIterator {
    fn init(realm: &Realm) {
        BuiltInBuilder::with_intrinsic::<Self>(realm)
            .prototype(realm.intrinsics().constructors().iterator().prototype())
            .static_method(Self::next, js_string!("next"), 0)
            .static_property(
                JsSymbol::to_string_tag(),
                js_string!("Array Iterator"),
                Attribute::CONFIGURABLE,
            )
            .build();
    }

    fn get(intrinsics: &Intrinsics) -> JsObject {
        intrinsics.objects().iterator_prototypes().array()
    }
}

impl ArrayIterator {
    fn new(array: JsObject, kind: PropertyNameKind) -> Self {
        Self {
            array,
            kind,
            next_index: 0,
            done: false,
        }
    }

    /// `CreateArrayIterator( array, kind )`
    ///
    /// Creates a new iterator over the given array.
    ///
    /// More information:
    ///  - [ECMA reference][spec]
    ///
    /// [spec]: https://tc39.es/ecma262/#sec-createarrayiterator
    pub(crate) fn create_array_iterator(
        array: JsObject,
        kind: PropertyNameKind,
        context: &Context,
    ) -> JsValue {
        let array_iterator = JsObject::from_proto_and_data_with_shared_shape(
            context.root_shape(),
            context.intrinsics().objects().iterator_prototypes().array(),
            Self::new(array, kind),
        );
        array_iterator.into()
    }

    /// %ArrayIteratorPrototype%.next( )
    ///
    /// Gets the next result in the array.
    ///
    /// More information:
    ///  - [ECMA reference][spec]
    ///
    /// [spec]: https://tc39.es/ecma262/#sec-%arrayiteratorprototype%.next
    pub(crate) fn next(this: &JsValue, _: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let object = this
            .as_object()
            .filter(JsObject::is::<Self>)
            .ok_or_else(|| JsNativeError::typ().with_message("`this` is not an ArrayIterator"))?;
        Ok(match Self::step(&object, context)? {
            Some(value) => create_iter_result_object(value, false, context),
            None => create_iter_result_object(JsValue::undefined(), true, context),
        })
    }

    /// One step of `%ArrayIteratorPrototype%.next` on `iterator`, an `ArrayIterator`: the value it yields, or
    /// `None` once it is done, without the result object `next` wraps it in. Patched out of `next` (see the
    /// crate's README): a `for…of`, a spread or a destructuring over an array takes its steps here.
    ///
    /// The iterator is not borrowed while the array's `length` or element is read: either may be a getter (on
    /// a proxy, an array-like, an element defined with one) that calls this iterator's `next` again, which
    /// then takes the next index, as in V8 (upstream kept the borrow and panicked).
    pub(crate) fn step(iterator: &JsObject, context: &mut Context) -> JsResult<Option<JsValue>> {
        let (array, index, kind) = {
            let array_iterator = iterator.downcast_ref::<Self>().ok_or_else(|| {
                JsNativeError::typ().with_message("`this` is not an ArrayIterator")
            })?;
            if array_iterator.done {
                return Ok(None);
            }
            (
                array_iterator.array.clone(),
                array_iterator.next_index,
                array_iterator.kind,
            )
        };

        // An array's length and its dense elements are read in place: neither runs code.
        let dense = matches!(kind, PropertyNameKind::Value)
            .then(|| dense_element(&array, index))
            .flatten();
        let len = if let Some((len, _)) = dense {
            len
        } else if let Some(f) = array.downcast_ref::<TypedArray>() {
            let buf = f.viewed_array_buffer().as_buffer();
            let Some(buf) = buf
                .bytes(std::sync::atomic::Ordering::SeqCst)
                .filter(|buf| !f.is_out_of_bounds(buf.len()))
            else {
                return Err(JsNativeError::typ()
                    .with_message("Cannot get value from out of bounds typed array")
                    .into());
            };

            f.array_length(buf.len())
        } else {
            array.length_of_array_like(context)?
        };

        {
            let mut array_iterator = iterator.downcast_mut::<Self>().ok_or_else(|| {
                JsNativeError::typ().with_message("`this` is not an ArrayIterator")
            })?;
            if index >= len {
                array_iterator.done = true;
                return Ok(None);
            }
            array_iterator.next_index = index + 1;
        }
        match kind {
            PropertyNameKind::Key => Ok(Some(index.into())),
            PropertyNameKind::Value => match dense {
                Some((_, Some(element))) => Ok(Some(element)),
                _ => Ok(Some(array.get(index, context)?)),
            },
            PropertyNameKind::KeyAndValue => {
                let element_value = array.get(index, context)?;
                let result = Array::create_array_from_list([index.into(), element_value], context);
                Ok(Some(result.into()))
            }
        }
    }
}

/// For an array: its `length` (its first slot, a data property) and, when its dense storage holds one at
/// `index`, the element there (a hole or a sparse array leaves it to `Get`, which looks at the prototype).
/// `None` for any other object.
fn dense_element(array: &JsObject, index: u64) -> Option<(u64, Option<JsValue>)> {
    if !array.is_array() {
        return None;
    }
    let array = array.borrow();
    let properties = array.properties();
    let len = properties.storage.first()?.as_number()? as u64;
    let element = u32::try_from(index)
        .ok()
        .and_then(|index| properties.get_dense_property(index));
    Some((len, element))
}
