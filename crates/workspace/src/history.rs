//! The run history: every run (its inputs, outcome, logs, error, duration and time) kept in SQLite in the
//! workspace's `.blocksmith/history.sqlite`, listed per block newest first, and pruned beyond a bound per
//! block. Secret values are replaced by `«redacted»` (in every form a block produces; see
//! `blocksmith_secrets::Redactor`) before anything is stored.
//!
//! The outcome is stored as the JSON the run printed, so this crate needs no engine types.
//!
//! A run is a block's own run, or one step of a flow run started with "Run flow" or by a webhook call: each step
//! is kept in its block's history, with the flow's name and the execution id its steps share.
//!
//! The schema is versioned with SQLite's `user_version` and moved forward one step at a time by [`MIGRATIONS`],
//! so a history written by an older Blocksmith opens and stays readable.
//!
//! A flow run started by another run's `context.invokeFlow` is recorded as that run's child
//! (`parent_run_id`), so either can be reached from the other: a listed run names the run that invoked it
//! and the runs it invoked ([`LinkedRun`]), with the block whose history holds each. Migration step 3 added
//! the column; runs recorded before have none.

use std::fs;
use std::path::{Path, PathBuf};

use blocksmith_secrets::Redactor;
use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::inside::{path_inside_workspace, Access};

/// The database, relative to the workspace folder.
pub const HISTORY_FILE: &str = ".blocksmith/history.sqlite";
/// Runs kept per block unless the caller chooses another bound.
pub const DEFAULT_RUNS_PER_BLOCK: usize = 100;
/// What a secret value is replaced with.
pub const REDACTED: &str = blocksmith_secrets::REDACTION_MARKER;

/// The schema's steps in order: step `n` (1-based) takes a database at `user_version` `n - 1` to `n`. A new
/// column is a new step at the end; a step never changes once released.
const MIGRATIONS: &[&str] = &[
    // 1: the runs of blocks.
    "CREATE TABLE IF NOT EXISTS runs (
         id            INTEGER PRIMARY KEY AUTOINCREMENT,
         block_id      TEXT    NOT NULL,
         started_at_ms INTEGER NOT NULL,
         ok            INTEGER NOT NULL,
         duration_ms   REAL    NOT NULL,
         error         TEXT,
         inputs        TEXT    NOT NULL,
         outcome       TEXT    NOT NULL
     );
     CREATE INDEX IF NOT EXISTS runs_by_block ON runs (block_id, started_at_ms DESC, id DESC);",
    // 2: what started the run (a block's own run before this step), and for a flow's step its flow and execution.
    "ALTER TABLE runs ADD COLUMN origin TEXT NOT NULL DEFAULT 'block';
     ALTER TABLE runs ADD COLUMN flow TEXT;
     ALTER TABLE runs ADD COLUMN execution_id TEXT;",
    // 3: the run whose `context.invokeFlow` started this one.
    "ALTER TABLE runs ADD COLUMN parent_run_id INTEGER;
     CREATE INDEX IF NOT EXISTS runs_by_parent ON runs (parent_run_id);",
];

/// What started a run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum RunOrigin {
    /// Run on its own (the run panel's Run, or a test).
    Block,
    /// A step of "Run flow" (or `blocksmith run --flow`).
    Flow,
    /// A step of a flow run by a call to the local webhook listener.
    Webhook,
}

impl RunOrigin {
    fn as_sql(self) -> &'static str {
        match self {
            RunOrigin::Block => "block",
            RunOrigin::Flow => "flow",
            RunOrigin::Webhook => "webhook",
        }
    }

    /// The origin stored as `text`; an origin a newer Blocksmith wrote reads as a block's own run.
    fn from_sql(text: &str) -> RunOrigin {
        match text {
            "flow" => RunOrigin::Flow,
            "webhook" => RunOrigin::Webhook,
            _ => RunOrigin::Block,
        }
    }
}

/// For a step of a flow run: the flow, and the execution id the flow's steps share.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FlowRunOf {
    pub flow: String,
    pub execution_id: String,
}

/// A run to record.
#[derive(Debug, Clone)]
pub struct NewRun {
    pub block_id: String,
    /// When the run started, in milliseconds since the Unix epoch (passed in so tests can pin it).
    pub started_at_ms: i64,
    /// What the run was given: `{ kind, input, configVars, … }` as the caller chooses to keep it.
    pub inputs: Value,
    /// The run's outcome line: `{ ok, returned, result, response, logs, error, durationMs }`.
    pub outcome: RecordedOutcome,
    pub origin: RunOrigin,
    /// Set for a step of a flow run.
    pub flow_run: Option<FlowRunOf>,
    /// The recorded run whose `context.invokeFlow` started this one, if any.
    pub parent_run_id: Option<i64>,
}

/// A run's outcome line as the history takes it.
#[derive(Debug, Clone)]
pub enum RecordedOutcome {
    /// As a JSON value.
    Value(Value),
    /// As the JSON text it was printed to, with the parts the history lists: a large result is then stored as
    /// it came from its worker, never parsed into a tree here only to be printed again.
    Text {
        text: Box<RawValue>,
        ok: bool,
        duration_ms: f64,
        /// `TypeError: x is not a function`, for a failed run.
        error: Option<String>,
    },
}

impl From<Value> for RecordedOutcome {
    fn from(outcome: Value) -> Self {
        RecordedOutcome::Value(outcome)
    }
}

impl RecordedOutcome {
    /// The outcome's text with every secret `redactor` knows redacted, and whether it succeeded, how long it
    /// took and its error line.
    fn redacted(&self, redactor: &Redactor) -> Result<(String, bool, f64, Option<String>)> {
        match self {
            RecordedOutcome::Value(outcome) => {
                let mut outcome = outcome.clone();
                redactor.redact_json(&mut outcome);
                let ok = outcome.get("ok").and_then(Value::as_bool).unwrap_or(false);
                let duration_ms = outcome
                    .get("durationMs")
                    .and_then(Value::as_f64)
                    .unwrap_or(0.0);
                let error = outcome.get("error").and_then(error_line);
                Ok((outcome.to_string(), ok, duration_ms, error))
            }
            RecordedOutcome::Text {
                text,
                ok,
                duration_ms,
                error,
            } => {
                let text = redactor
                    .redact_json_text(text.get())
                    .map_err(|error| Error::HistoryOutcomeUnchecked(error.to_string()))?;
                let error = error
                    .as_deref()
                    .map(|line| redactor.redact_str(line).into_owned());
                Ok((text.into_owned(), *ok, *duration_ms, error))
            }
        }
    }
}

/// One line of a block's history list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RunSummary {
    pub id: i64,
    pub block_id: String,
    pub started_at_ms: i64,
    pub ok: bool,
    pub duration_ms: f64,
    /// `TypeError: x is not a function`, for a failed run.
    pub error: Option<String>,
    pub origin: RunOrigin,
    /// Set for a step of a flow run.
    pub flow_run: Option<FlowRunOf>,
    /// The recorded run whose `context.invokeFlow` started this one, if any.
    pub parent_run_id: Option<i64>,
    /// That run, while the history still holds it.
    pub invoked_by: Option<LinkedRun>,
    /// The runs this one started with `context.invokeFlow`, in the order they were recorded.
    pub invoked: Vec<LinkedRun>,
}

/// A run linked to another through `context.invokeFlow`: enough to name it and to open it in the history of
/// its block.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct LinkedRun {
    pub id: i64,
    /// The block whose history holds it (an invoked flow's run is kept under the flow's trigger).
    pub block_id: String,
    /// The flow it ran in, when it was a flow's run.
    pub flow: Option<String>,
    pub ok: bool,
}

/// A whole recorded run, to re-open, re-run or compare.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RunEntry {
    pub id: i64,
    pub block_id: String,
    pub started_at_ms: i64,
    #[cfg_attr(feature = "specta", specta(type = serde_json::Value))]
    pub inputs: Value,
    #[cfg_attr(feature = "specta", specta(type = serde_json::Value))]
    pub outcome: Value,
    pub origin: RunOrigin,
    /// Set for a step of a flow run.
    pub flow_run: Option<FlowRunOf>,
    /// The recorded run whose `context.invokeFlow` started this one, if any.
    pub parent_run_id: Option<i64>,
    /// The runs this one started with `context.invokeFlow`, in the order they were recorded.
    pub child_run_ids: Vec<i64>,
}

/// An open history database. Not `Sync`: share it behind a `Mutex`.
#[derive(Debug)]
pub struct RunHistory {
    connection: Connection,
    path: PathBuf,
    runs_per_block: usize,
}

impl RunHistory {
    /// Opens (creating if needed) the history of the workspace in `workspace_root`. The database and the files
    /// SQLite keeps beside it must stay inside the folder: a `.blocksmith` linked elsewhere is refused.
    pub fn open(workspace_root: &Path) -> Result<RunHistory> {
        let root = fs::canonicalize(workspace_root)
            .map_err(|source| Error::io("read", workspace_root, source))?;
        for suffix in ["", "-wal", "-shm", "-journal"] {
            path_inside_workspace(
                &root,
                Path::new(&format!("{HISTORY_FILE}{suffix}")),
                Access::ReadOrWrite,
            )?;
        }
        RunHistory::open_at(&workspace_root.join(HISTORY_FILE))
    }

    /// Opens (creating if needed) a history database at `path`.
    fn open_at(path: &Path) -> Result<RunHistory> {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir)
                .map_err(|source| Error::io("create the history folder", dir, source))?;
        }
        let history_error = |source| Error::History {
            path: path.to_path_buf(),
            source,
        };
        let mut connection = Connection::open(path).map_err(history_error)?;
        // The app and the CLI may use one workspace at the same time: wait for each other's writes.
        connection
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(history_error)?;
        connection
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(history_error)?;
        migrate(&mut connection).map_err(history_error)?;
        Ok(RunHistory {
            connection,
            path: path.to_path_buf(),
            runs_per_block: DEFAULT_RUNS_PER_BLOCK,
        })
    }

    /// Keeps at most `runs` runs per block from now on (at least one).
    pub fn with_runs_per_block(mut self, runs: usize) -> RunHistory {
        self.runs_per_block = runs.max(1);
        self
    }

    /// Stores a run with every secret `redactor` knows redacted, prunes the block's oldest runs beyond the
    /// bound, and returns the new run's id.
    pub fn record(&self, run: &NewRun, redactor: &Redactor) -> Result<i64> {
        let mut inputs = run.inputs.clone();
        redactor.redact_json(&mut inputs);
        let (outcome, ok, duration_ms, error) = run.outcome.redacted(redactor)?;
        let flow_run = run.flow_run.as_ref();
        self.connection
            .execute(
                "INSERT INTO runs (block_id, started_at_ms, ok, duration_ms, error, inputs, outcome,
                                   origin, flow, execution_id, parent_run_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                params![
                    run.block_id,
                    run.started_at_ms,
                    ok,
                    duration_ms,
                    error,
                    inputs.to_string(),
                    outcome,
                    run.origin.as_sql(),
                    flow_run.map(|of| &of.flow),
                    flow_run.map(|of| &of.execution_id),
                    run.parent_run_id,
                ],
            )
            .map_err(|source| self.error(source))?;
        let id = self.connection.last_insert_rowid();
        self.prune(&run.block_id, self.runs_per_block)?;
        Ok(id)
    }

    /// The block's runs, newest first.
    pub fn list(&self, block_id: &str) -> Result<Vec<RunSummary>> {
        self.summaries(
            "r.block_id = ?1 ORDER BY r.started_at_ms DESC, r.id DESC",
            block_id,
        )
    }

    /// The steps one flow run recorded (the trigger first), by the execution id its steps share: what the
    /// flow run view links to the runs its steps invoked.
    pub fn flow_run_steps(&self, execution_id: &str) -> Result<Vec<RunSummary>> {
        self.summaries(
            "r.execution_id = ?1 ORDER BY r.started_at_ms, r.id",
            execution_id,
        )
    }

    /// The runs matching `condition` (which orders them and takes `key` as `?1`), each with the runs it is
    /// linked to.
    fn summaries(&self, condition: &str, key: &str) -> Result<Vec<RunSummary>> {
        let mut statement = self
            .connection
            .prepare_cached(&format!(
                "SELECT r.id, r.block_id, r.started_at_ms, r.ok, r.duration_ms, r.error, r.origin, r.flow,
                        r.execution_id, r.parent_run_id, parent.block_id, parent.flow, parent.ok
                 FROM runs r LEFT JOIN runs parent ON parent.id = r.parent_run_id
                 WHERE {condition}"
            ))
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map(params![key], |row| {
                let parent_run_id: Option<i64> = row.get(9)?;
                let parent_block_id: Option<String> = row.get(10)?;
                Ok(RunSummary {
                    id: row.get(0)?,
                    block_id: row.get(1)?,
                    started_at_ms: row.get(2)?,
                    ok: row.get(3)?,
                    duration_ms: row.get(4)?,
                    error: row.get(5)?,
                    origin: RunOrigin::from_sql(&row.get::<_, String>(6)?),
                    flow_run: flow_run_of(row.get(7)?, row.get(8)?),
                    parent_run_id,
                    invoked_by: match (parent_run_id, parent_block_id) {
                        (Some(id), Some(block_id)) => Some(LinkedRun {
                            id,
                            block_id,
                            flow: row.get(11)?,
                            ok: row.get(12)?,
                        }),
                        _ => None,
                    },
                    invoked: Vec::new(),
                })
            })
            .map_err(|source| self.error(source))?;
        let summaries = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|source| self.error(source))?;
        summaries
            .into_iter()
            .map(|summary| {
                Ok(RunSummary {
                    invoked: self.invoked_runs(summary.id)?,
                    ..summary
                })
            })
            .collect()
    }

    /// One run in full, or `None` if there is no run with that id (any more).
    pub fn get(&self, id: i64) -> Result<Option<RunEntry>> {
        let row = self
            .connection
            .query_row(
                "SELECT id, block_id, started_at_ms, inputs, outcome, origin, flow, execution_id, parent_run_id
                 FROM runs WHERE id = ?1",
                params![id],
                |row| {
                    Ok((
                        RunEntry {
                            id: row.get(0)?,
                            block_id: row.get(1)?,
                            started_at_ms: row.get(2)?,
                            inputs: Value::Null,
                            outcome: Value::Null,
                            origin: RunOrigin::from_sql(&row.get::<_, String>(5)?),
                            flow_run: flow_run_of(row.get(6)?, row.get(7)?),
                            parent_run_id: row.get(8)?,
                            child_run_ids: Vec::new(),
                        },
                        row.get::<_, String>(3)?,
                        row.get::<_, String>(4)?,
                    ))
                },
            )
            .optional()
            .map_err(|source| self.error(source))?;
        let Some((entry, inputs, outcome)) = row else {
            return Ok(None);
        };
        Ok(Some(RunEntry {
            inputs: self.stored_json(&inputs)?,
            outcome: self.stored_json(&outcome)?,
            child_run_ids: self.child_run_ids(entry.id)?,
            ..entry
        }))
    }

    /// The runs `id` started with `context.invokeFlow`, oldest first.
    pub fn invoked_runs(&self, id: i64) -> Result<Vec<LinkedRun>> {
        let mut statement = self
            .connection
            .prepare_cached(
                "SELECT id, block_id, flow, ok FROM runs WHERE parent_run_id = ?1 ORDER BY id",
            )
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map(params![id], |row| {
                Ok(LinkedRun {
                    id: row.get(0)?,
                    block_id: row.get(1)?,
                    flow: row.get(2)?,
                    ok: row.get(3)?,
                })
            })
            .map_err(|source| self.error(source))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|source| self.error(source))
    }

    /// The ids of the runs `id` started with `context.invokeFlow`, oldest first.
    pub fn child_run_ids(&self, id: i64) -> Result<Vec<i64>> {
        let mut statement = self
            .connection
            .prepare_cached("SELECT id FROM runs WHERE parent_run_id = ?1 ORDER BY id")
            .map_err(|source| self.error(source))?;
        let rows = statement
            .query_map(params![id], |row| row.get(0))
            .map_err(|source| self.error(source))?;
        rows.collect::<rusqlite::Result<Vec<i64>>>()
            .map_err(|source| self.error(source))
    }

    /// Deletes the block's runs beyond the newest `keep`; returns how many were deleted.
    pub fn prune(&self, block_id: &str, keep: usize) -> Result<usize> {
        self.connection
            .execute(
                "DELETE FROM runs WHERE block_id = ?1 AND id NOT IN (
                     SELECT id FROM runs WHERE block_id = ?1
                     ORDER BY started_at_ms DESC, id DESC LIMIT ?2)",
                params![block_id, i64::try_from(keep).unwrap_or(i64::MAX)],
            )
            .map_err(|source| self.error(source))
    }

    /// Deletes every run of a block (when the block itself is deleted); returns how many there were.
    pub fn forget_block(&self, block_id: &str) -> Result<usize> {
        self.prune(block_id, 0)
    }

    fn stored_json(&self, text: &str) -> Result<Value> {
        serde_json::from_str(text).map_err(|error| {
            self.error(rusqlite::Error::FromSqlConversionFailure(
                0,
                rusqlite::types::Type::Text,
                Box::new(error),
            ))
        })
    }

    fn error(&self, source: rusqlite::Error) -> Error {
        Error::History {
            path: self.path.clone(),
            source,
        }
    }
}

/// Brings the database up to the newest schema, one step per transaction together with its new `user_version`,
/// so a step is either whole or not begun. The version is read inside each (write-locked) transaction: the app
/// and the CLI opening one old history at once apply each step once.
fn migrate(connection: &mut Connection) -> rusqlite::Result<()> {
    loop {
        let transaction = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: i64 =
            transaction.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let next = usize::try_from(version).unwrap_or(usize::MAX);
        let Some(step) = MIGRATIONS.get(next) else {
            return transaction.commit();
        };
        transaction.execute_batch(step)?;
        transaction.pragma_update(None, "user_version", version + 1)?;
        transaction.commit()?;
    }
}

fn flow_run_of(flow: Option<String>, execution_id: Option<String>) -> Option<FlowRunOf> {
    Some(FlowRunOf {
        flow: flow?,
        execution_id: execution_id.unwrap_or_default(),
    })
}

/// `Name: message` of an outcome's error.
fn error_line(error: &Value) -> Option<String> {
    let name = error.get("name").and_then(Value::as_str)?;
    let message = error.get("message").and_then(Value::as_str).unwrap_or("");
    Some(format!("{name}: {message}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(block_id: &str, started_at_ms: i64, ok: bool) -> NewRun {
        NewRun {
            block_id: block_id.to_owned(),
            started_at_ms,
            inputs: json!({ "kind": "action", "input": { "n": started_at_ms } }),
            outcome: json!({
                "ok": ok,
                "result": started_at_ms,
                "logs": [],
                "error": if ok { Value::Null } else { json!({ "name": "TypeError", "message": "x is not a function" }) },
                "durationMs": 2.5
            }).into(),
            origin: RunOrigin::Block,
            flow_run: None,
            parent_run_id: None,
        }
    }

    #[test]
    fn runs_survive_reopening_and_list_newest_first() {
        let dir = tempfile::tempdir().unwrap();
        {
            let history = RunHistory::open(dir.path()).unwrap();
            history
                .record(&run("a", 1_000, true), &Redactor::none())
                .unwrap();
            history
                .record(&run("a", 3_000, false), &Redactor::none())
                .unwrap();
            history
                .record(&run("a", 2_000, true), &Redactor::none())
                .unwrap();
            history
                .record(&run("b", 5_000, true), &Redactor::none())
                .unwrap();
        }
        assert!(dir.path().join(HISTORY_FILE).is_file());
        let history = RunHistory::open(dir.path()).unwrap();
        let listed = history.list("a").unwrap();
        let times: Vec<i64> = listed.iter().map(|summary| summary.started_at_ms).collect();
        assert_eq!(times, [3_000, 2_000, 1_000]);
        assert!(!listed[0].ok);
        assert_eq!(
            listed[0].error.as_deref(),
            Some("TypeError: x is not a function")
        );
        assert_eq!(listed[1].duration_ms, 2.5);
        assert_eq!(history.list("b").unwrap().len(), 1);
    }

    #[test]
    fn a_run_is_fetched_whole_by_id() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap();
        let recorded = run("a", 1_000, true);
        let id = history.record(&recorded, &Redactor::none()).unwrap();
        let entry = history.get(id).unwrap().unwrap();
        assert_eq!(entry.block_id, "a");
        assert_eq!(entry.inputs, recorded.inputs);
        let RecordedOutcome::Value(outcome) = &recorded.outcome else {
            unreachable!("the test's runs give their outcome as a value")
        };
        assert_eq!(&entry.outcome, outcome);
        assert_eq!(history.get(id + 1).unwrap(), None);
    }

    #[test]
    fn an_invoked_run_links_to_its_parent_and_back() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap();
        let parent = history
            .record(&run("a", 1_000, true), &Redactor::none())
            .unwrap();
        let child = history
            .record(
                &NewRun {
                    parent_run_id: Some(parent),
                    ..run("b", 1_001, true)
                },
                &Redactor::none(),
            )
            .unwrap();
        let parent_entry = history.get(parent).unwrap().unwrap();
        assert_eq!(parent_entry.parent_run_id, None);
        assert_eq!(parent_entry.child_run_ids, [child]);
        assert_eq!(
            history.get(child).unwrap().unwrap().parent_run_id,
            Some(parent)
        );
        assert_eq!(history.list("b").unwrap()[0].parent_run_id, Some(parent));
    }

    #[test]
    fn a_listed_run_names_the_runs_it_is_linked_to_and_their_blocks() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap();
        let parent = history
            .record(&run("caller", 1_000, true), &Redactor::none())
            .unwrap();
        let invoked = |started_at_ms, ok| NewRun {
            parent_run_id: Some(parent),
            flow_run: Some(FlowRunOf {
                flow: "Echo".into(),
                execution_id: format!("run-1-invoked-{started_at_ms}"),
            }),
            origin: RunOrigin::Flow,
            ..run("echo-trigger", started_at_ms, ok)
        };
        let first = history
            .record(&invoked(1_001, true), &Redactor::none())
            .unwrap();
        let second = history
            .record(&invoked(1_002, false), &Redactor::none())
            .unwrap();

        let listed_parent = &history.list("caller").unwrap()[0];
        assert_eq!(listed_parent.invoked_by, None);
        let echo = |id, ok| LinkedRun {
            id,
            block_id: "echo-trigger".into(),
            flow: Some("Echo".into()),
            ok,
        };
        assert_eq!(
            listed_parent.invoked,
            [echo(first, true), echo(second, false)]
        );
        let listed_children = history.list("echo-trigger").unwrap();
        for child in &listed_children {
            assert_eq!(
                child.invoked_by,
                Some(LinkedRun {
                    id: parent,
                    block_id: "caller".into(),
                    flow: None,
                    ok: true,
                })
            );
            assert!(child.invoked.is_empty());
        }
    }

    #[test]
    fn a_run_whose_invoker_was_pruned_keeps_its_id_but_names_no_block() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap().with_runs_per_block(1);
        let parent = history
            .record(&run("caller", 1_000, true), &Redactor::none())
            .unwrap();
        history
            .record(
                &NewRun {
                    parent_run_id: Some(parent),
                    ..run("echo-trigger", 1_001, true)
                },
                &Redactor::none(),
            )
            .unwrap();
        history
            .record(&run("caller", 2_000, true), &Redactor::none())
            .unwrap();
        let child = &history.list("echo-trigger").unwrap()[0];
        assert_eq!(child.parent_run_id, Some(parent));
        assert_eq!(child.invoked_by, None);
    }

    #[test]
    fn a_flow_runs_steps_are_found_by_its_execution_id_in_run_order() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap();
        let step = |block_id: &str, started_at_ms, execution_id: &str| NewRun {
            origin: RunOrigin::Flow,
            flow_run: Some(FlowRunOf {
                flow: "Orders".into(),
                execution_id: execution_id.into(),
            }),
            ..run(block_id, started_at_ms, true)
        };
        let trigger = history
            .record(&step("trigger", 1_000, "run-1"), &Redactor::none())
            .unwrap();
        history
            .record(&step("trigger", 3_000, "run-2"), &Redactor::none())
            .unwrap();
        let action = history
            .record(&step("action", 1_500, "run-1"), &Redactor::none())
            .unwrap();
        let steps = history.flow_run_steps("run-1").unwrap();
        let ids: Vec<i64> = steps.iter().map(|summary| summary.id).collect();
        assert_eq!(ids, [trigger, action]);
        assert!(history.flow_run_steps("run-3").unwrap().is_empty());
    }

    #[test]
    fn a_schema_1_database_gains_the_later_columns_and_keeps_its_runs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(HISTORY_FILE);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        {
            // The table exactly as schema 1 created it, with one run in it.
            let old = Connection::open(&path).unwrap();
            old.execute_batch(
                "CREATE TABLE runs (
                     id INTEGER PRIMARY KEY AUTOINCREMENT, block_id TEXT NOT NULL,
                     started_at_ms INTEGER NOT NULL, ok INTEGER NOT NULL, duration_ms REAL NOT NULL,
                     error TEXT, inputs TEXT NOT NULL, outcome TEXT NOT NULL);
                 INSERT INTO runs (block_id, started_at_ms, ok, duration_ms, error, inputs, outcome)
                 VALUES ('a', 5, 1, 2.5, NULL, '{\"kind\":\"action\"}', '{\"ok\":true}');
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        }
        let history = RunHistory::open(dir.path()).unwrap();
        let listed = history.list("a").unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].parent_run_id, None);
        let entry = history.get(listed[0].id).unwrap().unwrap();
        assert_eq!(entry.inputs, serde_json::json!({ "kind": "action" }));
        assert!(entry.child_run_ids.is_empty());
        let child = history
            .record(
                &NewRun {
                    parent_run_id: Some(entry.id),
                    ..run("b", 6, true)
                },
                &Redactor::none(),
            )
            .unwrap();
        assert_eq!(
            history.get(entry.id).unwrap().unwrap().child_run_ids,
            [child]
        );
        let version: i64 = history
            .connection
            .pragma_query_value(None, "user_version", |row| row.get(0))
            .unwrap();
        assert_eq!(version, MIGRATIONS.len() as i64);
    }

    #[test]
    fn old_runs_are_pruned_beyond_the_bound_per_block() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap().with_runs_per_block(3);
        for time in 1..=5 {
            history
                .record(&run("a", time, true), &Redactor::none())
                .unwrap();
        }
        history
            .record(&run("b", 1, true), &Redactor::none())
            .unwrap();
        let kept: Vec<i64> = history
            .list("a")
            .unwrap()
            .iter()
            .map(|s| s.started_at_ms)
            .collect();
        assert_eq!(kept, [5, 4, 3]);
        assert_eq!(history.list("b").unwrap().len(), 1);
        assert_eq!(history.forget_block("a").unwrap(), 3);
        assert!(history.list("a").unwrap().is_empty());
    }

    #[test]
    fn secrets_never_reach_the_database() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap();
        let redactor = Redactor::new(["s3cr3t-token"]).unwrap();
        let id = history
            .record(
                &NewRun {
                    block_id: "a".into(),
                    started_at_ms: 1,
                    inputs: json!({ "configVars": { "Api": { "fields": { "apiKey": "s3cr3t-token" } } } }),
                    outcome: json!({
                        "ok": false,
                        "logs": [
                            { "level": "info", "message": "calling with Bearer s3cr3t-token" },
                            // base64 of "ann:s3cr3t-token", as a block builds Basic credentials.
                            { "level": "info", "message": "Basic YW5uOnMzY3IzdC10b2tlbg==" }
                        ],
                        "error": { "name": "Error", "message": "bad key s3cr3t-token" },
                        "durationMs": 1
                    }).into(),
                    origin: RunOrigin::Block,
                    flow_run: None,
                    parent_run_id: None,
                },
                &redactor,
            )
            .unwrap();
        drop(history);
        let bytes = fs::read(dir.path().join(HISTORY_FILE)).unwrap();
        let wal = fs::read(dir.path().join(format!("{HISTORY_FILE}-wal"))).unwrap_or_default();
        for needle in [&b"s3cr3t-token"[..], b"MzY3IzdC10b2tl"] {
            for stored in [&bytes, &wal] {
                assert!(!stored.windows(needle.len()).any(|window| window == needle));
            }
        }
        let entry = RunHistory::open(dir.path())
            .unwrap()
            .get(id)
            .unwrap()
            .unwrap();
        assert_eq!(
            entry.inputs["configVars"]["Api"]["fields"]["apiKey"],
            REDACTED
        );
        assert_eq!(
            entry.outcome["logs"][0]["message"],
            "calling with Bearer «redacted»"
        );
    }

    #[test]
    fn an_outcome_given_as_text_is_kept_as_it_is_unless_it_holds_a_secret() {
        let dir = tempfile::tempdir().unwrap();
        let history = RunHistory::open(dir.path()).unwrap();
        let redactor = Redactor::new(["s3cr3t-token"]).unwrap();
        let text_outcome = |text: &str, error: Option<&str>| RecordedOutcome::Text {
            text: RawValue::from_string(text.to_owned()).unwrap(),
            ok: error.is_none(),
            duration_ms: 4.5,
            error: error.map(str::to_owned),
        };
        let record = |outcome| {
            let run = NewRun {
                outcome,
                ..run("a", 1, true)
            };
            history.record(&run, &redactor).unwrap()
        };
        let plain = r#"{"ok":true, "result":[1,2], "durationMs":4.5}"#;
        let id = record(text_outcome(plain, None));
        let stored: String = history
            .connection
            .query_row("SELECT outcome FROM runs WHERE id = ?1", [id], |row| {
                row.get(0)
            })
            .unwrap();
        assert_eq!(stored, plain, "stored as it came");

        let leaky = r#"{"ok":false,"result":{"key":"s3cr3t-token"},"durationMs":4.5}"#;
        let id = record(text_outcome(leaky, Some("Error: bad key s3cr3t-token")));
        let entry = history.get(id).unwrap().unwrap();
        assert_eq!(entry.outcome["result"]["key"], REDACTED);
        let listed = &history.list("a").unwrap()[0];
        assert_eq!(listed.id, id);
        assert!(!listed.ok);
        assert_eq!(listed.duration_ms, 4.5);
        assert_eq!(listed.error.as_deref(), Some("Error: bad key «redacted»"));
    }
}
