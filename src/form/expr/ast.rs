//! The syntax tree. Every node keeps its source span so that type errors can point
//! at the offending part and quote it.

use crate::form::value::Value;
use regex::Regex;

#[derive(Clone, Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    /// Byte span in the source.
    pub start: usize,
    pub end: usize,
    /// Height of the subtree (a leaf is 1); bounded by `MAX_DEPTH` so that the
    /// recursive evaluator and checker cannot overflow the stack.
    pub depth: usize,
}

#[derive(Clone, Debug)]
pub(crate) enum Kind {
    Lit(Value),
    /// A plain reference: `company.name`, or a group field in the current instance.
    Ref(String),
    /// `.`, the value under validation.
    This,
    Neg(Box<Node>),
    Not(Box<Node>),
    /// `x = null` / `x = ''` (and `!=`): presence tests, the only comparisons that
    /// are true when a side is null.
    IsNull {
        arg: Box<Node>,
        negated: bool,
    },
    Bin {
        op: BinOp,
        /// Offset of the operator, where arithmetic type errors point.
        op_at: usize,
        lhs: Box<Node>,
        rhs: Box<Node>,
    },
    /// `count(group)`; `at` is the offset of the group name.
    Count {
        group: String,
        at: usize,
    },
    /// A function over one field of every instance of a group: `sum(locations.down_mbps)`.
    /// `choice` is the second argument of `any_selected`/`count_choice`.
    Agg {
        func: Agg,
        /// Offset of the `group.field` argument.
        at: usize,
        group: String,
        field: String,
        choice: Option<Box<Node>>,
    },
    /// `regex(s, 'pattern')`, the pattern compiled once at parse time, anchored.
    Regex {
        arg: Box<Node>,
        re: Regex,
    },
    /// Every other function: arguments are ordinary expressions.
    Call {
        func: Func,
        args: Vec<Node>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BinOp {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "or",
            BinOp::And => "and",
            BinOp::Eq => "=",
            BinOp::Ne => "!=",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
        }
    }
}

/// Functions over the values of one field across all instances of a repeat group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Agg {
    Sum,
    Min,
    Max,
    CountEmpty,
    AnySelected,
    CountChoice,
}

/// Functions whose arguments are ordinary expressions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Func {
    Selected,
    CountSelected,
    Answered,
    Empty,
    If,
    Coalesce,
    Round,
    Ceil,
    Floor,
    Concat,
    Length,
    Today,
    DaysBetween,
    Date,
}

/// What a function name stands for, and how many arguments it takes.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Builtin {
    Count,
    Agg(Agg),
    Regex,
    Func(Func),
}

/// Name, meaning, minimum and maximum number of arguments.
pub(crate) const BUILTINS: &[(&str, Builtin, usize, usize)] = &[
    ("selected", Builtin::Func(Func::Selected), 2, 2),
    ("count_selected", Builtin::Func(Func::CountSelected), 1, 1),
    ("count", Builtin::Count, 1, 1),
    ("sum", Builtin::Agg(Agg::Sum), 1, 1),
    ("min", Builtin::Agg(Agg::Min), 1, 1),
    ("max", Builtin::Agg(Agg::Max), 1, 1),
    ("count_empty", Builtin::Agg(Agg::CountEmpty), 1, 1),
    ("any_selected", Builtin::Agg(Agg::AnySelected), 2, 2),
    ("count_choice", Builtin::Agg(Agg::CountChoice), 2, 2),
    ("answered", Builtin::Func(Func::Answered), 1, 1),
    ("empty", Builtin::Func(Func::Empty), 1, 1),
    ("if", Builtin::Func(Func::If), 3, 3),
    ("coalesce", Builtin::Func(Func::Coalesce), 2, usize::MAX),
    ("round", Builtin::Func(Func::Round), 1, 2),
    ("ceil", Builtin::Func(Func::Ceil), 1, 1),
    ("floor", Builtin::Func(Func::Floor), 1, 1),
    ("concat", Builtin::Func(Func::Concat), 1, usize::MAX),
    ("length", Builtin::Func(Func::Length), 1, 1),
    ("regex", Builtin::Regex, 2, 2),
    ("today", Builtin::Func(Func::Today), 0, 0),
    ("days_between", Builtin::Func(Func::DaysBetween), 2, 2),
    ("date", Builtin::Func(Func::Date), 1, 1),
];

impl Agg {
    pub fn name(self) -> &'static str {
        BUILTINS
            .iter()
            .find(|(_, b, _, _)| matches!(b, Builtin::Agg(a) if *a == self))
            .map_or("?", |(n, ..)| n)
    }
}

/// The closest known function name, for "did you mean" hints (edit distance ≤ 2).
pub(crate) fn suggest(name: &str) -> Option<&'static str> {
    BUILTINS
        .iter()
        .map(|(n, ..)| (edit_distance(name, n), *n))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, n)| n)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_misspelled_functions() {
        assert_eq!(suggest("selectd"), Some("selected"));
        assert_eq!(suggest("coalesc"), Some("coalesce"));
        assert_eq!(suggest("frobnicate"), None);
    }

    #[test]
    fn aggregates_have_their_names() {
        assert_eq!(Agg::CountChoice.name(), "count_choice");
    }
}
