//! Finding a locale's entry in the tables Blocksmith writes from CLDR's JSON release (`scripts/cldr-tables.mjs`:
//! unit patterns, date intervals, number ranges, currency symbols), where ICU4X's baked data has nothing to give.
//! Each table has the covered locales and CLDR's root (`und`).

use icu_locale::Locale;

/// The entry of `tables` for `locale`: its own (`en-GB`), its language's (`de-AT` reads `de`), or the root's.
pub(super) fn table_for<T>(
    tables: &'static [T],
    locale: &Locale,
    tag: impl Fn(&T) -> &'static str,
) -> &'static T {
    let language = locale.id.language.as_str();
    let with_region = locale
        .id
        .region
        .map(|region| format!("{language}-{}", region.as_str()));
    let find = |wanted: &str| tables.iter().find(|table| tag(table) == wanted);
    with_region
        .as_deref()
        .and_then(find)
        .or_else(|| find(language))
        .or_else(|| find("und"))
        .expect("every CLDR table has the root")
}
