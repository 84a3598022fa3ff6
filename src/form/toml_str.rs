//! Where a character of a TOML string value sits in the file. Expression errors know
//! their offset in the decoded string; the file has quotes, maybe triple quotes with a
//! trimmed first newline, and escapes (`\"`, `\t`, `\u00e9`) that are longer than what
//! they stand for. Without this mapping a message points at the wrong column.

use std::ops::Range;

/// The byte offset in `src` of byte `decoded` of the string whose TOML token (quotes
/// included) spans `token`. Falls back to the token's start when the token is not a
/// string, and to its end when `decoded` lies beyond it.
pub fn raw_offset(src: &str, token: Range<usize>, decoded: usize) -> usize {
    let Some(raw) = src.get(token.clone()) else {
        return token.start;
    };
    let (open, basic) = if raw.starts_with("\"\"\"") {
        (3, true)
    } else if raw.starts_with("'''") {
        (3, false)
    } else if raw.starts_with('"') {
        (1, true)
    } else if raw.starts_with('\'') {
        (1, false)
    } else {
        return token.start;
    };
    let mut pos = open;
    // A newline right after the opening triple quote is not part of the value.
    if open == 3 {
        if raw[pos..].starts_with("\r\n") {
            pos += 2;
        } else if raw[pos..].starts_with('\n') {
            pos += 1;
        }
    }
    let mut seen = 0;
    while seen < decoded && pos < raw.len() {
        let rest = &raw[pos..];
        let Some(c) = rest.chars().next() else { break };
        if basic && c == '\\' {
            let next = rest[1..].chars().next().unwrap_or(' ');
            let (raw_len, value_len) = match next {
                'u' => (6, unicode_len(rest.get(2..6))),
                'U' => (10, unicode_len(rest.get(2..10))),
                c if c.is_whitespace() => {
                    // A line-ending backslash drops the whitespace and newlines after it.
                    let skipped = rest[1..].len() - rest[1..].trim_start().len();
                    (1 + skipped, 0)
                }
                _ => (2, 1),
            };
            pos += raw_len;
            seen += value_len;
        } else {
            pos += c.len_utf8();
            seen += c.len_utf8();
        }
    }
    token.start + pos.min(raw.len())
}

/// UTF-8 length of the character a `\u`/`\U` escape's hex digits name.
fn unicode_len(hex: Option<&str>) -> usize {
    hex.and_then(|h| u32::from_str_radix(h, 16).ok())
        .and_then(char::from_u32)
        .map_or(1, char::len_utf8)
}

#[cfg(test)]
mod tests {
    use super::raw_offset;

    /// Offset of the `>` that follows "x " in the decoded value, for a TOML line.
    fn at(line: &str, value: &str) -> usize {
        let start = line.find(['"', '\'']).unwrap();
        let decoded = value.find("> 1").unwrap();
        raw_offset(line, start..line.len(), decoded)
    }

    #[test]
    fn maps_decoded_offsets_through_quotes_and_escapes() {
        let plain = r#"r = "a.x > > 1""#;
        assert_eq!(at(plain, "a.x > > 1"), plain.find("> 1").unwrap());
        let lit = "r = 'a.x > > 1'";
        assert_eq!(at(lit, "a.x > > 1"), lit.find("> 1").unwrap());
        let esc = r#"r = "a.y = \"\t\" > 1""#;
        assert_eq!(at(esc, "a.y = \"\t\" > 1"), esc.find("> 1").unwrap());
        let uni = r#"r = "'\u00e9' > 1""#;
        assert_eq!(at(uni, "'é' > 1"), uni.find("> 1").unwrap());
        let triple = "r = \"\"\"\na.x > > 1\"\"\"";
        assert_eq!(at(triple, "a.x > > 1"), triple.find("> 1").unwrap());
        let lit3 = "r = '''\r\na.x > > 1'''";
        assert_eq!(at(lit3, "a.x > > 1"), lit3.find("> 1").unwrap());
        let cont = "r = \"\"\"a.x \\\n    > > 1\"\"\"";
        assert_eq!(at(cont, "a.x > > 1"), cont.find("> 1").unwrap());
    }

    #[test]
    fn never_points_outside_the_token() {
        let s = r#"r = "ab""#;
        assert_eq!(raw_offset(s, 4..8, 100), 8);
        assert_eq!(raw_offset(s, 0..1, 0), 0, "not a string token");
        assert_eq!(raw_offset(s, 4..99, 0), 4, "span outside the source");
    }
}
