//! Character classes of the tokenizer (all `#[inline]`, no tables except the mark ranges).

use super::marks;

/// The char starting at byte `i` of `text` (`i` must be a char boundary), or `None` at the end.
#[inline]
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(i..)?.chars().next()
    }
}

/// The char ending at byte `i` of `text`, or `None` at the start.
#[inline]
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    let b = *text.as_bytes().get(i.checked_sub(1)?)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        text.get(..i)?.chars().next_back()
    }
}

/// Separators: Unicode white space (NBSP, NNBSP, thin space, line breaks…) and invisible
/// zero-width characters that never belong to a token.
#[inline]
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
}

/// Spaces allowed between digit groups of one number (`3 500`, `12 000 000`).
#[inline]
pub(crate) fn is_thousands_space(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}')
}

/// Characters that attach to the one before them: combining marks, ZWJ, variation selectors,
/// skin tones, emoji tags and the soft hyphen.
#[inline]
pub(crate) fn is_extender(c: char) -> bool {
    c == '\u{AD}' || marks::is_extender(c)
}

/// Letters and digits (any script).
#[inline]
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{C0}'..='\u{24F}').contains(&c) {
        // Latin-1 and Latin Extended-A/B letters (`é`, `ç`, `œ`), without the table look-up
        c != '×' && c != '÷'
    } else {
        c.is_alphanumeric()
    }
}

/// Straight, typographic and modifier-letter apostrophes.
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Hyphens that join compounds (`porte-parole`): ASCII hyphen-minus, U+2010, U+2011.
#[inline]
pub(crate) fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Regional indicator letters, two of which make a flag.
#[inline]
pub(crate) fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// Punctuation (as opposed to symbols such as `%`, `€`, `°` or emoji).
pub(crate) fn is_punct(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_punctuation() && !"#$%&*+<=>@\\^`|~".contains(c);
    }
    matches!(
        c,
        '«' | '»' | '‹' | '›' | '“' | '”' | '„' | '‟' | '‘' | '’' | '‚' | 'ʼ' | '‐'
            ..='―'
                | '…'
                | '·'
                | '•'
                | '¡'
                | '¿'
                | '′'
                | '″'
                | '〈'
                | '〉'
                | '【'
                | '】'
                | '「'
                | '」'
                | '、'
                | '。'
                | '\u{2E3A}'
                | '\u{2E3B}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert!(is_space('\u{A0}') && is_space('\u{202F}') && is_space('\r'));
        assert!(!is_space('a'));
        assert!(is_extender('\u{301}') && is_extender('\u{FE0F}') && is_extender('\u{200D}'));
        assert!(is_extender('\u{1F3FD}'));
        assert!(!is_extender('e') && !is_extender('🙂'));
        assert!(is_punct('«') && is_punct('–') && is_punct(',') && !is_punct('%'));
        assert_eq!(char_at("é!", 2), Some('!'));
        assert_eq!(char_before("é!", 2), Some('é'));
        assert_eq!(char_before("é", 0), None);
    }
}
