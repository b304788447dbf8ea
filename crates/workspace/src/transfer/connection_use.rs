//! Which config variables a block's source reads, so an exported step can reference the connections it
//! uses. Recognised: `configVars["Name"]`, `configVars['Name']`, `` configVars[`Name`] `` (without `${}`),
//! `configVars.Name`, each also with `?.`, and as `context.configVars…`. A name built at run time or taken
//! by destructuring is not seen; FORMAT.md says so.

use std::collections::BTreeSet;

const ROOT: &str = "configVars";

/// The config variable names the source reads by a literal name.
pub(crate) fn config_var_names_read(source: &str) -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    let mut search_from = 0;
    while let Some(found) = source[search_from..].find(ROOT) {
        let start = search_from + found;
        let end = start + ROOT.len();
        search_from = end;
        let before = source[..start].chars().next_back();
        let after = source[end..].chars().next();
        if before.is_some_and(is_identifier_char) || after.is_some_and(is_identifier_char) {
            continue;
        }
        if let Some(name) = accessed_name(&source[end..]) {
            names.insert(name);
        }
    }
    names
}

/// The name accessed right after `configVars`: `.Name`, `?.Name`, `["Name"]` or `?.["Name"]`.
fn accessed_name(rest: &str) -> Option<String> {
    let rest = rest.trim_start();
    let (rest, optional) = match rest.strip_prefix("?.") {
        Some(after) => (after.trim_start(), true),
        None => (rest, false),
    };
    if let Some(bracketed) = rest.strip_prefix('[') {
        return quoted_name(bracketed.trim_start());
    }
    let member = if optional {
        rest
    } else {
        rest.strip_prefix('.')?.trim_start()
    };
    let identifier: String = member
        .chars()
        .take_while(|&c| is_identifier_char(c))
        .collect();
    let starts_well = identifier
        .chars()
        .next()
        .is_some_and(|c| !c.is_ascii_digit());
    starts_well.then_some(identifier)
}

/// A string literal followed by `]`; `None` for anything computed.
fn quoted_name(text: &str) -> Option<String> {
    let quote = text
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\'' | '`'))?;
    let mut name = String::new();
    let mut chars = text[1..].chars();
    loop {
        match chars.next()? {
            '\\' => name.push(chars.next()?),
            '$' if quote == '`' && chars.clone().next() == Some('{') => return None,
            c if c == quote => break,
            c => name.push(c),
        }
    }
    chars.as_str().trim_start().starts_with(']').then_some(name)
}

fn is_identifier_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '$'
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(source: &str) -> Vec<String> {
        config_var_names_read(source).into_iter().collect()
    }

    #[test]
    fn finds_bracketed_dotted_and_optional_accesses() {
        let source = r#"
            const a = configVars["My API"];
            const b = context.configVars['Other One'].fields;
            const c = configVars.Simple;
            const d = configVars?.Maybe;
            const e = configVars?.["Quoted Maybe"];
            const f = configVars[ `Tick` ];
            const { logger, configVars: renamed } = context;
        "#;
        assert_eq!(
            names(source),
            vec![
                "Maybe",
                "My API",
                "Other One",
                "Quoted Maybe",
                "Simple",
                "Tick"
            ]
        );
    }

    #[test]
    fn ignores_computed_names_and_lookalike_identifiers() {
        let source = r#"
            const x = configVars[name];
            const y = configVars[`${prefix} API`];
            const z = myconfigVars["Not This"];
            const w = configVarsExtra.NotThis;
            const v = configVars["Unclosed"
        "#;
        assert!(names(source).is_empty(), "{:?}", names(source));
    }

    #[test]
    fn unescapes_quotes_inside_names() {
        assert_eq!(names(r#"configVars["Say \"hi\""]"#), vec![r#"Say "hi""#]);
    }
}
