//! The ICU data the engine packs (build.rs) answers where the differential suite cannot pin it against Node.

mod common;

#[test]
fn thai_is_split_into_words_by_the_packed_lstm_model() {
    let report = common::run_action("intl-scripts.js");
    assert!(report.outcome.error.is_none(), "{:?}", report.outcome.error);
    let data = &report.outcome.result;
    let words: Vec<&str> = data["thaiWords"]
        .as_array()
        .expect("words")
        .iter()
        .map(|w| w.as_str().unwrap())
        .collect();
    assert_eq!(words, ["ภาษา", "ไทย", "ง่าย", "นิดเดียว"]);
    assert_eq!(
        words.concat(),
        data["thaiText"].as_str().unwrap(),
        "the words are the whole text"
    );
}

#[test]
fn relative_times_and_display_names_outside_the_covered_locales_follow_the_data_cut() {
    let report = common::run_action("intl-names-cut.js");
    assert!(report.outcome.error.is_none(), "{:?}", report.outcome.error);
    let data = &report.outcome.result;
    // Another region of a covered language keeps its locale and speaks that language.
    assert_eq!(data["austrian"]["relative"]["locale"], "de-AT");
    assert_eq!(data["austrian"]["relative"]["text"], "gestern");
    assert_eq!(data["austrian"]["region"]["text"], "Deutschland");
    assert_eq!(data["canadian"]["relative"]["text"], "hier");
    assert_eq!(data["canadian"]["region"]["text"], "Allemagne");
    // A language packed for formats but not names has its own relative time words, and no region names, so `of`
    // answers with the code (the fallback).
    assert_eq!(data["italian"]["relative"]["locale"], "it-IT");
    assert_eq!(data["italian"]["relative"]["text"], "ieri");
    assert_eq!(data["italian"]["region"]["locale"], "it-IT");
    assert_eq!(data["italian"]["region"]["text"], "DE");
    // A language packed for neither keeps its locale and reads the root's relative time words.
    assert_eq!(data["icelandic"]["relative"]["locale"], "is-IS");
    assert_eq!(data["icelandic"]["relative"]["text"], "yesterday");
}
