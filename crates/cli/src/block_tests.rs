//! `blocksmith test`: replay a workspace's test cases (of blocks and of whole flows) offline and say which pass
//! (`--update` accepts new outcomes, `--junit` writes a report for CI), and `blocksmith test add`, which records
//! a new case from one live run of a block or a flow. Each is a few lines over the session's test calls.

use std::io::Write;
use std::path::PathBuf;

use blocksmith_session::block_tests::{CaseRun, CaseStatus, TestRunReport};
use blocksmith_session::types::write_atomic;
use blocksmith_session::{NewFlowTestCase, NewTestCase, Session, TestRunMode, TestSelection};
use clap::{ArgGroup, Args, Subcommand};

use crate::error::{Error, Result};
use crate::host::{session_in, Warm};
use crate::inputs::read_json;

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct TestArgs {
    #[command(subcommand)]
    pub command: Option<TestCommand>,

    #[command(flatten)]
    pub run: RunCasesArgs,
}

#[derive(Debug, Subcommand)]
pub enum TestCommand {
    /// Run a block or a whole flow once, live, recording what it fetches, and save the run as a test case.
    #[command(after_help = crate::examples::TEST_ADD)]
    Add(AddCaseArgs),
}

#[derive(Debug, Args)]
pub struct RunCasesArgs {
    /// The workspace folder whose `tests/` to run.
    #[arg(long, value_name = "DIR", required = true)]
    pub workspace: Option<PathBuf>,

    /// Only this block's cases (its name or id).
    #[arg(long, value_name = "NAME")]
    pub block: Option<String>,

    /// Only the cases of this flow: its blocks' and its own (whole flow runs).
    #[arg(long, value_name = "NAME")]
    pub flow: Option<String>,

    /// Only the case of this name (or id).
    #[arg(long, value_name = "NAME")]
    pub case: Option<String>,

    /// Accept each new outcome as the expected one.
    #[arg(long)]
    pub update: bool,

    /// With --update: run against the real APIs and record the cassettes again.
    #[arg(long, requires = "update")]
    pub live: bool,

    /// Also write the results as JUnit XML to this file.
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,

    /// Print the results as one JSON document instead of one line per case.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("subject").args(["block", "flow"]).required(true)))]
pub struct AddCaseArgs {
    #[arg(long, value_name = "DIR")]
    pub workspace: PathBuf,

    /// The block to run (its name or id).
    #[arg(long, value_name = "NAME")]
    pub block: Option<String>,

    /// A whole flow: the trigger, then every step, each step's fetches recorded.
    #[arg(long, value_name = "NAME")]
    pub flow: Option<String>,

    /// The case's name; its file is tests/<block id>/<name as a slug>.json, or
    /// tests/_flows/<flow as a slug>/<name as a slug>.json for a flow.
    #[arg(long, value_name = "CASE")]
    pub name: String,

    /// The trigger's `payload` as JSON [default: the block's saved sample].
    #[arg(long, value_name = "FILE")]
    pub payload: Option<PathBuf>,

    /// The action's `stepResults` as JSON [default: the block's saved sample]; not with --flow, whose
    /// steps get the results of the steps before them.
    #[arg(long, value_name = "FILE", conflicts_with_all = ["payload", "flow"])]
    pub step_results: Option<PathBuf>,

    /// Config variables (a JSON object of name → value) to use instead of the workspace's.
    #[arg(long, value_name = "FILE")]
    pub config_vars: Option<PathBuf>,
}

/// The exit status of a test run: 0 when every case passes (or was updated), 1 when any fails.
pub fn test(args: TestArgs) -> Result<u8> {
    match args.command {
        Some(TestCommand::Add(add)) => add_case(&add),
        None => run_cases(&args.run),
    }
}

fn add_case(args: &AddCaseArgs) -> Result<u8> {
    let session = session_in(&args.workspace, false, Warm::None)?;
    let input = match (&args.payload, &args.step_results) {
        (Some(path), _) => Some(read_json("payload file", path)?),
        (None, Some(path)) => Some(read_json("step results file", path)?),
        (None, None) => None,
    };
    let config_vars = match &args.config_vars {
        Some(path) => match read_json("config variables file", path)? {
            serde_json::Value::Object(vars) => Some(vars),
            _ => {
                return Err(Error::Invocation(format!(
                    "The config variables file {} must hold a JSON object of name → value.",
                    path.display()
                )))
            }
        },
        None => None,
    };
    let recorded = match (&args.block, &args.flow) {
        (Some(block), _) => session.record_test_case(NewTestCase {
            block_id: session.block_id_named(block, None)?,
            name: args.name.clone(),
            input,
            config_vars,
        })?,
        (None, flow) => session.record_flow_test_case(NewFlowTestCase {
            flow: flow.clone().ok_or_else(|| {
                Error::Invocation(
                    "Name the block (--block NAME) or the flow (--flow NAME) to record.".into(),
                )
            })?,
            name: args.name.clone(),
            payload: input,
            config_vars,
        })?,
    };
    print_text(&format!(
        "recorded  {} › {}  ({})  tests/{}/{}.json\n",
        recorded.block,
        recorded.case,
        duration(&recorded),
        recorded.block_id,
        recorded.case_id
    ));
    Ok(0)
}

fn run_cases(args: &RunCasesArgs) -> Result<u8> {
    let Some(workspace) = &args.workspace else {
        return Err(Error::Invocation(
            "Give the workspace with --workspace DIR.".into(),
        ));
    };
    let session = session_in(workspace, false, Warm::One)?;
    let selection = selection(&session, args)?;
    let mode = match (args.update, args.live) {
        (false, _) => TestRunMode::Replay,
        (true, false) => TestRunMode::Update,
        (true, true) => TestRunMode::UpdateLive,
    };
    let report = session.run_test_cases(&selection, mode)?;
    if args.json {
        let mut json = serde_json::to_string_pretty(&report).expect("a test report serialises");
        json.push('\n');
        print_text(&json);
    } else {
        print_text(&report_text(&report));
    }
    if let Some(path) = &args.junit {
        write_atomic(path, report.junit_xml().as_bytes()).map_err(|error| Error::Unwritable {
            what: "JUnit report",
            path: path.clone(),
            reason: error.to_string(),
        })?;
    }
    Ok(if report.all_passed() { 0 } else { 1 })
}

fn selection(session: &Session, args: &RunCasesArgs) -> Result<TestSelection> {
    let block_id = match &args.block {
        Some(name) => Some(session.block_id_named(name, args.flow.as_deref())?),
        None => None,
    };
    Ok(TestSelection {
        block_id,
        flow: args.flow.clone(),
        case: args.case.clone(),
    })
}

/// One line per case, a failure's differences under it, and a summary line.
fn report_text(report: &TestRunReport) -> String {
    let mut text = String::new();
    for case in &report.cases {
        let status = match case.status {
            CaseStatus::Passed => "pass",
            CaseStatus::Failed => "FAIL",
            CaseStatus::Updated => "updated",
        };
        text.push_str(&format!(
            "{status:<8}  {} › {}  ({})\n",
            case.block,
            case.case,
            duration(case)
        ));
        if case.status == CaseStatus::Failed {
            text.push_str(&case.failure_text());
        }
    }
    text.push_str(&format!(
        "{} passed, {} failed, {} updated\n",
        report.count(CaseStatus::Passed),
        report.failed(),
        report.count(CaseStatus::Updated)
    ));
    text
}

/// Writes to stdout; a closed stdout (`| head -1`) is not worth an error, the exit status still tells.
fn print_text(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush());
}

fn duration(case: &CaseRun) -> String {
    format!("{:.0} ms", case.duration_ms)
}
