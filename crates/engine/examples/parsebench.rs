//! Times Boa's parser alone on JavaScript files, the mean of 50 parses each: `cargo run --profile profiling -p
//! blocksmith-engine --example parsebench -- FILE...`. For measuring the vendored `boa_parser`'s patch
//! (`vendor/boa_parser/README.md`) and what a prelude or a pasted library costs to parse.

use std::time::Instant;

use boa_engine::Source;
use boa_interner::Interner;
use boa_parser::Parser;

const RUNS: u32 = 50;

fn main() {
    for path in std::env::args().skip(1) {
        let source = std::fs::read_to_string(&path).expect("the file is readable");
        let started = Instant::now();
        for _ in 0..RUNS {
            let mut interner = Interner::default();
            Parser::new(Source::from_bytes(&source))
                .parse_script(&boa_ast::scope::Scope::new_global(), &mut interner)
                .expect("the file parses");
        }
        let mean = started.elapsed().as_secs_f64() * 1000.0 / f64::from(RUNS);
        println!(
            "{path}: {:.1} KB, parse {mean:.2} ms",
            source.len() as f64 / 1024.0
        );
    }
}
