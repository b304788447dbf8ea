//! Node's built-in modules behind `require`: one JavaScript prelude per module (`node/*.js`), each loaded
//! on the module's first `require`. `require` itself is a lazy global, so a block that requires nothing
//! compiles none of this. The Rust side of a module that needs one is in `host/` (`host/node_crypto`, `host/zlib.rs`).

use crate::preludes::LazyPrelude;

pub const PRELUDES: [LazyPrelude; 16] = [
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
        needs: &["node/require.js", "buffer.js"],
    },
    LazyPrelude {
        file: "node/crypto_ciphers.js",
        source: include_str!("crypto_ciphers.js"),
        globals: &[],
        needs: &["node/crypto.js"],
    },
    LazyPrelude {
        file: "node/webcrypto.js",
        source: include_str!("webcrypto.js"),
        globals: &[],
        needs: &[
            "node/require.js",
            "node/crypto.js",
            "buffer.js",
            "crypto.js",
        ],
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
    LazyPrelude {
        file: "node/string_decoder.js",
        source: include_str!("string_decoder.js"),
        globals: &[],
        needs: &["node/require.js", "buffer.js"],
    },
    LazyPrelude {
        file: "node/assert.js",
        source: include_str!("assert.js"),
        globals: &[],
        needs: &["node/require.js", "node/inspect.js", "node/util.js"],
    },
];

#[cfg(test)]
mod tests {
    use crate::preludes::Internals;
    use boa_engine::{Context, Source};

    fn context_with_preludes() -> (Context, Internals) {
        let mut context = crate::intl_data::test_context();
        let internals = Internals::install(&mut context).unwrap();
        context.insert_data(internals.clone());
        (context, internals)
    }

    #[test]
    fn code_that_never_reads_require_loads_no_module() {
        let (mut context, internals) = context_with_preludes();
        context
            .eval(Source::from_bytes(
                "const total = [1, 2].map((n) => n * 2);",
            ))
            .unwrap();
        assert!(!internals.is_loaded("node/require.js"));
        assert!(!internals.is_loaded("node/crypto.js"));
    }

    #[test]
    fn a_module_loads_on_its_first_require_with_what_it_needs() {
        let (mut context, internals) = context_with_preludes();
        context
            .eval(Source::from_bytes("require('node:path').join('a', 'b');"))
            .unwrap();
        assert!(internals.is_loaded("node/require.js"));
        assert!(internals.is_loaded("node/path.js"));
        assert!(!internals.is_loaded("node/crypto.js"));
        context
            .eval(Source::from_bytes(
                "require('crypto').createHash('sha256');",
            ))
            .unwrap();
        assert!(internals.is_loaded("node/crypto.js"));
        assert!(internals.is_loaded("buffer.js"), "crypto needs Buffer");
    }

    #[test]
    fn signing_compiles_neither_the_ciphers_nor_web_crypto_until_a_block_uses_them() {
        let (mut context, internals) = context_with_preludes();
        let signed = context
            .eval(Source::from_bytes(
                "const crypto = require('crypto');
                 typeof crypto.createSign('RSA-SHA256').update('x').sign + Object.keys(crypto).length;",
            ))
            .unwrap();
        assert!(signed.is_string());
        assert!(internals.is_loaded("node/crypto.js"));
        assert!(!internals.is_loaded("node/crypto_ciphers.js"));
        assert!(
            !internals.is_loaded("crypto.js"),
            "the global crypto is not needed to sign"
        );

        let ciphers = context
            .eval(Source::from_bytes(
                "const { createCipheriv, pbkdf2Sync } = crypto;
                 const described = Object.getOwnPropertyDescriptor(crypto, 'scryptSync');
                 [typeof createCipheriv, typeof pbkdf2Sync, 'value' in described, described.enumerable].join();",
            ))
            .unwrap();
        assert_eq!(
            ciphers
                .to_string(&mut context)
                .unwrap()
                .to_std_string_escaped(),
            "function,function,true,true"
        );
        assert!(internals.is_loaded("node/crypto_ciphers.js"));

        let web = context
            .eval(Source::from_bytes(
                "crypto.webcrypto === globalThis.crypto && crypto.subtle === globalThis.crypto.subtle",
            ))
            .unwrap();
        assert_eq!(web.as_boolean(), Some(true));
    }

    #[test]
    fn a_lazy_export_assigned_before_its_first_read_keeps_the_blocks_value() {
        let (mut context, internals) = context_with_preludes();
        let kept = context
            .eval(Source::from_bytes(
                "const crypto = require('crypto');
                 crypto.pbkdf2Sync = () => 'mine';
                 crypto.pbkdf2Sync() + ':' + typeof crypto.scryptSync;",
            ))
            .unwrap();
        assert_eq!(
            kept.to_string(&mut context)
                .unwrap()
                .to_std_string_escaped(),
            "mine:function"
        );
        assert!(internals.is_loaded("node/crypto_ciphers.js"));
    }
}
