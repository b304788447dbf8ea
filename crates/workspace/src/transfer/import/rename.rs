//! Free names for incoming flows, config variables and connections that clash with the workspace's.

use std::collections::BTreeSet;

use super::check::Checked;
use super::report::Renamed;
use crate::manifest::Manifest;
use crate::names::clean_name;
use crate::transfer::error::{ClashKind, ExportError, ExportResult};

/// Picks free names for clashing incoming items: free among the workspace's names and every incoming name,
/// so a renamed item never takes the name of another one in the same file.
pub(crate) struct Renamer<'f> {
    file: &'f str,
    taken_flow_names: BTreeSet<String>,
    taken_variable_names: BTreeSet<String>,
    pub renamed: Vec<Renamed>,
}

impl<'f> Renamer<'f> {
    pub(crate) fn new(file: &'f str, current: &Manifest, incoming: &Checked) -> Self {
        let taken_flow_names = current
            .flows
            .iter()
            .map(|f| f.name.clone())
            .chain(incoming.flows.iter().map(|f| f.name.clone()))
            .collect();
        let taken_variable_names = current
            .config_vars
            .iter()
            .map(|v| v.name.clone())
            .chain(current.connections.iter().map(|c| c.name.clone()))
            .chain(incoming.config_vars.iter().map(|v| v.name.clone()))
            .chain(incoming.connections.iter().map(|(c, _)| c.name.clone()))
            .collect();
        Renamer {
            file,
            taken_flow_names,
            taken_variable_names,
            renamed: Vec::new(),
        }
    }

    /// "Name (2)", "Name (3)", …: the first free one.
    pub(crate) fn rename(&mut self, kind: ClashKind, name: String) -> ExportResult<String> {
        let (taken, what) = match kind {
            ClashKind::Flow => (&mut self.taken_flow_names, "flow"),
            ClashKind::ConfigVar => (&mut self.taken_variable_names, "config variable"),
            ClashKind::Connection => (&mut self.taken_variable_names, "connection"),
        };
        let new_name = (2..)
            .map(|n| format!("{name} ({n})"))
            .find(|candidate| !taken.contains(candidate))
            .expect("an unbounded counter always finds a free name");
        clean_name(what, &new_name).map_err(|err| {
            ExportError::invalid(
                self.file,
                format!("\"{name}\" cannot be renamed to \"{new_name}\": {err}"),
            )
        })?;
        taken.insert(new_name.clone());
        self.renamed.push(Renamed {
            kind,
            from: name,
            to: new_name.clone(),
        });
        Ok(new_name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::BlockKind;
    use crate::transfer::incoming::{ImportFormat, IncomingBlock, IncomingFlow};

    fn manifest_with_flow(name: &str) -> Manifest {
        serde_json::from_value(serde_json::json!({
            "format": 1, "id": "w", "name": "W",
            "blocks": [{ "id": "t", "name": "Trigger", "kind": "trigger" }],
            "flows": [{ "name": name, "trigger": "t", "steps": [] }]
        }))
        .unwrap()
    }

    fn incoming_flow(name: &str) -> IncomingFlow {
        IncomingFlow {
            name: name.to_string(),
            trigger: IncomingBlock {
                original_id: None,
                name: "Trigger".to_string(),
                kind: BlockKind::Trigger,
                timeout_ms: None,
                source: String::new(),
                sample: None,
                tests: Vec::new(),
            },
            steps: Vec::new(),
            schemas: Default::default(),
            tests: Vec::new(),
        }
    }

    #[test]
    fn a_renamed_flow_skips_names_the_same_file_brings() {
        let current = manifest_with_flow("Flow 1");
        let incoming = Checked {
            format: ImportFormat::Bundle,
            config_vars: Vec::new(),
            connections: Vec::new(),
            execution: serde_json::Map::new(),
            flows: vec![incoming_flow("Flow 1"), incoming_flow("Flow 1 (2)")],
        };
        let mut renamer = Renamer::new("f", &current, &incoming);
        assert_eq!(
            renamer
                .rename(ClashKind::Flow, "Flow 1".to_string())
                .unwrap(),
            "Flow 1 (3)"
        );
        assert_eq!(
            renamer
                .rename(ClashKind::Flow, "Flow 1".to_string())
                .unwrap(),
            "Flow 1 (4)"
        );
        assert_eq!(renamer.renamed.len(), 2);
    }

    #[test]
    fn a_name_too_long_to_rename_is_a_clear_error() {
        let long = "x".repeat(100);
        let current = manifest_with_flow(&long);
        let incoming = Checked {
            format: ImportFormat::Bundle,
            config_vars: Vec::new(),
            connections: Vec::new(),
            execution: serde_json::Map::new(),
            flows: vec![incoming_flow(&long)],
        };
        let err = Renamer::new("shared.json", &current, &incoming)
            .rename(ClashKind::Flow, long)
            .unwrap_err();
        assert!(matches!(err, ExportError::InvalidContent { .. }));
        assert!(err.to_string().contains("at most 100 characters"), "{err}");
    }
}
