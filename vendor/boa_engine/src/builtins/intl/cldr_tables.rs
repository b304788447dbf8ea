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

/// A text of a table, as its place in the table's one string (`TEXT`): a table of `&str` costs a pointer and a
/// relocation per text, which for the unit and currency tables was a fifth of a megabyte of the binary.
#[derive(Debug, Clone, Copy)]
pub(super) struct Text(pub(super) u32, pub(super) u16);

impl Text {
    /// The text in `pool`, the table's string.
    pub(super) fn read(self, pool: &'static str) -> &'static str {
        let start = self.0 as usize;
        &pool[start..start + usize::from(self.1)]
    }
}
