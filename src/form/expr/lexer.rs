//! Turns expression source into tokens with byte spans.
//!
//! The lexer is strict on purpose: form authors coming from XLSForm or C-like
//! languages write `${x}`, `==`, `&&`; we refuse those with a message that names the
//! spelling this language uses, instead of silently accepting a second dialect.

use super::ExprError;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Tok {
    Int(i64),
    Num(f64),
    Str(String),
    /// A name: one segment (`count`, `locations`) or a dotted path (`company.name`).
    Name(String),
    /// `.` standing alone: the value under validation.
    This,
    True,
    False,
    Null,
    And,
    Or,
    Not,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Plus,
    Minus,
    Star,
    Slash,
    LParen,
    RParen,
    Comma,
    Eof,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Token {
    pub tok: Tok,
    pub start: usize,
    pub end: usize,
}

impl Tok {
    /// How the token is named in "expected ..., found ..." messages.
    pub fn describe(&self) -> String {
        match self {
            Tok::Int(i) => format!("number {i}"),
            Tok::Num(n) => format!("number {n}"),
            Tok::Str(s) => format!("text '{s}'"),
            Tok::Name(n) => format!("name '{n}'"),
            Tok::This => "'.'".into(),
            Tok::True => "'true'".into(),
            Tok::False => "'false'".into(),
            Tok::Null => "'null'".into(),
            Tok::And => "'and'".into(),
            Tok::Or => "'or'".into(),
            Tok::Not => "'not'".into(),
            Tok::Eq => "'='".into(),
            Tok::Ne => "'!='".into(),
            Tok::Lt => "'<'".into(),
            Tok::Le => "'<='".into(),
            Tok::Gt => "'>'".into(),
            Tok::Ge => "'>='".into(),
            Tok::Plus => "'+'".into(),
            Tok::Minus => "'-'".into(),
            Tok::Star => "'*'".into(),
            Tok::Slash => "'/'".into(),
            Tok::LParen => "'('".into(),
            Tok::RParen => "')'".into(),
            Tok::Comma => "','".into(),
            Tok::Eof => "the end of the expression".into(),
        }
    }
}

fn err(offset: usize, message: impl Into<String>) -> ExprError {
    ExprError {
        offset,
        message: message.into(),
    }
}

fn is_name_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_'
}

fn is_name_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Tokenizes `src`; the last token is always `Eof` at `src.len()`.
pub(crate) fn lex(src: &str) -> Result<Vec<Token>, ExprError> {
    let b = src.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        let tok = match c {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'0'..=b'9' => {
                let (t, end) = number(src, i)?;
                i = end;
                t
            }
            b'\'' | b'"' => {
                // No escapes: a string cannot hold its own quote, use the other kind.
                // That keeps regex patterns (`'^\d{8}$'`) readable.
                match src[i + 1..].find(c as char) {
                    Some(len) => {
                        let s = src[i + 1..i + 1 + len].to_string();
                        i += len + 2;
                        Tok::Str(s)
                    }
                    None => {
                        return Err(err(
                            start,
                            "unterminated text: the closing quote is missing",
                        ));
                    }
                }
            }
            c if is_name_start(c) => {
                let end = name(src, i)?;
                i = end;
                let text = &src[start..end];
                if text.bytes().any(|c| c.is_ascii_uppercase()) {
                    return Err(err(
                        start,
                        format!(
                            "names are lower case: write '{}' instead of '{text}'",
                            text.to_ascii_lowercase()
                        ),
                    ));
                }
                match text {
                    "true" => Tok::True,
                    "false" => Tok::False,
                    "null" => Tok::Null,
                    "and" => Tok::And,
                    "or" => Tok::Or,
                    "not" => Tok::Not,
                    _ => Tok::Name(text.to_string()),
                }
            }
            b'.' => {
                if b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
                    return Err(err(
                        start,
                        "a decimal number needs a digit before the point, e.g. 0.5",
                    ));
                }
                i += 1;
                Tok::This
            }
            b'=' => {
                if b.get(i + 1) == Some(&b'=') {
                    return Err(err(start, "use '=' for equality, not '=='"));
                }
                i += 1;
                Tok::Eq
            }
            b'!' => {
                if b.get(i + 1) == Some(&b'=') {
                    i += 2;
                    Tok::Ne
                } else {
                    return Err(err(start, "use 'not' for negation, not '!'"));
                }
            }
            b'<' => match b.get(i + 1) {
                Some(b'=') => {
                    i += 2;
                    Tok::Le
                }
                Some(b'>') => return Err(err(start, "use '!=' for inequality, not '<>'")),
                _ => {
                    i += 1;
                    Tok::Lt
                }
            },
            b'>' => {
                if b.get(i + 1) == Some(&b'=') {
                    i += 2;
                    Tok::Ge
                } else {
                    i += 1;
                    Tok::Gt
                }
            }
            b'&' => return Err(err(start, "use 'and', not '&&' or '&'")),
            b'|' => return Err(err(start, "use 'or', not '||' or '|'")),
            b'$' => {
                return Err(err(
                    start,
                    "write references without '${...}', e.g. company.name",
                ));
            }
            b'+' => {
                i += 1;
                Tok::Plus
            }
            b'-' => {
                i += 1;
                Tok::Minus
            }
            b'*' => {
                i += 1;
                Tok::Star
            }
            b'/' => {
                i += 1;
                Tok::Slash
            }
            b'(' => {
                i += 1;
                Tok::LParen
            }
            b')' => {
                i += 1;
                Tok::RParen
            }
            b',' => {
                i += 1;
                Tok::Comma
            }
            _ => {
                // `i` is always on a char boundary: every branch above advances over ASCII
                // bytes or whole quoted strings (quotes are ASCII).
                let ch = src[i..].chars().next().unwrap_or('?');
                return Err(err(start, format!("unexpected character '{ch}'")));
            }
        };
        out.push(Token { tok, start, end: i });
    }
    out.push(Token {
        tok: Tok::Eof,
        start: src.len(),
        end: src.len(),
    });
    Ok(out)
}

/// A name or dotted path starting at `i`; returns its end.
fn name(src: &str, mut i: usize) -> Result<usize, ExprError> {
    let b = src.as_bytes();
    loop {
        while i < b.len() && is_name_char(b[i]) {
            i += 1;
        }
        // A dot directly after a name continues the path; whitespace ends it.
        if i < b.len() && b[i] == b'.' {
            if b.get(i + 1).is_some_and(|&c| is_name_start(c)) {
                i += 1;
                continue;
            }
            return Err(err(i + 1, "expected a name after '.' in a reference"));
        }
        return Ok(i);
    }
}

/// An integer or a decimal with a point (`12`, `1.5`) starting at `i`.
fn number(src: &str, start: usize) -> Result<(Tok, usize), ExprError> {
    let b = src.as_bytes();
    let mut i = start;
    while i < b.len() && b[i].is_ascii_digit() {
        i += 1;
    }
    let mut decimal = false;
    if i < b.len() && b[i] == b'.' {
        if !b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            return Err(err(i + 1, "expected a digit after the decimal point"));
        }
        decimal = true;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    if i < b.len() && is_name_char(b[i]) {
        return Err(err(i, "a number cannot be followed directly by a letter"));
    }
    let text = &src[start..i];
    let tok = if decimal {
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() => Tok::Num(n),
            _ => return Err(err(start, format!("number {text} is too large"))),
        }
    } else {
        match text.parse::<i64>() {
            Ok(n) => Tok::Int(n),
            Err(_) => return Err(err(start, format!("number {text} is too large"))),
        }
    };
    Ok((tok, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        lex(s).unwrap().into_iter().map(|t| t.tok).collect()
    }

    fn lex_err(s: &str) -> ExprError {
        lex(s).unwrap_err()
    }

    #[test]
    fn literals_names_and_operators() {
        assert_eq!(
            toks("12 1.5 'a' \"b'c\" true false null company.name x_1 ."),
            vec![
                Tok::Int(12),
                Tok::Num(1.5),
                Tok::Str("a".into()),
                Tok::Str("b'c".into()),
                Tok::True,
                Tok::False,
                Tok::Null,
                Tok::Name("company.name".into()),
                Tok::Name("x_1".into()),
                Tok::This,
                Tok::Eof
            ]
        );
        assert_eq!(
            toks("= != < <= > >= + - * / ( ) , and or not"),
            vec![
                Tok::Eq,
                Tok::Ne,
                Tok::Lt,
                Tok::Le,
                Tok::Gt,
                Tok::Ge,
                Tok::Plus,
                Tok::Minus,
                Tok::Star,
                Tok::Slash,
                Tok::LParen,
                Tok::RParen,
                Tok::Comma,
                Tok::And,
                Tok::Or,
                Tok::Not,
                Tok::Eof
            ]
        );
    }

    #[test]
    fn spans_are_byte_offsets() {
        let t = lex("a.b >= 'é'").unwrap();
        assert_eq!((t[0].start, t[0].end), (0, 3));
        assert_eq!((t[1].start, t[1].end), (4, 6));
        assert_eq!((t[2].start, t[2].end), (7, 11));
        assert_eq!(t[3].start, 11);
    }

    #[test]
    fn this_next_to_operators() {
        assert_eq!(
            toks(".>=18"),
            vec![Tok::This, Tok::Ge, Tok::Int(18), Tok::Eof]
        );
    }

    #[test]
    fn refused_spellings_say_what_to_write() {
        assert!(lex_err("a == 1").message.contains("use '='"));
        assert!(lex_err("a && b").message.contains("'and'"));
        assert!(lex_err("a || b").message.contains("'or'"));
        assert!(lex_err("!a").message.contains("'not'"));
        assert!(lex_err("a <> b").message.contains("'!='"));
        assert!(lex_err("${a} = 1").message.contains("without"));
        assert_eq!(
            lex_err("Company.name").message,
            "names are lower case: write 'company.name' instead of 'Company.name'"
        );
    }

    #[test]
    fn malformed_tokens_have_offsets() {
        let e = lex_err("x = 'abc");
        assert_eq!(e.offset, 4);
        assert!(e.message.contains("unterminated"));
        assert_eq!(lex_err("1.").offset, 2);
        assert_eq!(lex_err("company. name").offset, 8);
        assert_eq!(lex_err("a.1").offset, 2);
        assert_eq!(lex_err("12abc").offset, 2);
        assert_eq!(lex_err("x # 1").offset, 2);
        assert!(
            lex_err("99999999999999999999")
                .message
                .contains("too large")
        );
        assert!(lex_err(".5").message.contains("0.5"));
        assert_eq!(lex_err("'é' é").offset, 5);
    }
}
