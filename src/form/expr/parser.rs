//! Precedence-climbing (Pratt) parser.
//!
//! Bounded twice: the parser's own recursion (`nesting`, for `((((` and `- - -`)
//! and the height of every built node (`Node::depth`, for long left-leaning chains
//! such as `1+1+1+...` that a loop builds without recursing). Both stop at
//! `MAX_DEPTH`, so neither the parser nor the evaluator can overflow the stack.

use super::ast::{Agg, BUILTINS, BinOp, Builtin, Func, Kind, Node, suggest};
use super::lexer::{Tok, Token, lex};
use super::{ExprError, MAX_DEPTH, MAX_LEN, snippet};
use crate::form::value::{Value, parse_date};

type R<T> = Result<T, ExprError>;

pub(crate) struct Parsed {
    pub root: Node,
    pub refs: Vec<(String, usize)>,
}

pub(crate) fn parse(src: &str) -> R<Parsed> {
    if src.len() > MAX_LEN {
        return Err(ExprError::new(
            MAX_LEN,
            format!(
                "the expression is too long ({} bytes, at most {MAX_LEN})",
                src.len()
            ),
        ));
    }
    let toks = lex(src)?;
    if toks.len() == 1 {
        return Err(ExprError::new(0, "the expression is empty"));
    }
    let mut p = Parser {
        src,
        toks,
        pos: 0,
        nesting: 0,
        refs: Vec::new(),
    };
    let root = p.expr(0)?;
    let t = p.peek();
    if t.tok != Tok::Eof {
        return Err(ExprError::new(
            t.start,
            format!(
                "expected an operator or the end of the expression, found {}",
                t.tok.describe()
            ),
        ));
    }
    Ok(Parsed { root, refs: p.refs })
}

struct Parser<'a> {
    src: &'a str,
    toks: Vec<Token>,
    pos: usize,
    nesting: usize,
    refs: Vec<(String, usize)>,
}

#[cold]
fn too_deep(offset: usize) -> ExprError {
    ExprError::new(
        offset,
        format!("the expression is nested too deeply (more than {MAX_DEPTH} levels)"),
    )
}

/// `null` and `''` on one side of `=`/`!=` make a presence test.
fn is_null_literal(n: &Node) -> bool {
    match &n.kind {
        Kind::Lit(v) => v.is_null(),
        _ => false,
    }
}

/// Binding powers, lowest first: or, and, not, comparisons, + -, * /, unary minus.
/// Left-associative operators have right power = left power + 1.
const NOT_BP: u8 = 5;
const CMP_BP: u8 = 7;
const NEG_BP: u8 = 13;

fn infix(t: &Tok) -> Option<(BinOp, u8, u8)> {
    Some(match t {
        Tok::Or => (BinOp::Or, 1, 2),
        Tok::And => (BinOp::And, 3, 4),
        Tok::Eq => (BinOp::Eq, CMP_BP, 8),
        Tok::Ne => (BinOp::Ne, CMP_BP, 8),
        Tok::Lt => (BinOp::Lt, CMP_BP, 8),
        Tok::Le => (BinOp::Le, CMP_BP, 8),
        Tok::Gt => (BinOp::Gt, CMP_BP, 8),
        Tok::Ge => (BinOp::Ge, CMP_BP, 8),
        Tok::Plus => (BinOp::Add, 9, 10),
        Tok::Minus => (BinOp::Sub, 9, 10),
        Tok::Star => (BinOp::Mul, 11, 12),
        Tok::Slash => (BinOp::Div, 11, 12),
        _ => return None,
    })
}

#[cold]
fn chained(at: usize) -> ExprError {
    ExprError::new(at, "comparisons cannot be chained: write 'a < b and b < c'")
}

impl Parser<'_> {
    fn peek(&self) -> &Token {
        // The token list always ends with Eof and `pos` never passes it.
        &self.toks[self.pos.min(self.toks.len() - 1)]
    }

    fn bump(&mut self) -> Token {
        let t = self.peek().clone();
        if self.pos < self.toks.len() - 1 {
            self.pos += 1;
        }
        t
    }

    fn enter(&mut self) -> R<()> {
        self.nesting += 1;
        if self.nesting > MAX_DEPTH {
            return Err(too_deep(self.peek().start));
        }
        Ok(())
    }

    fn leave(&mut self) {
        self.nesting -= 1;
    }

    fn node(&self, kind: Kind, start: usize, end: usize, child_depth: usize) -> R<Node> {
        let depth = child_depth + 1;
        if depth > MAX_DEPTH {
            return Err(too_deep(start));
        }
        Ok(Node {
            kind,
            start,
            end,
            depth,
        })
    }

    fn bin(&self, op: BinOp, op_at: usize, lhs: Node, rhs: Node) -> R<Node> {
        let (start, end, d) = (lhs.start, rhs.end, lhs.depth.max(rhs.depth));
        let kind = Kind::Bin {
            op,
            op_at,
            lhs: Box::new(lhs),
            rhs: Box::new(rhs),
        };
        self.node(kind, start, end, d)
    }

    /// Precedence climbing: parses operators that bind at least as tightly as `min_bp`.
    /// One function for all levels keeps the stack use per nesting level small.
    fn expr(&mut self, min_bp: u8) -> R<Node> {
        self.enter()?;
        let mut lhs = match self.peek().tok {
            Tok::Not => self.prefix(NOT_BP, Kind::Not)?,
            Tok::Minus => self.prefix(NEG_BP, Kind::Neg)?,
            _ => self.primary()?,
        };
        let mut after_cmp = false;
        while let Some((op, lbp, rbp)) = infix(&self.peek().tok) {
            if lbp < min_bp {
                break;
            }
            let is_cmp = lbp == CMP_BP;
            if is_cmp && after_cmp {
                return Err(chained(self.peek().start));
            }
            let at = self.bump().start;
            let rhs = self.expr(rbp)?;
            lhs = if is_cmp {
                self.comparison(op, at, lhs, rhs)?
            } else {
                self.bin(op, at, lhs, rhs)?
            };
            after_cmp = is_cmp;
        }
        self.leave();
        Ok(lhs)
    }

    fn prefix(&mut self, bp: u8, make: fn(Box<Node>) -> Kind) -> R<Node> {
        let start = self.bump().start;
        let arg = self.expr(bp)?;
        let (end, d) = (arg.end, arg.depth);
        self.node(make(Box::new(arg)), start, end, d)
    }

    /// `=`/`!=` against `null` or `''` become presence tests; the rest are binary nodes.
    fn comparison(&self, op: BinOp, at: usize, lhs: Node, rhs: Node) -> R<Node> {
        let presence =
            matches!(op, BinOp::Eq | BinOp::Ne) && (is_null_literal(&lhs) || is_null_literal(&rhs));
        if !presence {
            return self.bin(op, at, lhs, rhs);
        }
        let (start, end) = (lhs.start, rhs.end);
        let arg = if is_null_literal(&rhs) { lhs } else { rhs };
        let d = arg.depth;
        let kind = Kind::IsNull {
            arg: Box::new(arg),
            negated: op == BinOp::Ne,
        };
        self.node(kind, start, end, d)
    }

    /// Only the recursive cases (parentheses, calls) live here; everything else is
    /// in `leaf`, to keep this frame small (it is on the recursion path).
    fn primary(&mut self) -> R<Node> {
        let t = self.bump();
        match t.tok {
            Tok::LParen => {
                let mut inner = self.expr(0)?;
                let close = self.expect_close(false, t.start)?;
                // Widen the span so messages quote the parentheses too.
                inner.start = t.start;
                inner.end = close;
                Ok(inner)
            }
            Tok::Name(name) if self.peek().tok == Tok::LParen => self.call(name, t.start),
            _ => self.leaf(t),
        }
    }

    #[inline(never)]
    fn leaf(&mut self, t: Token) -> R<Node> {
        let kind = match t.tok {
            Tok::Int(i) => Kind::Lit(Value::Int(i)),
            Tok::Num(n) => Kind::Lit(Value::Num(n)),
            Tok::Str(s) => Kind::Lit(Value::Text(s)),
            Tok::True => Kind::Lit(Value::Bool(true)),
            Tok::False => Kind::Lit(Value::Bool(false)),
            Tok::Null => Kind::Lit(Value::Null),
            Tok::This => Kind::This,
            Tok::Name(name) => {
                self.refs.push((name.clone(), t.start));
                Kind::Ref(name)
            }
            other => {
                return Err(ExprError::new(
                    t.start,
                    format!("expected a value, found {}", other.describe()),
                ));
            }
        };
        self.node(kind, t.start, t.end, 0)
    }

    /// Expects `)`, returns its end offset.
    fn expect_close(&mut self, call: bool, open: usize) -> R<usize> {
        let t = self.bump();
        if t.tok == Tok::RParen {
            return Ok(t.end);
        }
        let what = if call {
            "to close the call opened at byte"
        } else {
            "to match the '(' at byte"
        };
        Err(ExprError::new(
            t.start,
            format!("expected ')' {what} {open}, found {}", t.tok.describe()),
        ))
    }

    /// Parses the arguments (the recursive part), then builds the node in
    /// `finish_call`, which is off the recursion path.
    fn call(&mut self, name: String, start: usize) -> R<Node> {
        let Some(&(_, builtin, min, max)) = BUILTINS.iter().find(|(n, ..)| *n == name) else {
            return Err(unknown_function(&name, start));
        };
        let open = self.bump().start;
        let mut args = Vec::new();
        if self.peek().tok != Tok::RParen {
            loop {
                args.push(self.expr(0)?);
                match self.peek().tok {
                    Tok::Comma => {
                        self.bump();
                    }
                    Tok::RParen => break,
                    _ => return Err(bad_separator(&name, self.peek())),
                }
            }
        }
        let end = self.expect_close(true, open)?;
        self.finish_call(&name, builtin, (min, max), args, start, end)
    }

    #[inline(never)]
    fn finish_call(
        &self,
        name: &str,
        builtin: Builtin,
        (min, max): (usize, usize),
        args: Vec<Node>,
        start: usize,
        end: usize,
    ) -> R<Node> {
        check_arity(name, start, args.len(), min, max)?;
        let d = args.iter().map(|a| a.depth).max().unwrap_or(0);
        let kind = match builtin {
            Builtin::Count => Kind::Count {
                group: self.group_name(name, &args[0])?,
                at: args[0].start,
            },
            Builtin::Agg(func) => {
                let (group, field) = self.group_field(func, &args[0])?;
                let at = args[0].start;
                let choice = args.into_iter().nth(1).map(Box::new);
                Kind::Agg {
                    func,
                    at,
                    group,
                    field,
                    choice,
                }
            }
            Builtin::Regex => {
                let mut it = args.into_iter();
                let (Some(arg), Some(pat)) = (it.next(), it.next()) else {
                    return Err(ExprError::new(start, "regex() takes 2 arguments"));
                };
                Kind::Regex {
                    re: compile_regex(&pat)?,
                    arg: Box::new(arg),
                }
            }
            Builtin::Func(Func::Date) => match &args[0].kind {
                Kind::Lit(Value::Text(s)) => match parse_date(s) {
                    Some(d) => Kind::Lit(Value::Date(d)),
                    None => {
                        return Err(ExprError::new(
                            args[0].start,
                            format!(
                                "invalid date '{s}': write a real calendar date as 'YYYY-MM-DD'"
                            ),
                        ));
                    }
                },
                _ => Kind::Call {
                    func: Func::Date,
                    args,
                },
            },
            Builtin::Func(func) => Kind::Call { func, args },
        };
        self.node(kind, start, end, d)
    }

    fn group_name(&self, func: &str, arg: &Node) -> R<String> {
        match &arg.kind {
            Kind::Ref(p) if !p.contains('.') => Ok(p.clone()),
            _ => Err(ExprError::new(
                arg.start,
                format!(
                    "{func}() takes the name of a repeat group, such as {func}(locations); found '{}'",
                    snippet(self.src, arg.start, arg.end)
                ),
            )),
        }
    }

    /// `group.field` of an aggregate: the group is the first segment (repeat groups
    /// are top-level in a form), the field is the rest.
    fn group_field(&self, func: Agg, arg: &Node) -> R<(String, String)> {
        if let Kind::Ref(p) = &arg.kind
            && let Some((g, f)) = p.split_once('.')
        {
            return Ok((g.to_string(), f.to_string()));
        }
        Err(ExprError::new(
            arg.start,
            format!(
                "{name}() takes a field of a repeat group, such as {name}(locations.down_mbps); found '{}'",
                snippet(self.src, arg.start, arg.end),
                name = func.name()
            ),
        ))
    }
}

#[cold]
fn unknown_function(name: &str, at: usize) -> ExprError {
    let hint = suggest(name)
        .map(|s| format!("; did you mean '{s}'?"))
        .unwrap_or_default();
    ExprError::new(at, format!("unknown function '{name}'{hint}"))
}

#[cold]
fn bad_separator(name: &str, t: &Token) -> ExprError {
    ExprError::new(
        t.start,
        format!(
            "expected ',' or ')' in the arguments of {name}(), found {}",
            t.tok.describe()
        ),
    )
}

fn check_arity(name: &str, at: usize, n: usize, min: usize, max: usize) -> R<()> {
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let plural = |k: usize| if k == 1 { "argument" } else { "arguments" };
    let wanted = if min == max {
        format!("{min} {}", plural(min))
    } else if max == usize::MAX {
        format!("at least {min} {}", plural(min))
    } else {
        format!("{min} to {max} arguments")
    };
    Err(ExprError::new(
        at,
        format!("{name}() takes {wanted}, found {n}"),
    ))
}

/// Compiles a `regex()` pattern for a whole-value match. Only a quoted pattern is
/// accepted, so that every pattern is checked when the form loads.
fn compile_regex(pat: &Node) -> R<regex::Regex> {
    let Kind::Lit(Value::Text(p)) = &pat.kind else {
        return Err(ExprError::new(
            pat.start,
            "regex() takes its pattern as quoted text, e.g. regex(., '[0-9]{8}')",
        ));
    };
    regex::RegexBuilder::new(&format!("^(?:{p})$"))
        .size_limit(1 << 20)
        .build()
        .map_err(|e| {
            // The crate's message spans several lines with a caret; keep the last one.
            let msg = e.to_string();
            let last = msg.lines().last().unwrap_or("").trim();
            let last = last.strip_prefix("error: ").unwrap_or(last);
            ExprError::new(
                pat.start,
                format!("invalid regular expression '{p}': {last}"),
            )
        })
}
