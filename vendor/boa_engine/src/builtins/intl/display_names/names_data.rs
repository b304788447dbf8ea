//! CLDR's names of calendars and date fields for `Intl.DisplayNames`' `calendar` and `dateTimeField` types, the separator of a locale name's qualifiers and the short region names that are their code, in the covered locales and the root.
//! Written by `scripts/cldr-tables.mjs` from CLDR 48.0.0's JSON release
//! (the `cldr-localenames-full` package); do not edit by hand.

use super::calendar_field_names::LocaleNames;

pub(super) static LOCALES: &[LocaleNames] = &[
    LocaleNames {
        locale: "en",
        locale_separator: ", ",
        calendars: &[("buddhist", "Buddhist Calendar"), ("chinese", "Chinese Calendar"), ("coptic", "Coptic Calendar"), ("dangi", "Dangi Calendar"), ("ethioaa", "Ethiopic Amete Alem Calendar"), ("ethiopic", "Ethiopic Calendar"), ("gregory", "Gregorian Calendar"), ("hebrew", "Hebrew Calendar"), ("indian", "Indian National Calendar"), ("islamic", "Hijri Calendar"), ("islamic-civil", "Hijri Calendar (tabular, civil epoch)"), ("islamic-rgsa", "Hijri Calendar (Saudi Arabia, sighting)"), ("islamic-tbla", "Hijri Calendar (tabular, astronomical epoch)"), ("islamic-umalqura", "Hijri Calendar (Umm al-Qura)"), ("iso8601", "Gregorian Calendar (ISO 8601 Weeks)"), ("japanese", "Japanese Calendar"), ("persian", "Persian Calendar"), ("roc", "Minguo Calendar")],
        date_time_fields: [["era", "era", "era"], ["year", "yr.", "yr"], ["quarter", "qtr.", "qtr"], ["month", "mo.", "mo"], ["week", "wk.", "wk"], ["day of the week", "day of wk.", "day of wk."], ["day", "day", "day"], ["AM/PM", "AM/PM", "AM/PM"], ["hour", "hr.", "hr"], ["minute", "min.", "min"], ["second", "sec.", "sec"], ["time zone", "zone", "zone"]],
        short_regions_as_codes: &["UN", "US"],
    },
    LocaleNames {
        locale: "en-GB",
        locale_separator: ", ",
        calendars: &[("buddhist", "Buddhist Calendar"), ("chinese", "Chinese Calendar"), ("coptic", "Coptic Calendar"), ("dangi", "Dangi Calendar"), ("ethioaa", "Ethiopic Amete Alem Calendar"), ("ethiopic", "Ethiopic Calendar"), ("gregory", "Gregorian Calendar"), ("hebrew", "Hebrew Calendar"), ("indian", "Indian National Calendar"), ("islamic", "Hijri Calendar"), ("islamic-civil", "Hijri Calendar (tabular, civil epoch)"), ("islamic-rgsa", "Hijri Calendar (Saudi Arabia, sighting)"), ("islamic-tbla", "Hijri Calendar (tabular, astronomical epoch)"), ("islamic-umalqura", "Hijri Calendar (Umm al-Qura)"), ("iso8601", "Gregorian Calendar (ISO 8601 Weeks)"), ("japanese", "Japanese Calendar"), ("persian", "Persian Calendar"), ("roc", "Minguo Calendar")],
        date_time_fields: [["era", "era", "era"], ["year", "yr", "yr"], ["quarter", "qtr", "qtr"], ["month", "mo", "mo"], ["week", "wk", "wk"], ["day of the week", "day of wk", "day of wk"], ["day", "day", "day"], ["am/pm", "am/pm", "am/pm"], ["hour", "hr", "hr"], ["minute", "min", "min"], ["second", "sec", "sec"], ["time zone", "zone", "zone"]],
        short_regions_as_codes: &["UN", "US"],
    },
    LocaleNames {
        locale: "de",
        locale_separator: ", ",
        calendars: &[("buddhist", "Buddhistischer Kalender"), ("chinese", "Chinesischer Kalender"), ("coptic", "Koptischer Kalender"), ("dangi", "Dangi-Kalender"), ("ethioaa", "Äthiopischer Amätä-Aläm-Kalender"), ("ethiopic", "Äthiopischer Kalender"), ("gregory", "Gregorianischer Kalender"), ("hebrew", "Jüdischer Kalender"), ("indian", "Indischer Nationalkalender"), ("islamic", "Hidschra-Kalender"), ("islamic-civil", "Hidschra-Kalender (tabellarisch, nicht-astronomisch)"), ("islamic-umalqura", "Hidschra-Kalender (Umm al-Qura)"), ("iso8601", "ISO-8601-Kalender"), ("japanese", "Japanischer Kalender"), ("persian", "Persischer Kalender"), ("roc", "Minguo-Kalender")],
        date_time_fields: [["Epoche", "Ep.", "E"], ["Jahr", "Jahr", "J"], ["Quartal", "Quart.", "Q"], ["Monat", "Mon.", "M"], ["Woche", "Woche", "W"], ["Wochentag", "Wochentag", "Wochent."], ["Tag", "Tag", "Tag"], ["Tageshälfte", "Tageshälfte", "Tagesh."], ["Stunde", "Std.", "Std."], ["Minute", "Min.", "Min."], ["Sekunde", "Sek.", "Sek."], ["Zeitzone", "Zeitzone", "Zeitz."]],
        short_regions_as_codes: &["UN"],
    },
    LocaleNames {
        locale: "fr",
        locale_separator: ", ",
        calendars: &[("buddhist", "calendrier bouddhiste"), ("chinese", "calendrier chinois"), ("coptic", "calendrier copte"), ("dangi", "calendrier dangi"), ("ethioaa", "calendrier éthiopien Amete Alem"), ("ethiopic", "calendrier éthiopien"), ("gregory", "calendrier grégorien"), ("hebrew", "calendrier hébraïque"), ("indian", "calendrier indien"), ("islamic", "calendrier hégirien"), ("islamic-civil", "calendrier hégirien (tabulaire, époque civile)"), ("islamic-tbla", "calendrier hégirien (tabulaire, époque astronomique)"), ("islamic-umalqura", "calendrier hégirien (Umm al-Qura)"), ("iso8601", "calendrier ISO 8601"), ("japanese", "calendrier japonais"), ("persian", "calendrier persan"), ("roc", "calendrier républicain chinois")],
        date_time_fields: [["ère", "ère", "ère"], ["année", "an", "a"], ["trimestre", "trim.", "trim."], ["mois", "m.", "m."], ["semaine", "sem.", "sem."], ["jour de la semaine", "j (sem.)", "j (sem.)"], ["jour", "j", "j"], ["cadran", "cadran", "cadran"], ["heure", "h", "h"], ["minute", "min", "min"], ["seconde", "s", "s"], ["fuseau horaire", "fuseau horaire", "fuseau horaire"]],
        short_regions_as_codes: &[],
    },
    LocaleNames {
        locale: "es",
        locale_separator: ", ",
        calendars: &[("buddhist", "calendario budista"), ("chinese", "calendario chino"), ("coptic", "calendario cóptico"), ("dangi", "calendario dangi"), ("ethioaa", "calendario etíope Amete Alem"), ("ethiopic", "calendario etíope"), ("gregory", "calendario gregoriano"), ("hebrew", "calendario hebreo"), ("indian", "calendario nacional hindú"), ("islamic", "calendario hijri"), ("islamic-civil", "calendario hijri tabular"), ("islamic-umalqura", "calendario hijri Umm al-Qura"), ("iso8601", "calendario ISO-8601"), ("japanese", "calendario japonés"), ("persian", "calendario persa"), ("roc", "calendario de la República de China")],
        date_time_fields: [["era", "era", "era"], ["año", "a", "a"], ["trimestre", "trim.", "trim."], ["mes", "m", "m"], ["semana", "sem.", "sem."], ["día de la semana", "día de sem.", "día de sem."], ["día", "d", "d"], ["a. m./p. m.", "a. m./p. m.", "a. m./p. m."], ["hora", "h", "h"], ["minuto", "min", "min"], ["segundo", "s", "s"], ["zona horaria", "zona", "zona"]],
        short_regions_as_codes: &[],
    },
    LocaleNames {
        locale: "pt",
        locale_separator: ", ",
        calendars: &[("buddhist", "Calendário Budista"), ("chinese", "Calendário Chinês"), ("coptic", "Calendário Copta"), ("dangi", "Calendário Dangi"), ("ethioaa", "Calendário Amete Alem Etíope"), ("ethiopic", "Calendário Etíope"), ("gregory", "Calendário Gregoriano"), ("hebrew", "Calendário Hebraico"), ("indian", "Calendário Nacional Indiano"), ("islamic", "Calendário Hegírico"), ("islamic-civil", "Calendário Hegírico (tabular, época civil)"), ("islamic-umalqura", "Calendário Hegírico (Umm al‑Qura)"), ("iso8601", "Calendário ISO-8601"), ("japanese", "Calendário Japonês"), ("persian", "Calendário Persa"), ("roc", "Calendário da República da China")],
        date_time_fields: [["era", "era", "era"], ["ano", "ano", "ano"], ["trimestre", "trim.", "trim."], ["mês", "mês", "mês"], ["semana", "sem.", "sem."], ["dia da semana", "dia da sem.", "dia da sem."], ["dia", "dia", "dia"], ["AM/PM", "AM/PM", "AM/PM"], ["hora", "h", "h"], ["minuto", "min.", "min"], ["segundo", "seg.", "seg."], ["fuso horário", "fuso", "fuso"]],
        short_regions_as_codes: &[],
    },
    LocaleNames {
        locale: "ja",
        locale_separator: "、",
        calendars: &[("buddhist", "仏暦"), ("chinese", "中国暦"), ("coptic", "コプト暦"), ("dangi", "ダンギ暦"), ("ethioaa", "エチオピア創世紀元暦"), ("ethiopic", "エチオピア暦"), ("gregory", "西暦(グレゴリオ暦)"), ("hebrew", "ユダヤ暦"), ("indian", "インド国定暦"), ("islamic", "イスラム暦"), ("islamic-civil", "イスラム暦(定周期、公民紀元)"), ("islamic-umalqura", "イスラム暦(ウンム・アルクラー)"), ("iso8601", "ISO-8601"), ("japanese", "和暦"), ("persian", "ペルシア暦"), ("roc", "中華民国暦")],
        date_time_fields: [["時代", "時代", "時代"], ["年", "年", "年"], ["四半期", "四半期", "四半期"], ["月", "月", "月"], ["週", "週", "週"], ["曜日", "曜日", "曜日"], ["日", "日", "日"], ["午前/午後", "午前/午後", "午前/午後"], ["時", "時", "時"], ["分", "分", "分"], ["秒", "秒", "秒"], ["タイムゾーン", "タイムゾーン", "タイムゾーン"]],
        short_regions_as_codes: &[],
    },
    LocaleNames {
        locale: "und",
        locale_separator: ", ",
        calendars: &[],
        date_time_fields: [["Era", "Era", "Era"], ["Year", "Year", "Year"], ["Quarter", "Quarter", "Quarter"], ["Month", "Month", "Month"], ["Week", "Week", "Week"], ["Day of the Week", "Day of the Week", "Day of the Week"], ["Day", "Day", "Day"], ["Dayperiod", "Dayperiod", "Dayperiod"], ["Hour", "Hour", "Hour"], ["Minute", "Minute", "Minute"], ["Second", "Second", "Second"], ["Zone", "Zone", "Zone"]],
        short_regions_as_codes: &[],
    },
];
