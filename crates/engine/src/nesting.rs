//! The one nesting limit on JSON a block produces (what it returns, its state objects, the values it logs),
//! enforced where the JSON is made, in the engine, so nothing downstream ever holds JSON it cannot read back.
//!
//! Every reader of that JSON is serde_json, which refuses anything nested 128 levels or more, and most of them
//! read it wrapped in a few levels of their own: the state file keeps `instanceState` under
//! `{"instanceState": {"<flow>": …}}` (2 more), a flow's next step gets a result under
//! `{"<step>": {"results": …}}` (2), the run history keeps the returned value beside its `data` member in the
//! outcome (2), and `run --flow` prints each result under `{"steps": [{"result": …}]}` (3). A hundred levels
//! leaves room for all of them and for any wrapper added later, and no real integration data comes near it.

use serde_json::Value;

/// The deepest nesting of objects and arrays a block's JSON may have: `{"a": {"b": 1}}` is 2 levels, `[]` is 1,
/// a string or a number is 0.
pub const MAX_JSON_DEPTH: usize = 100;

/// How many levels of objects and arrays `value` nests, counted without recursion (so any tree can be measured).
pub fn json_depth(value: &Value) -> usize {
    let mut deepest = 0;
    let mut pending = vec![(value, 0usize)];
    while let Some((value, depth)) = pending.pop() {
        let children: Box<dyn Iterator<Item = &Value>> = match value {
            Value::Array(items) => Box::new(items.iter()),
            Value::Object(members) => Box::new(members.values()),
            _ => continue,
        };
        let depth = depth + 1;
        deepest = deepest.max(depth);
        pending.extend(children.map(|child| (child, depth)));
    }
    deepest
}

/// Why a value was refused: it nests deeper than `MAX_JSON_DEPTH`. `under` names the top-level member the
/// too-deep part sits in, when the value is an object (`"data"`, `"response"`), to point the person at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    pub under: Option<String>,
}

impl TooDeep {
    /// The sentence a person reads when `what` (e.g. "instanceState", "The value the block returned") nests too
    /// deeply.
    pub fn describe(&self, what: &str) -> String {
        let under = match &self.under {
            Some(member) => format!(" (under \"{member}\")"),
            None => String::new(),
        };
        format!(
            "{what} is nested more than {MAX_JSON_DEPTH} levels deep{under}; Blocksmith keeps at most \
             {MAX_JSON_DEPTH} levels of objects and arrays, so that the state file, the run history and the \
             next step can read it back"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn nested_arrays(depth: usize) -> Value {
        (0..depth).fold(json!(1), |inner, _| Value::Array(vec![inner]))
    }

    #[test]
    fn counts_levels_of_objects_and_arrays() {
        assert_eq!(json_depth(&json!("text")), 0);
        assert_eq!(json_depth(&json!([])), 1);
        assert_eq!(json_depth(&json!({"a": {"b": 1}})), 2);
        assert_eq!(json_depth(&json!({"a": 1, "b": [[{"c": 2}]], "d": {}})), 4);
        assert_eq!(json_depth(&nested_arrays(MAX_JSON_DEPTH)), MAX_JSON_DEPTH);
    }

    #[test]
    fn measures_trees_far_deeper_than_serde_json_reads() {
        let deep = nested_arrays(20_000);
        assert_eq!(json_depth(&deep), 20_000);
        // Dropping a tree this deep recurses in serde_json's own Drop; unwind it by hand instead.
        let mut rest = deep;
        while let Value::Array(mut items) = rest {
            rest = items.pop().unwrap_or(Value::Null);
        }
    }

    #[test]
    fn the_limit_and_the_largest_wrapper_stay_within_what_serde_json_reads() {
        // `run --flow`'s line wraps a result in 3 levels; serde_json reads at most 127.
        let wrapped = json!({"steps": [{"result": nested_arrays(MAX_JSON_DEPTH)}]});
        let text = wrapped.to_string();
        assert!(serde_json::from_str::<Value>(&text).is_ok());
    }

    #[test]
    fn the_refusal_names_the_value_the_member_and_the_limit() {
        let refusal = TooDeep {
            under: Some("response".into()),
        };
        assert_eq!(
            refusal.describe("The value the block returned"),
            "The value the block returned is nested more than 100 levels deep (under \"response\"); Blocksmith \
             keeps at most 100 levels of objects and arrays, so that the state file, the run history and the next \
             step can read it back"
        );
    }
}
