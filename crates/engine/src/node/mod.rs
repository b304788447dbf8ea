//! Node's built-in modules behind `require`: one JavaScript prelude per module (`node/*.js`), each loaded
//! on the module's first `require`. `require` itself is a lazy global, so a block that requires nothing
//! compiles none of this. The Rust side of a module that needs one is in `host/` (`host/node_crypto`, `host/zlib.rs`).

use crate::preludes::LazyPrelude;

pub const PRELUDES: [LazyPrelude; 12] = [
    LazyPrelude {
        file: "node/require.js",
        source: include_str!("require.js"),
        globals: &["require"],
        needs: &[],
    },
    LazyPrelude {
        file: "node/crypto.js",
        source: include_str!("crypto.js"),
        globals: &[],
        needs: &["node/require.js", "buffer.js", "crypto.js"],
    },
    LazyPrelude {
        file: "node/zlib.js",
        source: include_str!("zlib.js"),
        globals: &[],
        needs: &["node/require.js", "buffer.js"],
    },
    LazyPrelude {
        file: "node/events.js",
        source: include_str!("events.js"),
        globals: &[],
        needs: &["node/require.js", "events.js"],
    },
    LazyPrelude {
        file: "node/path.js",
        source: include_str!("path.js"),
        globals: &[],
        needs: &["node/require.js"],
    },
    LazyPrelude {
        file: "node/buffer.js",
        source: include_str!("buffer.js"),
        globals: &[],
        needs: &["node/require.js", "buffer.js", "encoding.js"],
    },
    LazyPrelude {
        file: "node/timers.js",
        source: include_str!("timers.js"),
        globals: &[],
        needs: &["node/require.js", "timers.js", "events.js"],
    },
    LazyPrelude {
        file: "node/inspect.js",
        source: include_str!("inspect.js"),
        globals: &[],
        needs: &[],
    },
    LazyPrelude {
        file: "node/util.js",
        source: include_str!("util.js"),
        globals: &[],
        needs: &["node/require.js", "node/inspect.js", "encoding.js"],
    },
    LazyPrelude {
        file: "node/querystring.js",
        source: include_str!("querystring.js"),
        globals: &[],
        needs: &["node/require.js", "buffer.js", "encoding.js"],
    },
    LazyPrelude {
        file: "node/url.js",
        source: include_str!("url.js"),
        globals: &[],
        needs: &["node/require.js", "node/querystring.js", "url.js"],
    },
    LazyPrelude {
        file: "node/os.js",
        source: include_str!("os.js"),
        globals: &[],
        needs: &["node/require.js"],
    },
];
