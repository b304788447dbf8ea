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
