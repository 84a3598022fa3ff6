//! Loading a form file: TOML → checked `Form`, or every error with file:line:col.

use super::Lang;
use super::expr::{Expr, MapTypes, Ty};
use super::key::is_id;
use super::model::*;
use super::schema::*;
use super::toml_str::raw_offset;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// One problem in a form file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

/// All problems found in a form file; loading reports every one, not just the first.
#[derive(Debug, thiserror::Error)]
pub struct FormErrors(pub Vec<Diagnostic>);

impl fmt::Display for FormErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Largest form file we read: a form is a few hundred questions, not megabytes.
pub const MAX_FORM_BYTES: usize = 4 * 1024 * 1024;

pub fn load_file(path: &Path) -> Result<Form, FormErrors> {
    let name = path.display().to_string();
    let one = |message: String| {
        FormErrors(vec![Diagnostic {
            file: name.clone(),
            line: 0,
            col: 0,
            message,
        }])
    };
    // Read with a limit, not by metadata: `/dev/zero` reports 0 bytes and never ends.
    let src = crate::fsutil::read_capped_text(path, MAX_FORM_BYTES, crate::fsutil::FileKind::Form)
        .map_err(|e| one(e.to_string()))?;
    load_str(&src, &name)
}

pub fn load_str(src: &str, file: &str) -> Result<Form, FormErrors> {
    let raw: RawForm = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            let (line, col) = e.span().map(|s| line_col(src, s.start)).unwrap_or((0, 0));
            return Err(FormErrors(vec![Diagnostic {
                file: file.to_string(),
                line,
                col,
                message: e.message().trim().to_string(),
            }]));
        }
    };
    let mut b = Builder {
        src,
        file,
        diags: Vec::new(),
    };
    let form = b.build(raw);
    if b.diags.is_empty() {
        Ok(form)
    } else {
        b.diags.sort_by_key(|d| (d.line, d.col));
        Err(FormErrors(b.diags))
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(src.len());
    let before = &src[..src.floor_char_boundary(offset)];
    let line = before.matches('\n').count() + 1;
    let col = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, col)
}

struct Builder<'a> {
    src: &'a str,
    file: &'a str,
    diags: Vec<Diagnostic>,
}

// The expressions held until every question is known, and the checks then made.
#[path = "load_check.rs"]
mod check;
use check::{Pending, Want};
// `Builder::question`: one question checked.
#[path = "load_question.rs"]
mod question;

impl Builder<'_> {
    /// A section, question or choice id: its form, and that `seen` does not hold it yet
    /// (`duplicate` words that problem, naming what it is a duplicate in).
    fn check_id(
        &mut self,
        id: &Spanned<String>,
        kind: &str,
        seen: &mut HashSet<String>,
        duplicate: impl FnOnce(&str) -> String,
    ) {
        let name = id.get_ref();
        if !is_id(name) {
            self.err(
                id.span(),
                format!("{kind} id '{name}' must be lower case letters, digits and '_'"),
            );
        }
        if !seen.insert(name.clone()) {
            self.err(id.span(), duplicate(name));
        }
    }

    fn err(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, col) = line_col(self.src, span.start);
        self.diags.push(Diagnostic {
            file: self.file.to_string(),
            line,
            col,
            message: message.into(),
        });
    }

    fn text(&mut self, t: &Spanned<RawText>, what: &str, langs: &[Lang]) -> Text {
        let span = t.span();
        let raw = t.get_ref();
        let nl = match &raw.nl {
            Some(s) if !s.trim().is_empty() => s.clone(),
            _ => {
                self.err(span.clone(), format!("{what} has no Dutch text (nl)"));
                String::new()
            }
        };
        if langs.contains(&Lang::En) && raw.en.as_deref().is_none_or(|s| s.trim().is_empty()) {
            self.err(
                span,
                format!("{what} has no English text (en), but the form declares en"),
            );
        }
        Text {
            nl,
            en: raw.en.clone(),
        }
    }

    fn expr(
        &mut self,
        s: &Spanned<String>,
        pending: &mut Vec<Pending>,
        want: Want,
        this: Option<Ty>,
    ) -> Option<Expr> {
        match Expr::parse(s.get_ref()) {
            Ok(e) => {
                pending.push(Pending {
                    expr: e.clone(),
                    span: s.span(),
                    want,
                    this,
                });
                Some(e)
            }
            Err(e) => {
                let at = raw_offset(self.src, s.span(), e.offset);
                self.err(at..at, format!("in expression: {}", e.message));
                None
            }
        }
    }

    fn build(&mut self, raw: RawForm) -> Form {
        let mut langs = Vec::new();
        for l in raw.languages.get_ref() {
            match l.as_str() {
                "nl" => langs.push(Lang::Nl),
                "en" => langs.push(Lang::En),
                other => self.err(
                    raw.languages.span(),
                    format!("unknown language '{other}' (known: nl, en)"),
                ),
            }
        }
        if !langs.contains(&Lang::Nl) {
            self.err(
                raw.languages.span(),
                "a form must have Dutch (nl) among its languages",
            );
        }
        if !is_form_id(raw.id.get_ref()) {
            self.err(
                raw.id.span(),
                format!(
                    "form id '{}' must be lower case letters, digits and '-'",
                    raw.id.get_ref()
                ),
            );
        }
        let title = self.text(&raw.title, "the form title", &langs);
        let description = raw
            .description
            .as_ref()
            .map(|d| self.text(d, "the form description", &langs));

        let mut pending = Vec::new();
        let mut sections = Vec::new();
        let mut index = PathIndex::default();
        let mut section_ids = HashSet::new();
        let mut types: HashMap<String, Ty> = HashMap::new();
        let mut groups: HashSet<String> = HashSet::new();
        let mut calcs: Vec<(usize, usize, Range<usize>)> = Vec::new();
        let mut summaries: Vec<(usize, Spanned<String>)> = Vec::new();

        for (si, rs) in raw.sections.iter().enumerate() {
            let sid = rs.id.get_ref().clone();
            self.check_id(&rs.id, "section", &mut section_ids, |id| {
                format!("duplicate section id '{id}'")
            });
            if rs.repeat.is_some() {
                groups.insert(sid.clone());
            }
            let title = self.text(&rs.title, &format!("section '{sid}' title"), &langs);
            let intro = rs
                .intro
                .as_ref()
                .map(|t| self.text(t, &format!("section '{sid}' intro"), &langs));
            let relevant = rs
                .relevant
                .as_ref()
                .and_then(|e| self.expr(e, &mut pending, Want::Bool, None));
            let repeat = rs.repeat.as_ref().map(|r| {
                let min = r.min.unwrap_or(0) as usize;
                let max = r.max.unwrap_or(200) as usize;
                if min > max {
                    self.err(
                        rs.id.span(),
                        format!("group '{sid}': min {min} is larger than max {max}"),
                    );
                }
                for s in &r.summary {
                    summaries.push((si, s.clone()));
                }
                Repeat {
                    min,
                    max,
                    count: r
                        .count
                        .as_ref()
                        .and_then(|e| self.expr(e, &mut pending, Want::Number, None)),
                    item: self.text(&r.item, &format!("group '{sid}' item name"), &langs),
                    summary: r.summary.iter().map(|s| s.get_ref().clone()).collect(),
                }
            });
            let mut questions = Vec::new();
            let mut qids = HashSet::new();
            for rq in &rs.questions {
                let qid = rq.id.get_ref().clone();
                self.check_id(&rq.id, "question", &mut qids, |id| {
                    format!("duplicate question id '{sid}.{id}'")
                });
                let q = self.question(rq, &sid, &langs, &mut pending);
                let path = format!("{sid}.{qid}");
                let qi = questions.len();
                if q.kind == Kind::Calculated {
                    calcs.push((
                        si,
                        qi,
                        rq.calculate
                            .as_ref()
                            .map(|c| c.span())
                            .unwrap_or(rq.id.span()),
                    ));
                }
                if let Some(t) = ty_of(q.kind) {
                    types.insert(path.clone(), t);
                }
                index.insert(path, (si, qi));
                let other = rq.other && q.kind.is_choice();
                let qkind = q.kind;
                questions.push(q);
                if other {
                    let oid = format!("{qid}_other");
                    let _ = qkind;
                    let sel = format!("selected({sid}.{qid}, 'other')");
                    let cond = Expr::parse(&sel).ok();
                    let oq = Question {
                        id: oid.clone(),
                        kind: Kind::Text,
                        label: Text {
                            nl: "Anders, namelijk".into(),
                            en: Some("Other, namely".into()),
                        },
                        self_label: None,
                        hint: None,
                        faq: vec![],
                        required: cond.clone().map(Required::If).unwrap_or(Required::No),
                        relevant: cond,
                        constraint: None,
                        warning: None,
                        default: None,
                        unit: None,
                        min: None,
                        max: None,
                        max_length: Some(200),
                        choices: vec![],
                        calculate: None,
                        specialist: rq.specialist,
                        unknown_allowed: false,
                    };
                    types.insert(format!("{sid}.{oid}"), Ty::Text);
                    index.insert(format!("{sid}.{oid}"), (si, questions.len()));
                    qids.insert(oid);
                    questions.push(oq);
                }
            }
            let mut ids_sorted: Vec<(String, usize)> = questions
                .iter()
                .enumerate()
                .map(|(i, q)| (q.id.clone(), i))
                .collect();
            ids_sorted.sort();
            let mut calcs_seen = 0;
            let calc_slot = questions
                .iter()
                .map(|q| {
                    (q.kind == Kind::Calculated).then(|| {
                        calcs_seen += 1;
                        calcs_seen - 1
                    })
                })
                .collect();
            sections.push(Section {
                id: sid,
                title,
                intro,
                relevant,
                specialist: rs.specialist,
                repeat,
                questions,
                ids_sorted,
                calc_slot,
            });
        }
        for (si, s) in summaries {
            let path = format!("{}.{}", sections[si].id, s.get_ref());
            if !index.contains_key(&path) {
                self.err(
                    s.span(),
                    format!(
                        "summary field '{}' is not a question of group '{}'",
                        s.get_ref(),
                        sections[si].id
                    ),
                );
            }
        }
        // Calculated values: their type is unknown until evaluated, so `Any`.
        for (si, qi, _) in &calcs {
            types.insert(
                format!("{}.{}", sections[*si].id, sections[*si].questions[*qi].id),
                Ty::Any,
            );
        }
        let mut env = MapTypes {
            types,
            groups,
            this: None,
        };
        for p in pending {
            env.this = p.this;
            match p.expr.check(&env) {
                Ok(t) => {
                    let ok = match p.want {
                        Want::Bool => matches!(t, Ty::Bool | Ty::Any),
                        Want::Number => matches!(t, Ty::Int | Ty::Num | Ty::Any),
                        Want::Any => true,
                    };
                    if !ok {
                        let what = if p.want == Want::Bool {
                            "a yes/no condition"
                        } else {
                            "a number"
                        };
                        let at = raw_offset(self.src, p.span.clone(), 0);
                        self.err(
                            at..at,
                            format!("expression '{}' must give {what}", p.expr.source()),
                        );
                    }
                }
                Err(e) => {
                    let at = raw_offset(self.src, p.span.clone(), e.offset);
                    self.err(at..at, format!("in expression: {}", e.message))
                }
            }
        }
        let calc_order = self
            .calc_order(&sections, &index, &calcs)
            .into_iter()
            .map(|(s, q)| CalcStep {
                at: (s, q),
                reads: sections[s].questions[q]
                    .calculate
                    .iter()
                    .flat_map(|e| e.references())
                    .filter_map(|(r, _)| index.get(&r).copied())
                    .collect(),
            })
            .collect();
        let (moved, problems) = super::moved::check(&raw.moved, &index, &sections);
        for (span, message) in problems {
            self.err(span, message);
        }
        Form {
            id: raw.id.get_ref().clone(),
            version: *raw.version.get_ref(),
            languages: langs,
            title,
            description,
            sections,
            moved,
            index,
            calc_order,
        }
    }
}

fn is_form_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
}

pub(crate) fn ty_of(kind: Kind) -> Option<Ty> {
    Some(match kind {
        Kind::Integer => Ty::Int,
        Kind::Decimal => Ty::Num,
        Kind::YesNo => Ty::Bool,
        Kind::MultiChoice => Ty::List,
        Kind::Date => Ty::Date,
        Kind::Note => return None,
        Kind::Calculated => Ty::Any,
        _ => Ty::Text,
    })
}
