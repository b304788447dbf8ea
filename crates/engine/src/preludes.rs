//! Loads the JavaScript preludes (`builtins/*.js`) that give a block Node's globals, each on the first use
//! of one of its globals or helpers, and calls the helpers they leave on the shared `internals` object. What
//! every context has from the start is made natively (`prelude_core`): compiling JavaScript is a large share
//! of a short run's time, so a fresh context compiles none.

use std::cell::RefCell;
use std::collections::HashSet;
use std::path::Path;
use std::rc::Rc;

use boa_engine::{js_string, Context, JsObject, JsResult, JsValue, Source};

use crate::error::{Error, Result};
use crate::{host, node, prelude_core};

/// Helpers the engine calls from Rust that live in a lazy prelude, loaded before the first call.
const LAZY_HELPERS: [(&str, &str); 2] =
    [("describeError", "errors.js"), ("toJsonText", "errors.js")];

/// A prelude loaded on the first use of one of its globals (compiling them all costs more than most
/// blocks take to run).
pub struct LazyPrelude {
    pub file: &'static str,
    pub source: &'static str,
    pub globals: &'static [&'static str],
    /// Preludes whose `internals` helpers this one uses while loading or running.
    pub needs: &'static [&'static str],
}

const LAZY: [LazyPrelude; 16] = [
    LazyPrelude {
        file: "bytes.js",
        source: include_str!("builtins/bytes.js"),
        globals: &[],
        needs: &[],
    },
    LazyPrelude {
        file: "invoke-flow.js",
        source: include_str!("builtins/invoke-flow.js"),
        globals: &[],
        needs: &[],
    },
    LazyPrelude {
        file: "format.js",
        source: include_str!("builtins/format.js"),
        globals: &[],
        needs: &[],
    },
    LazyPrelude {
        file: "stack.js",
        source: include_str!("builtins/stack.js"),
        globals: &[],
        needs: &[],
    },
    LazyPrelude {
        file: "errors.js",
        source: include_str!("builtins/errors.js"),
        globals: &[],
        needs: &["format.js"],
    },
    LazyPrelude {
        file: "console.js",
        source: include_str!("builtins/console.js"),
        globals: &["console", "performance"],
        needs: &[],
    },
    LazyPrelude {
        file: "timers.js",
        source: include_str!("builtins/timers.js"),
        globals: &[
            "setTimeout",
            "setInterval",
            "setImmediate",
            "clearTimeout",
            "clearInterval",
            "clearImmediate",
            "queueMicrotask",
        ],
        needs: &[],
    },
    LazyPrelude {
        file: "events.js",
        source: include_str!("builtins/events.js"),
        globals: &[
            "DOMException",
            "Event",
            "CustomEvent",
            "EventTarget",
            "AbortSignal",
            "AbortController",
        ],
        needs: &["timers.js"],
    },
    LazyPrelude {
        file: "encoding.js",
        source: include_str!("builtins/encoding.js"),
        globals: &["TextEncoder", "TextDecoder", "atob", "btoa"],
        needs: &[],
    },
    LazyPrelude {
        file: "url.js",
        source: include_str!("builtins/url.js"),
        globals: &["URL", "URLSearchParams"],
        needs: &["encoding.js"],
    },
    LazyPrelude {
        file: "buffer.js",
        source: include_str!("builtins/buffer.js"),
        globals: &["Buffer"],
        needs: &[],
    },
    LazyPrelude {
        file: "crypto.js",
        source: include_str!("builtins/crypto.js"),
        globals: &["crypto", "Crypto", "CryptoKey", "SubtleCrypto"],
        needs: &["encoding.js"],
    },
    LazyPrelude {
        file: "clone.js",
        source: include_str!("builtins/clone.js"),
        globals: &["structuredClone"],
        needs: &[],
    },
    LazyPrelude {
        file: "process.js",
        source: include_str!("builtins/process.js"),
        globals: &["process"],
        needs: &[],
    },
    LazyPrelude {
        file: "blob.js",
        source: include_str!("builtins/blob.js"),
        globals: &["Blob", "File", "FormData"],
        needs: &["encoding.js"],
    },
    LazyPrelude {
        file: "fetch.js",
        source: include_str!("builtins/fetch.js"),
        globals: &["fetch", "Headers", "Request", "Response"],
        needs: &["encoding.js", "url.js"],
    },
];

/// Every lazy prelude: the globals' and those of Node's built-in modules (`node::PRELUDES`).
fn lazy_preludes() -> impl Iterator<Item = &'static LazyPrelude> {
    LAZY.iter().chain(node::PRELUDES.iter())
}

/// The helpers the preludes share with the engine (`describeError`, `toJsonText`, `logLine`, …).
#[derive(Clone)]
pub struct Internals {
    object: JsObject,
    host: JsObject,
    loaded: Rc<RefCell<HashSet<&'static str>>>,
}

impl Internals {
    /// Puts the core in place (`prelude_core`) with a lazy accessor for each prelude's globals.
    pub fn install(context: &mut Context) -> Result<Self> {
        let host = host::host_object(context);
        let internals = Self {
            object: JsObject::with_object_proto(context.intrinsics()),
            host,
            loaded: Rc::default(),
        };
        // The lazy globals and helpers find the preludes through the context.
        context.insert_data(internals.clone());
        let lazy_globals: Vec<(&'static str, &'static [&'static str])> = lazy_preludes()
            .filter(|prelude| !prelude.globals.is_empty())
            .map(|prelude| (prelude.file, prelude.globals))
            .collect();
        prelude_core::install(&internals, &lazy_globals, context).map_err(|error| {
            Error::Prelude {
                file: "core",
                message: error.to_string(),
            }
        })?;
        Ok(internals)
    }

    /// The object the preludes share their helpers on (`internals` in their source).
    pub fn object(&self) -> &JsObject {
        &self.object
    }

    /// The host functions the preludes are built on (`host` in their source).
    pub fn host(&self) -> &JsObject {
        &self.host
    }

    /// Whether the prelude `file` has been loaded in this context.
    pub fn is_loaded(&self, file: &str) -> bool {
        self.loaded.borrow().contains(file)
    }

    /// The sources of a lazy prelude and of those it needs that are not loaded yet, in the order to run
    /// them; each is marked loaded.
    pub fn sources_to_load(&self, file: &str) -> Result<Vec<&'static str>> {
        Ok(self
            .preludes_to_load(file)?
            .into_iter()
            .map(|(_, source)| source)
            .collect())
    }

    /// `sources_to_load` with each prelude's file name.
    fn preludes_to_load(&self, file: &str) -> Result<Vec<(&'static str, &'static str)>> {
        let Some(prelude) = lazy_preludes().find(|prelude| prelude.file == file) else {
            return Err(Error::Prelude {
                file: "(unknown)",
                message: format!("no prelude is named `{file}`"),
            });
        };
        if !self.loaded.borrow_mut().insert(prelude.file) {
            return Ok(Vec::new());
        }
        let mut sources = Vec::new();
        for needed in prelude.needs {
            sources.extend(self.preludes_to_load(needed)?);
        }
        sources.push((prelude.file, prelude.source));
        Ok(sources)
    }

    /// Runs one prelude: a function expression called with the host object and `internals`.
    fn evaluate(&self, file: &'static str, source: &str, context: &mut Context) -> Result<()> {
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
                &[self.host.clone().into(), self.object.clone().into()],
                context,
            )
            .map_err(|error| failed(error.to_string()))?;
        Ok(())
    }

    /// Calls the helper `name` with `args`, loading its prelude first if it is lazy and not loaded yet.
    pub fn call(&self, name: &str, args: &[JsValue], context: &mut Context) -> JsResult<JsValue> {
        if let Some((_, file)) = LAZY_HELPERS.iter().find(|(helper, _)| *helper == name) {
            let failed =
                |error: Error| boa_engine::JsNativeError::error().with_message(error.to_string());
            for (file, source) in self.preludes_to_load(file).map_err(failed)? {
                self.evaluate(file, source, context).map_err(failed)?;
            }
        }
        let helper = self.object.get(js_string!(name), context)?;
        let helper = helper.as_callable().ok_or_else(|| {
            boa_engine::JsNativeError::typ()
                .with_message(format!("internal helper `{name}` is missing"))
        })?;
        helper.call(&JsValue::undefined(), args, context)
    }
}
