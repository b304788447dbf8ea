//! Names derived from display names: step names as `stepResults` keys (the platform camelCases a step's
//! display name the way lodash's `camelCase` does: "Get Data from API" → `getDataFromApi`,
//! "XMLHttpRequest" → `xmlHttpRequest`), and flow names as the local webhook listener's URL segments.

/// The flow's name as a URL segment: "Sync Orders (EU)" → `sync-orders-eu`. A name with no letter or digit
/// becomes `flow`.
pub fn flow_slug(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "flow".to_string()
    } else {
        slug.to_string()
    }
}

/// camelCases a display name as lodash's `camelCase` does: accents are dropped, apostrophes removed, the
/// name is split into words at separators, case changes and letter/digit changes (keeping ordinals such
/// as `1st` whole), then the first word is lowercased and the others capitalized.
pub fn camel_case(name: &str) -> String {
    let mut plain = String::with_capacity(name.len());
    for c in name.chars().filter(|&c| c != '\'' && c != '\u{2019}') {
        match deburr(c) {
            Some(letters) => plain.push_str(letters),
            None => plain.push(c),
        }
    }
    let mut camel = String::with_capacity(plain.len());
    for (index, word) in words(&plain).iter().enumerate() {
        let lower = word.to_lowercase();
        if index == 0 {
            camel.push_str(&lower);
        } else {
            let mut chars = lower.chars();
            if let Some(first) = chars.next() {
                camel.extend(first.to_uppercase());
                camel.push_str(chars.as_str());
            }
        }
    }
    camel
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Upper,
    /// Lowercase letters and letters without case: lodash groups the latter with lowercase.
    Lower,
    Digit,
    Separator,
}

fn class(c: char) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if c.is_uppercase() {
        Class::Upper
    } else if c.is_alphabetic() {
        Class::Lower
    } else {
        Class::Separator
    }
}

fn words(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let classes: Vec<Class> = chars.iter().map(|&c| class(c)).collect();
    let mut words = Vec::new();
    let mut current = String::new();
    let mut index = 0;
    while index < chars.len() {
        let this = classes[index];
        if this == Class::Separator {
            push_word(&mut words, &mut current);
            index += 1;
            continue;
        }
        if this == Class::Digit {
            if let Some(end) = ordinal_end(&chars, &classes, index) {
                push_word(&mut words, &mut current);
                words.push(chars[index..end].iter().collect());
                index = end;
                continue;
            }
        }
        if let Some(&previous) = index.checked_sub(1).and_then(|before| classes.get(before)) {
            let next = classes.get(index + 1).copied();
            let boundary = match (previous, this) {
                (Class::Lower, Class::Upper) => true,
                // "XMLHttp": the last capital of a run starts the next word.
                (Class::Upper, Class::Upper) => next == Some(Class::Lower),
                (Class::Digit, Class::Upper | Class::Lower)
                | (Class::Upper | Class::Lower, Class::Digit) => true,
                _ => false,
            };
            if boundary {
                push_word(&mut words, &mut current);
            }
        }
        current.push(chars[index]);
        index += 1;
    }
    push_word(&mut words, &mut current);
    words
}

fn push_word(words: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        words.push(std::mem::take(current));
    }
}

/// Where an ordinal starting at `start` ends (`1st`, `22nd`, `4TH`), following lodash's patterns: the
/// suffix must fit the last digit, and be followed by the end of the word or a change of case.
fn ordinal_end(chars: &[char], classes: &[Class], start: usize) -> Option<usize> {
    if start > 0 && classes[start - 1] == Class::Digit {
        return None;
    }
    let digits_end = (start..chars.len())
        .find(|&index| classes[index] != Class::Digit)
        .unwrap_or(chars.len());
    let suffix: String = chars.get(digits_end..digits_end + 2)?.iter().collect();
    let last_digit = chars[digits_end - 1];
    let fits = match suffix.to_ascii_lowercase().as_str() {
        "st" => last_digit == '1',
        "nd" => last_digit == '2',
        "rd" => last_digit == '3',
        "th" => !matches!(last_digit, '1' | '2' | '3'),
        _ => false,
    };
    let lowercase = suffix.chars().all(|c| c.is_ascii_lowercase());
    let uppercase = suffix.chars().all(|c| c.is_ascii_uppercase());
    let end = digits_end + 2;
    let followed_well = match classes.get(end) {
        None | Some(Class::Separator) => true,
        Some(Class::Upper) => lowercase,
        Some(Class::Lower) => uppercase,
        Some(Class::Digit) => false,
    };
    (fits && (lowercase || uppercase) && followed_well).then_some(end)
}

/// Latin-1 letters with accents as lodash's `deburr` writes them.
fn deburr(c: char) -> Option<&'static str> {
    let letters = match c {
        'À'..='Å' => "A",
        'à'..='å' => "a",
        'Ç' => "C",
        'ç' => "c",
        'Ð' => "D",
        'ð' => "d",
        'È'..='Ë' => "E",
        'è'..='ë' => "e",
        'Ì'..='Ï' => "I",
        'ì'..='ï' => "i",
        'Ñ' => "N",
        'ñ' => "n",
        'Ò'..='Ö' | 'Ø' => "O",
        'ò'..='ö' | 'ø' => "o",
        'Ù'..='Ü' => "U",
        'ù'..='ü' => "u",
        'Ý' => "Y",
        'ý' | 'ÿ' => "y",
        'Æ' => "Ae",
        'æ' => "ae",
        'Þ' => "Th",
        'þ' => "th",
        'ß' => "ss",
        _ => return None,
    };
    Some(letters)
}

#[cfg(test)]
mod tests {
    use super::camel_case;

    #[test]
    fn matches_the_platforms_documented_example() {
        assert_eq!(camel_case("Get Data from API"), "getDataFromApi");
    }

    #[test]
    fn names_the_seed_flows_steps() {
        assert_eq!(camel_case("Code Block Trigger"), "codeBlockTrigger");
        assert_eq!(camel_case("Code Block"), "codeBlock");
    }

    #[test]
    fn splits_at_case_changes_like_lodash() {
        assert_eq!(camel_case("XMLHttpRequest"), "xmlHttpRequest");
        assert_eq!(camel_case("fooBar"), "fooBar");
        assert_eq!(camel_case("FooBar"), "fooBar");
        assert_eq!(camel_case("HTML"), "html");
    }

    #[test]
    fn treats_punctuation_as_separators() {
        assert_eq!(camel_case("__FOO_BAR__"), "fooBar");
        assert_eq!(camel_case("--foo-bar--"), "fooBar");
        assert_eq!(camel_case("Send e-mail (v2)"), "sendEMailV2");
    }

    #[test]
    fn splits_letters_from_digits_but_keeps_ordinals() {
        assert_eq!(camel_case("Step 2"), "step2");
        assert_eq!(camel_case("step2Data"), "step2Data");
        assert_eq!(camel_case("2 Fetch"), "2Fetch");
        assert_eq!(camel_case("1st step"), "1stStep");
        assert_eq!(camel_case("Get 3rd Page"), "get3rdPage");
    }

    #[test]
    fn drops_apostrophes_and_accents() {
        assert_eq!(camel_case("Bob's Step"), "bobsStep");
        assert_eq!(camel_case("Crème Brûlée"), "cremeBrulee");
    }

    #[test]
    fn an_empty_or_separator_only_name_is_empty() {
        assert_eq!(camel_case(""), "");
        assert_eq!(camel_case(" - "), "");
    }
}
