//! The seed's default code, verbatim: every new workspace and every new block starts from these.

pub const ACTION_TEMPLATE: &str = include_str!("../templates/code-block.js");
pub const TRIGGER_TEMPLATE: &str = include_str!("../templates/code-block-trigger.js");

pub const ACTION_NAME: &str = "Code Block";
pub const TRIGGER_NAME: &str = "Code Block Trigger";
pub const FIRST_FLOW_NAME: &str = "Flow 1";
