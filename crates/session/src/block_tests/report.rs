//! What a run of test cases found: one [`CaseRun`] per case, and the JUnit XML that CI systems read.

use std::io::Cursor;

use quick_xml::events::{BytesCData, BytesDecl, BytesEnd, BytesStart, Event};
use quick_xml::Writer;
use serde::Serialize;
use serde_json::Value;

use super::comparison::{describe, Difference};

/// How one case came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub enum CaseStatus {
    Passed,
    Failed,
    /// The run's outcome (and, when recorded live again, its cassette) became the case's expected one.
    Updated,
}

/// One case's run.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct CaseRun {
    /// The block's display name and id (the case's folder under `tests/`); for a whole flow's case, see `flow`.
    pub block: String,
    pub block_id: String,
    /// The case's display name and id (its file name).
    pub case: String,
    pub case_id: String,
    pub status: CaseStatus,
    pub duration_ms: f64,
    /// Where the outcome differs from the expected one (secrets redacted).
    pub differences: Vec<Difference>,
    /// Requests the block made that the cassette holds no answer for, each naming the closest recorded one.
    pub unmatched_requests: Vec<String>,
    /// For a failed case, the two outcomes compared (ignored paths blanked), for a front end that draws the
    /// diff itself; `None` otherwise, so a long passing run's report stays small.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compared: Option<ComparedOutcomes>,
    /// Set for a case of a whole flow run: the flow's name (`block` is then the flow's name too, and `block_id`
    /// its folder under `tests/`, `_flows/<flow slug>`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flow: Option<String>,
}

/// A failed case's expected outcome beside the run's, each `{ ok, result, response, logs, errorName }`, secrets
/// redacted and the case's `ignore` paths reading `"(ignored)"` on both sides.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ComparedOutcomes {
    #[cfg_attr(feature = "specta", specta(type = serde_json::Value))]
    pub expected: Value,
    #[cfg_attr(feature = "specta", specta(type = serde_json::Value))]
    pub actual: Value,
}

impl CaseRun {
    /// What a person reads under a failed case: the unanswered requests, then the differences.
    pub fn failure_text(&self) -> String {
        let mut text = String::new();
        for request in &self.unmatched_requests {
            text.push_str(&format!("  {request}\n"));
        }
        text.push_str(&describe(&self.differences));
        text
    }
}

/// Every case run, in the order they ran.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct TestRunReport {
    pub cases: Vec<CaseRun>,
}

impl TestRunReport {
    pub fn failed(&self) -> usize {
        self.count(CaseStatus::Failed)
    }

    pub fn all_passed(&self) -> bool {
        self.failed() == 0
    }

    pub fn count(&self, status: CaseStatus) -> usize {
        self.cases
            .iter()
            .filter(|case| case.status == status)
            .count()
    }

    /// The report as JUnit XML: one `testsuite` per block, one `testcase` per case, a failed case with a
    /// `failure` holding the same text the terminal shows.
    pub fn junit_xml(&self) -> String {
        let mut writer = Writer::new_with_indent(Cursor::new(Vec::new()), b' ', 2);
        // Writing into memory cannot fail.
        let mut write = |event: Event<'_>| {
            writer
                .write_event(event)
                .expect("writing XML into memory succeeds");
        };
        write(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let mut suites = BytesStart::new("testsuites");
        suites.push_attribute(("name", "blocksmith test"));
        suites.push_attribute(("tests", self.cases.len().to_string().as_str()));
        suites.push_attribute(("failures", self.failed().to_string().as_str()));
        write(Event::Start(suites));
        let mut blocks: Vec<&str> = Vec::new();
        for case in &self.cases {
            if !blocks.contains(&case.block.as_str()) {
                blocks.push(&case.block);
            }
        }
        for block in blocks {
            let cases: Vec<&CaseRun> = self
                .cases
                .iter()
                .filter(|case| case.block == block)
                .collect();
            let failures = cases
                .iter()
                .filter(|case| case.status == CaseStatus::Failed)
                .count();
            let seconds: f64 = cases.iter().map(|case| case.duration_ms / 1000.0).sum();
            let mut suite = BytesStart::new("testsuite");
            suite.push_attribute(("name", block));
            suite.push_attribute(("tests", cases.len().to_string().as_str()));
            suite.push_attribute(("failures", failures.to_string().as_str()));
            suite.push_attribute(("time", format!("{seconds:.3}").as_str()));
            write(Event::Start(suite));
            for case in cases {
                let mut testcase = BytesStart::new("testcase");
                testcase.push_attribute(("classname", block));
                testcase.push_attribute(("name", case.case.as_str()));
                testcase
                    .push_attribute(("time", format!("{:.3}", case.duration_ms / 1000.0).as_str()));
                if case.status == CaseStatus::Failed {
                    write(Event::Start(testcase));
                    let mut failure = BytesStart::new("failure");
                    failure
                        .push_attribute(("message", "the outcome differs from the expected one"));
                    write(Event::Start(failure));
                    write(Event::CData(BytesCData::new(case.failure_text())));
                    write(Event::End(BytesEnd::new("failure")));
                    write(Event::End(BytesEnd::new("testcase")));
                } else {
                    write(Event::Empty(testcase));
                }
            }
            write(Event::End(BytesEnd::new("testsuite")));
        }
        write(Event::End(BytesEnd::new("testsuites")));
        let mut xml = String::from_utf8(writer.into_inner().into_inner())
            .expect("the XML writer writes UTF-8");
        xml.push('\n');
        xml
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn case(name: &str, status: CaseStatus) -> CaseRun {
        CaseRun {
            block: "Get Orders".into(),
            block_id: "get-orders".into(),
            case: name.into(),
            case_id: name.into(),
            status,
            duration_ms: 12.5,
            differences: match status {
                CaseStatus::Failed => vec![Difference {
                    path: "$.result.total".into(),
                    expected: Some(json!(3)),
                    actual: Some(json!(4)),
                }],
                _ => Vec::new(),
            },
            unmatched_requests: Vec::new(),
            compared: None,
            flow: None,
        }
    }

    #[test]
    fn junit_has_a_suite_per_block_and_a_failure_per_failed_case() {
        let report = TestRunReport {
            cases: vec![
                case("empty", CaseStatus::Passed),
                case("two & more", CaseStatus::Failed),
            ],
        };
        let xml = report.junit_xml();
        assert!(
            xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<testsuites name="blocksmith test" tests="2" failures="1">"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<testsuite name="Get Orders" tests="2" failures="1" time="0.025">"#),
            "{xml}"
        );
        assert!(
            xml.contains(r#"<testcase classname="Get Orders" name="empty" time="0.013"/>"#),
            "{xml}"
        );
        assert!(xml.contains(r#"name="two &amp; more""#), "{xml}");
        assert!(
            xml.contains("<![CDATA[  $.result.total: expected 3, got 4\n]]>"),
            "{xml}"
        );
        assert!(!report.all_passed());
    }
}
