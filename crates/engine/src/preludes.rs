//! Loads the JavaScript preludes (`builtins/*.js`) that give a block Node's globals, and calls the
//! helpers they leave on the shared `internals` object.

use std::path::Path;

use boa_engine::{js_string, Context, JsObject, JsResult, JsValue, Source};

use crate::error::{Error, Result};
use crate::host;

/// In dependency order: later preludes use what earlier ones put on `internals` or the global object.
const PRELUDES: [(&str, &str); 10] = [
    ("core.js", include_str!("builtins/core.js")),
    ("console.js", include_str!("builtins/console.js")),
    ("timers.js", include_str!("builtins/timers.js")),
    ("events.js", include_str!("builtins/events.js")),
    ("encoding.js", include_str!("builtins/encoding.js")),
    ("url.js", include_str!("builtins/url.js")),
    ("buffer.js", include_str!("builtins/buffer.js")),
    ("crypto.js", include_str!("builtins/crypto.js")),
    ("clone.js", include_str!("builtins/clone.js")),
    ("fetch.js", include_str!("builtins/fetch.js")),
];

/// The helpers the preludes share with the engine (`describeError`, `toJsonText`, `makeLogger`, …).
pub struct Internals(JsObject);

impl Internals {
    /// Runs every prelude; each is a function expression called with the host object and `internals`.
    pub fn install(context: &mut Context) -> Result<Self> {
        let host = host::host_object(context);
        let internals = JsObject::with_object_proto(context.intrinsics());
        for (file, source) in PRELUDES {
            let path = format!("blocksmith:{file}");
            let failed = |message: String| Error::Prelude { file, message };
            let prelude = context
                .eval(Source::from_bytes(source).with_path(Path::new(&path)))
                .map_err(|error| failed(error.to_string()))?;
            let prelude = prelude
                .as_callable()
                .ok_or_else(|| failed("it is not a function expression".to_owned()))?;
            prelude
                .call(
                    &JsValue::undefined(),
                    &[host.clone().into(), internals.clone().into()],
                    context,
                )
                .map_err(|error| failed(error.to_string()))?;
        }
        Ok(Self(internals))
    }

    /// Calls the helper `name` with `args`.
    pub fn call(&self, name: &str, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        let helper = self.0.get(js_string!(name), context)?;
        let helper = helper.as_callable().ok_or_else(|| {
            boa_engine::JsNativeError::typ()
                .with_message(format!("internal helper `{name}` is missing"))
        })?;
        helper.call(&JsValue::undefined(), args, context)
    }
}
