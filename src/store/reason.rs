//! Why the store refused a value: a fact with its numbers, not a sentence. The store
//! knows no language; `Display` gives English for logs and tests, and the CLI, TUI and
//! web put each reason into the user's language through Fluent (`cli::reasons`).

use std::fmt;

/// What is wrong with a value the store was given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reason {
    /// A required text is empty (or only spaces).
    Empty,
    TooLong {
        chars: usize,
        max: usize,
    },
    /// A control character other than newline and tab.
    ControlChars,
    TooMany {
        count: usize,
        max: usize,
    },
    /// JSON nested deeper than `max`.
    TooDeep {
        max: usize,
    },
    /// JSON text longer than `max` bytes.
    TooBig {
        bytes: usize,
        max: usize,
    },
    /// A moment outside the years the store keeps (or that cannot be written).
    TimeOutOfRange,
    /// A bundle's top level is not a JSON object.
    NotAnObject,
    Key(KeyProblem),
    /// A rarer fault, in English (not worth a message of its own in every language).
    Other(String),
}

/// What is wrong with an answer key (`section.question`, `group[N].question`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyProblem {
    TooLong {
        max: usize,
    },
    /// Not `section.question` or `group[N].question`.
    Shape,
    TooManyParts {
        max: usize,
    },
    /// The last part is a question and takes no `[N]`.
    LastIndexed,
    /// Part `number` (from 1), written `text`, is wrong.
    Part {
        number: usize,
        text: String,
        problem: PartProblem,
    },
}

/// What is wrong with one part of an answer key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PartProblem {
    EmptyName,
    /// A name starts with a letter or `_`.
    NameStart,
    NameTooLong {
        max: usize,
    },
    /// A name holds only letters, digits and `_`.
    NameChars,
    /// Something other than `[N]` after a group name.
    IndexShape,
    /// `[digits]` is not a number from 1 without leading zeros.
    IndexNotNumber {
        digits: String,
    },
    IndexTooLarge {
        digits: String,
        max: u32,
    },
}

impl From<String> for Reason {
    fn from(s: String) -> Reason {
        Reason::Other(s)
    }
}

impl From<&str> for Reason {
    fn from(s: &str) -> Reason {
        Reason::Other(s.to_string())
    }
}

impl From<KeyProblem> for Reason {
    fn from(p: KeyProblem) -> Reason {
        Reason::Key(p)
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Empty => write!(f, "must not be empty"),
            Reason::TooLong { chars, max } => {
                write!(f, "{chars} characters, at most {max} allowed")
            }
            Reason::ControlChars => write!(f, "contains control characters"),
            Reason::TooMany { count, max } => write!(f, "{count} entries, at most {max}"),
            Reason::TooDeep { max } => write!(f, "nested deeper than {max}"),
            Reason::TooBig { bytes, max } => write!(f, "{bytes} bytes of JSON, at most {max}"),
            Reason::TimeOutOfRange => write!(f, "a moment outside the years 1 to 9999"),
            Reason::NotAnObject => write!(f, "expected a JSON object"),
            Reason::Key(p) => write!(f, "{p}"),
            Reason::Other(s) => write!(f, "{s}"),
        }
    }
}

impl fmt::Display for KeyProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyProblem::TooLong { max } => write!(f, "longer than {max} bytes"),
            KeyProblem::Shape => write!(f, "expected `section.question` or `group[N].question`"),
            KeyProblem::TooManyParts { max } => write!(f, "more than {max} parts"),
            KeyProblem::LastIndexed => write!(f, "the last part is a question and takes no [N]"),
            KeyProblem::Part {
                number,
                text,
                problem,
            } => write!(f, "part {number} {text:?}: {problem}"),
        }
    }
}

impl fmt::Display for PartProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartProblem::EmptyName => write!(f, "empty name"),
            PartProblem::NameStart => write!(f, "a name starts with a letter or _"),
            PartProblem::NameTooLong { max } => write!(f, "name longer than {max}"),
            PartProblem::NameChars => write!(f, "a name holds only letters, digits and _"),
            PartProblem::IndexShape => write!(f, "expected [N] after the group name"),
            PartProblem::IndexNotNumber { digits } => {
                write!(
                    f,
                    "[{digits}] is not a number from 1 (without leading zeros)"
                )
            }
            PartProblem::IndexTooLarge { digits, max } => {
                write!(f, "[{digits}] is larger than {max}")
            }
        }
    }
}
