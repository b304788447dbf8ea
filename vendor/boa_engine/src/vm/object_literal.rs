//! Patched (see the crate's README): an object literal's leading `name: value` properties made at once, with
//! the shape they give every object the literal makes.
//!
//! An object literal started as `{}` and took each property through `DefineOwnPropertyByName`: a lookup of the
//! name in the object's shape, a transition found by hashing the name in the shape tree, a property
//! descriptor built and dropped, and the storage grown one value at a time (about 1,000 instructions a
//! property). The leading properties of plain names, each given once, always make the same shape from
//! `%Object.prototype%`: the compiler lists their names ([`ObjectLiteralShape`]), evaluates their values into
//! registers in order, and `StoreObjectLiteral` makes the object with that shape and those values. No program
//! can observe the object before the literal's values are evaluated, so making it afterwards changes nothing.

use boa_gc::{Finalize, GcRefCell, Trace};

use crate::{
    Context, JsObject, JsString, JsValue,
    builtins::OrdinaryObject,
    js_string,
    object::shape::shared_shape::template::ObjectTemplate,
    property::{Attribute, PropertyKey},
};

/// The names of an object literal's leading plain properties, in order (none an array index, none repeated,
/// none `__proto__`), and the template of the objects they make, built at the literal's first run.
#[derive(Clone, Debug, Trace, Finalize)]
pub(crate) struct ObjectLiteralShape {
    #[unsafe_ignore_trace]
    names: Box<[JsString]>,
    template: GcRefCell<Option<ObjectTemplate>>,
}

impl ObjectLiteralShape {
    /// The literal whose leading plain properties are `names`; the compiler checks that each may take this
    /// path ([`Self::takes_name`]).
    pub(crate) fn new(names: Box<[JsString]>) -> Self {
        Self {
            names,
            template: GcRefCell::new(None),
        }
    }

    /// Whether `name` may be one of the names made at once after `earlier`: not an array index (an element,
    /// kept in the indexed storage), not `__proto__` (which sets the prototype), not one of `earlier`.
    pub(crate) fn takes_name(name: &JsString, earlier: &[JsString]) -> bool {
        matches!(PropertyKey::from(name.clone()), PropertyKey::String(_))
            && name != &js_string!("__proto__")
            && !earlier.contains(name)
    }

    /// A new ordinary object of the current realm with these names bound to `values`, in order: what
    /// `{}` followed by one `CreateDataPropertyOrThrow` per name makes.
    pub(crate) fn create(&self, values: Vec<JsValue>, context: &Context) -> JsObject {
        debug_assert_eq!(values.len(), self.names.len());
        let ordinary = context.intrinsics().templates().ordinary_object();
        {
            let template = self.template.borrow();
            // A code block runs in the realm that compiled it; the check keeps a template of another realm's
            // `%Object.prototype%` from being used if that ever changes.
            if let Some(template) = template.as_ref()
                && template.has_prototype(&context.intrinsics().constructors().object().prototype())
            {
                return template.create(OrdinaryObject, values);
            }
        }
        let mut template = ordinary.clone();
        for name in &self.names {
            template.property(
                name.clone().into(),
                Attribute::WRITABLE | Attribute::ENUMERABLE | Attribute::CONFIGURABLE,
            );
        }
        let object = template.create(OrdinaryObject, values);
        *self.template.borrow_mut() = Some(template);
        object
    }
}
