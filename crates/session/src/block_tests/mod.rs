//! Block tests: a run saved as a case (inputs, recorded HTTP, frozen time and randomness, expected outcome),
//! replayed offline and compared. The file format is [`case`], the comparison and its readable diff
//! [`comparison`], what a run of cases found (and its JUnit XML) [`report`]; the calls are on
//! [`crate::Session`].

pub mod case;
pub mod comparison;
pub mod report;

pub use case::{
    CaseInputs, ExpectedFlowOutcome, ExpectedOutcome, ExpectedStep, FlowCaseInputs, FlowTestCase,
    StepCassette, TestCase, CASE_FORMAT_VERSION,
};
pub use comparison::Difference;
pub use report::{CaseRun, CaseStatus, ComparedOutcomes, TestRunReport};
