//! Flow and step edits: adding, renaming, deleting and reordering flows and their steps, a flow's JSON schemas,
//! and a block's name and time limit. Each edit is saved at once; a block's file is written before the manifest names it and
//! removed only after the manifest no longer does.

use std::collections::BTreeMap;
use std::fs;

use super::Workspace;
use crate::error::{Error, Result};
use crate::flow_schemas::FlowSchema;
use crate::manifest::{Block, BlockKind, Flow};
use crate::names::{clean_name, unique_id};
use crate::templates::{ACTION_NAME, ACTION_TEMPLATE, TRIGGER_NAME, TRIGGER_TEMPLATE};

impl Workspace {
    /// Adds an action step, seeded with the action template, at the end of `flow`. Returns its id.
    pub fn add_step(&mut self, flow: &str, name: &str) -> Result<String> {
        self.transact(|ws| ws.add_step_now(flow, name))
    }

    fn add_step_now(&mut self, flow: &str, name: &str) -> Result<String> {
        let name = clean_name("step", name)?;
        let flow_index = self.flow_index(flow)?;
        self.check_name_free_in_flow(flow_index, &name, None)?;
        let id = self.new_block(&name, BlockKind::Action, ACTION_TEMPLATE)?;
        self.manifest.flows[flow_index].steps.push(id.clone());
        self.save_manifest()?;
        Ok(id)
    }

    /// Adds a flow with its own trigger, seeded with the trigger template.
    pub fn add_flow(&mut self, name: &str) -> Result<()> {
        self.transact(|ws| ws.add_flow_now(name))
    }

    fn add_flow_now(&mut self, name: &str) -> Result<()> {
        self.add_flow_unsaved(name)?;
        self.save_manifest()
    }

    pub(super) fn add_flow_unsaved(&mut self, name: &str) -> Result<()> {
        let name = clean_name("flow", name)?;
        if self.manifest.flow(&name).is_some() {
            return Err(Error::DuplicateName {
                what: "A flow",
                name,
            });
        }
        let first = self.manifest.flows.is_empty();
        let trigger = self.new_block(TRIGGER_NAME, BlockKind::Trigger, TRIGGER_TEMPLATE)?;
        let steps = if first {
            vec![self.new_block(ACTION_NAME, BlockKind::Action, ACTION_TEMPLATE)?]
        } else {
            Vec::new()
        };
        self.manifest.flows.push(Flow {
            name,
            trigger,
            steps,
            schemas: Default::default(),
        });
        Ok(())
    }

    pub fn rename_flow(&mut self, name: &str, new_name: &str) -> Result<()> {
        self.transact(|ws| ws.rename_flow_now(name, new_name))
    }

    fn rename_flow_now(&mut self, name: &str, new_name: &str) -> Result<()> {
        let new_name = clean_name("flow", new_name)?;
        let index = self.flow_index(name)?;
        if new_name != name && self.manifest.flow(&new_name).is_some() {
            return Err(Error::DuplicateName {
                what: "A flow",
                name: new_name,
            });
        }
        self.manifest.flows[index].name = new_name;
        self.save_manifest()
    }

    /// Replaces the flow's JSON schemas (by name, e.g. `invoke`); an empty map removes them.
    pub fn set_flow_schemas(
        &mut self,
        name: &str,
        schemas: BTreeMap<String, FlowSchema>,
    ) -> Result<()> {
        self.transact(|ws| {
            let index = ws.flow_index(name)?;
            ws.manifest.flows[index].schemas = schemas;
            ws.save_manifest()
        })
    }

    /// Deletes a flow with its trigger and steps.
    pub fn delete_flow(&mut self, name: &str) -> Result<()> {
        self.transact(|ws| ws.delete_flow_now(name))
    }

    fn delete_flow_now(&mut self, name: &str) -> Result<()> {
        let index = self.flow_index(name)?;
        let flow = self.manifest.flows.remove(index);
        let ids: Vec<String> = std::iter::once(flow.trigger).chain(flow.steps).collect();
        self.manifest
            .blocks
            .retain(|block| !ids.contains(&block.id));
        self.save_manifest()?;
        for id in ids {
            self.remove_block_files(&id);
        }
        Ok(())
    }

    /// Renames a block; names are unique within a flow because `stepResults` is keyed by them.
    pub fn rename_block(&mut self, id: &str, new_name: &str) -> Result<()> {
        self.transact(|ws| ws.rename_block_now(id, new_name))
    }

    fn rename_block_now(&mut self, id: &str, new_name: &str) -> Result<()> {
        let new_name = clean_name("step", new_name)?;
        self.block(id)?;
        if let Some(flow_index) = self
            .manifest
            .flows
            .iter()
            .position(|flow| flow.trigger == id || flow.steps.iter().any(|step| step == id))
        {
            self.check_name_free_in_flow(flow_index, &new_name, Some(id))?;
        }
        if let Some(block) = self.manifest.blocks.iter_mut().find(|b| b.id == id) {
            block.name = new_name;
        }
        self.save_manifest()
    }

    /// Sets a block's own time limit (`None`: the default).
    pub fn set_block_timeout(&mut self, id: &str, timeout_ms: Option<u32>) -> Result<()> {
        self.transact(|ws| ws.set_block_timeout_now(id, timeout_ms))
    }

    fn set_block_timeout_now(&mut self, id: &str, timeout_ms: Option<u32>) -> Result<()> {
        self.block(id)?;
        if let Some(block) = self.manifest.blocks.iter_mut().find(|b| b.id == id) {
            block.timeout_ms = timeout_ms;
        }
        self.save_manifest()
    }

    /// Removes an action step from its flow and deletes its file.
    pub fn delete_step(&mut self, flow: &str, id: &str) -> Result<()> {
        self.transact(|ws| ws.delete_step_now(flow, id))
    }

    fn delete_step_now(&mut self, flow: &str, id: &str) -> Result<()> {
        let flow_index = self.flow_index(flow)?;
        if self.manifest.flows[flow_index].trigger == id {
            return Err(Error::TriggerNotRemovable("deleted on its own"));
        }
        let steps = &mut self.manifest.flows[flow_index].steps;
        let position = steps
            .iter()
            .position(|step| step == id)
            .ok_or_else(|| Error::UnknownBlock(id.to_string()))?;
        steps.remove(position);
        self.manifest.blocks.retain(|block| block.id != id);
        self.save_manifest()?;
        self.remove_block_files(id);
        Ok(())
    }

    /// Moves an action step to `to_index` (clamped to the end) within its flow.
    pub fn move_step(&mut self, flow: &str, id: &str, to_index: usize) -> Result<()> {
        self.transact(|ws| ws.move_step_now(flow, id, to_index))
    }

    fn move_step_now(&mut self, flow: &str, id: &str, to_index: usize) -> Result<()> {
        let flow_index = self.flow_index(flow)?;
        if self.manifest.flows[flow_index].trigger == id {
            return Err(Error::TriggerNotRemovable("moved; it always runs first"));
        }
        let steps = &mut self.manifest.flows[flow_index].steps;
        let from = steps
            .iter()
            .position(|step| step == id)
            .ok_or_else(|| Error::UnknownBlock(id.to_string()))?;
        let step = steps.remove(from);
        let to = to_index.min(steps.len());
        steps.insert(to, step);
        self.save_manifest()
    }

    fn flow_index(&self, name: &str) -> Result<usize> {
        self.manifest
            .flows
            .iter()
            .position(|flow| flow.name == name)
            .ok_or_else(|| Error::UnknownFlow(name.to_string()))
    }

    fn check_name_free_in_flow(
        &self,
        flow_index: usize,
        name: &str,
        except: Option<&str>,
    ) -> Result<()> {
        let flow = &self.manifest.flows[flow_index];
        let clash = std::iter::once(&flow.trigger)
            .chain(&flow.steps)
            .filter(|id| Some(id.as_str()) != except)
            .filter_map(|id| self.manifest.block(id))
            .any(|block| block.name == name);
        if clash {
            return Err(Error::DuplicateName {
                what: "A step in this flow named",
                name: name.to_string(),
            });
        }
        Ok(())
    }

    /// Writes the block's file and registers it; the caller saves the manifest.
    fn new_block(&mut self, name: &str, kind: BlockKind, source: &str) -> Result<String> {
        let id = unique_id(name, |candidate| {
            self.manifest.block(candidate).is_some()
                || fs::symlink_metadata(self.block_path(candidate)).is_ok()
        });
        self.write_block_file(&id, source)?;
        self.manifest.blocks.push(Block {
            id: id.clone(),
            name: name.to_string(),
            kind,
            timeout_ms: None,
        });
        Ok(id)
    }
}
