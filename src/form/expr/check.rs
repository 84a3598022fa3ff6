//! The static checker: infers the type of every node against a [`TypeEnv`].
//!
//! After an error the offending node gets type `Any`, which passes every later
//! check, so one mistake yields one message and the check goes on to find the
//! others (`intake form check` lists them all).

use super::ast::{Agg, BinOp, Func, Kind, Node};
use super::{ExprError, Ty, TypeEnv, snippet};
use crate::form::value::Value;

const NUMERIC: &[Ty] = &[Ty::Int, Ty::Num];
const CHOICE: &[Ty] = &[Ty::Text, Ty::List];

pub(crate) fn check(src: &str, root: &Node, types: &dyn TypeEnv) -> Result<Ty, Vec<ExprError>> {
    let mut c = Checker {
        src,
        types,
        errors: Vec::new(),
    };
    let ty = c.ty(root);
    if c.errors.is_empty() {
        Ok(ty)
    } else {
        c.errors.sort_by_key(|e| e.offset);
        Err(c.errors)
    }
}

/// "expected ___": how a wanted type is named.
pub(crate) fn wanted(t: Ty) -> &'static str {
    match t {
        Ty::Bool => "a yes/no value",
        Ty::Int => "an integer",
        Ty::Num => "a number",
        Ty::Text => "text",
        Ty::Date => "a date",
        Ty::List => "a multiple choice answer",
        Ty::Any => "a value",
    }
}

/// "found ___ 'x'": how a found type is named.
pub(crate) fn found(t: Ty) -> &'static str {
    match t {
        Ty::Bool => "yes/no",
        Ty::Int => "integer",
        Ty::Num => "decimal",
        Ty::Text => "text",
        Ty::Date => "date",
        Ty::List => "multiple choice",
        Ty::Any => "value",
    }
}

/// Whether a value of type `got` may stand where `want` is expected.
pub(crate) fn fits(got: Ty, want: Ty) -> bool {
    got == want || got == Ty::Any || want == Ty::Any || (got == Ty::Int && want == Ty::Num)
}

/// The common type of two branches (if, coalesce), None when they cannot mix.
fn unify(a: Ty, b: Ty) -> Option<Ty> {
    match (a, b) {
        _ if a == b => Some(a),
        (Ty::Any, t) | (t, Ty::Any) => Some(t),
        (Ty::Int, Ty::Num) | (Ty::Num, Ty::Int) => Some(Ty::Num),
        _ => None,
    }
}

struct Checker<'a> {
    src: &'a str,
    types: &'a dyn TypeEnv,
    errors: Vec<ExprError>,
}

impl Checker<'_> {
    fn error(&mut self, at: usize, message: String) -> Ty {
        self.errors.push(ExprError::new(at, message));
        Ty::Any
    }

    /// `integer 'workstations.count'`; literals already carry their quotes.
    fn quoted(&self, n: &Node, t: Ty) -> String {
        let s = snippet(self.src, n.start, n.end);
        if s.starts_with('\'') || s.starts_with('"') {
            format!("{} {s}", found(t))
        } else {
            format!("{} '{s}'", found(t))
        }
    }

    /// Checks that `n` (of type `t`) has one of the `allowed` types.
    fn expect(&mut self, n: &Node, t: Ty, allowed: &[Ty], want: &str) -> bool {
        if t == Ty::Any || allowed.contains(&t) {
            return true;
        }
        let msg = format!("expected {want}, found {}", self.quoted(n, t));
        self.error(n.start, msg);
        false
    }

    fn expect_ty(&mut self, n: &Node, allowed: &[Ty], want: &str) -> Ty {
        let t = self.ty(n);
        if self.expect(n, t, allowed, want) {
            t
        } else {
            Ty::Any
        }
    }

    fn ty(&mut self, n: &Node) -> Ty {
        match &n.kind {
            Kind::Lit(v) => match v {
                Value::Null => Ty::Any,
                Value::Bool(_) => Ty::Bool,
                Value::Int(_) => Ty::Int,
                Value::Num(_) => Ty::Num,
                Value::Text(_) => Ty::Text,
                Value::Date(_) => Ty::Date,
                Value::List(_) => Ty::List,
            },
            Kind::Ref(p) => self.reference(p, n.start),
            Kind::This => match self.types.this_type() {
                Some(t) => t,
                None => self.error(
                    n.start,
                    "'.' (the answer itself) can only be used in a constraint".into(),
                ),
            },
            // A negation is a number whatever its operand turned out to be.
            Kind::Neg(a) => match self.expect_ty(a, NUMERIC, "a number") {
                Ty::Any => Ty::Num,
                t => t,
            },
            Kind::Not(a) => {
                self.expect_ty(a, &[Ty::Bool], "a yes/no value");
                Ty::Bool
            }
            Kind::IsNull { arg, .. } => {
                self.ty(arg);
                Ty::Bool
            }
            Kind::Bin {
                op,
                op_at,
                lhs,
                rhs,
            } => self.binary(*op, *op_at, lhs, rhs),
            Kind::Count { group, at } => {
                self.group(group, *at, "count");
                Ty::Int
            }
            Kind::Agg {
                func,
                at,
                group,
                field,
                choice,
            } => self.aggregate(*func, *at, group, field, choice.as_deref()),
            Kind::Regex { arg, .. } => {
                self.expect_ty(arg, &[Ty::Text], "text");
                Ty::Bool
            }
            Kind::Call { func, args } => self.call(*func, args),
        }
    }

    fn reference(&mut self, path: &str, at: usize) -> Ty {
        if self.types.is_group(path) {
            return self.error(
                at,
                format!(
                    "'{path}' is a repeat group, not a value: use count({path}) or one of its fields"
                ),
            );
        }
        match self.types.type_of(path) {
            Some(t) => t,
            None => self.error(at, format!("unknown reference '{path}'")),
        }
    }

    fn group(&mut self, group: &str, at: usize, func: &str) -> bool {
        if self.types.is_group(group) {
            return true;
        }
        let msg = if self.types.type_of(group).is_some() {
            format!("{func}() needs a repeat group; '{group}' is not one")
        } else {
            format!("unknown repeat group '{group}'")
        };
        self.error(at, msg);
        false
    }

    fn binary(&mut self, op: BinOp, op_at: usize, lhs: &Node, rhs: &Node) -> Ty {
        let (l, r) = (self.ty(lhs), self.ty(rhs));
        match op {
            BinOp::And | BinOp::Or => {
                self.expect(lhs, l, &[Ty::Bool], "a yes/no value");
                self.expect(rhs, r, &[Ty::Bool], "a yes/no value");
                Ty::Bool
            }
            BinOp::Eq | BinOp::Ne | BinOp::Lt | BinOp::Le | BinOp::Gt | BinOp::Ge => {
                self.compare(op, op_at, (lhs, l), (rhs, r));
                Ty::Bool
            }
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => {
                self.arith(op, op_at, (lhs, l), (rhs, r))
            }
        }
    }

    fn compare(&mut self, op: BinOp, op_at: usize, (ln, l): (&Node, Ty), (rn, r): (&Node, Ty)) {
        if l == Ty::Any || r == Ty::Any {
            return;
        }
        let ordering = !matches!(op, BinOp::Eq | BinOp::Ne);
        let numeric = NUMERIC.contains(&l) && NUMERIC.contains(&r);
        if numeric || l == r {
            if ordering && matches!(l, Ty::Bool | Ty::List) {
                let what = if l == Ty::Bool {
                    "yes/no values"
                } else {
                    "multiple choice answers"
                };
                self.error(op_at, format!("'{}' cannot order {what}", op.symbol()));
            }
            return;
        }
        let mut msg = format!(
            "cannot compare {} with {}",
            self.quoted(ln, l),
            self.quoted(rn, r)
        );
        if l == Ty::List && r == Ty::Text {
            msg.push_str(&format!(
                "; to test a choice write selected({}, {})",
                snippet(self.src, ln.start, ln.end),
                snippet(self.src, rn.start, rn.end)
            ));
        }
        self.error(op_at, msg);
    }

    fn arith(&mut self, op: BinOp, op_at: usize, (ln, l): (&Node, Ty), (rn, r): (&Node, Ty)) -> Ty {
        use Ty::{Any, Date, Int, Num};
        match (op, l, r) {
            (_, Int, Int) if op != BinOp::Div => return Int,
            (_, Int | Num, Int | Num) => return Num,
            (BinOp::Add, Date, Int) | (BinOp::Add, Int, Date) | (BinOp::Sub, Date, Int) => {
                return Date;
            }
            (BinOp::Sub, Date, Date) => return Int,
            (_, Any, _) | (_, _, Any) => return Any,
            _ => {}
        }
        // Point at the operand that can never take part in arithmetic, else at the operator.
        let dates_ok = matches!(op, BinOp::Add | BinOp::Sub);
        let bad = |t: Ty| !(NUMERIC.contains(&t) || (dates_ok && t == Date));
        if bad(l) {
            self.expect(ln, l, NUMERIC, "a number");
        } else if bad(r) {
            self.expect(rn, r, NUMERIC, "a number");
        } else {
            let msg = format!(
                "'{}' does not apply to {} and {}",
                op.symbol(),
                self.quoted(ln, l),
                self.quoted(rn, r)
            );
            self.error(op_at, msg);
        }
        Any
    }

    fn aggregate(
        &mut self,
        func: Agg,
        at: usize,
        group: &str,
        field: &str,
        choice: Option<&Node>,
    ) -> Ty {
        if let Some(c) = choice {
            self.expect_ty(c, &[Ty::Text], "a choice id as text");
        }
        let name = func.name();
        if !self.types.is_group(group) {
            let msg = if self.types.type_of(group).is_some()
                || self.types.type_of(&format!("{group}.{field}")).is_some()
            {
                format!("{name}() needs a field of a repeat group; '{group}' is not a repeat group")
            } else {
                format!("unknown repeat group '{group}'")
            };
            self.error(at, msg);
            return result_of(func, Ty::Any);
        }
        let path = format!("{group}.{field}");
        let Some(t) = self.types.type_of(&path) else {
            self.error(at, format!("unknown reference '{path}'"));
            return result_of(func, Ty::Any);
        };
        let allowed: &[Ty] = match func {
            Agg::Sum => NUMERIC,
            Agg::Min | Agg::Max => &[Ty::Int, Ty::Num, Ty::Date],
            Agg::CountEmpty => &[Ty::Bool, Ty::Int, Ty::Num, Ty::Text, Ty::Date, Ty::List],
            Agg::AnySelected | Agg::CountChoice => CHOICE,
        };
        if t != Ty::Any && !allowed.contains(&t) {
            let want = match func {
                Agg::Sum => "a number field",
                Agg::Min | Agg::Max => "a number or date field",
                _ => "a choice field",
            };
            self.error(
                at,
                format!("{name}() expected {want}, found {} '{path}'", found(t)),
            );
            return result_of(func, Ty::Any);
        }
        result_of(func, t)
    }

    fn call(&mut self, func: Func, args: &[Node]) -> Ty {
        let choice_want = "a choice answer (single or multiple choice)";
        let arg_ty = |c: &mut Self, i: usize, allowed: &[Ty], want: &str| match args.get(i) {
            Some(a) => c.expect_ty(a, allowed, want),
            None => Ty::Any,
        };
        match func {
            Func::Selected => {
                arg_ty(self, 0, CHOICE, choice_want);
                arg_ty(self, 1, &[Ty::Text], "a choice id as text");
                Ty::Bool
            }
            Func::CountSelected => {
                arg_ty(self, 0, CHOICE, choice_want);
                Ty::Int
            }
            Func::Answered | Func::Empty => {
                args.iter().for_each(|a| {
                    self.ty(a);
                });
                Ty::Bool
            }
            Func::If => {
                arg_ty(self, 0, &[Ty::Bool], "a yes/no condition");
                self.branches("if", &args[1.min(args.len())..])
            }
            Func::Coalesce => self.branches("coalesce", args),
            Func::Round => {
                let x = arg_ty(self, 0, NUMERIC, "a number");
                if args.len() > 1 {
                    arg_ty(self, 1, &[Ty::Int], "a whole number of digits");
                    if x == Ty::Int { Ty::Int } else { Ty::Num }
                } else {
                    Ty::Int
                }
            }
            Func::Ceil | Func::Floor => {
                arg_ty(self, 0, NUMERIC, "a number");
                Ty::Int
            }
            Func::Concat => {
                args.iter().for_each(|a| {
                    self.ty(a);
                });
                Ty::Text
            }
            Func::Length => {
                arg_ty(self, 0, &[Ty::Text, Ty::List], "text");
                Ty::Int
            }
            Func::Today => Ty::Date,
            Func::DaysBetween => {
                arg_ty(self, 0, &[Ty::Date], "a date");
                arg_ty(self, 1, &[Ty::Date], "a date");
                Ty::Int
            }
            Func::Date => {
                arg_ty(self, 0, &[Ty::Text, Ty::Date], "text 'YYYY-MM-DD'");
                Ty::Date
            }
        }
    }

    /// The common type of the branches of if()/coalesce(); an error at the first
    /// branch that does not mix with the ones before it.
    fn branches(&mut self, func: &str, args: &[Node]) -> Ty {
        let mut acc = Ty::Any;
        let mut first: Option<&Node> = None;
        // A branch of unknown type (not the literal null) may be anything at run time, so
        // the whole is unknown too: announcing another branch's type would be a promise the
        // evaluation cannot keep.
        let mut unknown = false;
        for a in args {
            let t = self.ty(a);
            unknown |= t == Ty::Any && !matches!(a.kind, Kind::Lit(Value::Null));
            match unify(acc, t) {
                Some(u) => {
                    if first.is_none() && t != Ty::Any {
                        first = Some(a);
                    }
                    acc = u;
                }
                None => {
                    let before = first.map(|f| self.quoted(f, acc)).unwrap_or_default();
                    let msg = format!(
                        "the values of {func}() must have one type: {before} and {}",
                        self.quoted(a, t)
                    );
                    self.error(a.start, msg);
                }
            }
        }
        if unknown { Ty::Any } else { acc }
    }
}

fn result_of(func: Agg, field: Ty) -> Ty {
    match func {
        Agg::Sum | Agg::Min | Agg::Max => field,
        Agg::CountEmpty | Agg::CountChoice => Ty::Int,
        Agg::AnySelected => Ty::Bool,
    }
}
