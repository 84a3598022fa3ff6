//! Importing a bundle from the home screen (issue 14): the file name, the passphrase of
//! an encrypted bundle, the preview of a merge, the conflict screen and the result.
//! This module holds the state and the steps that read or write; keys are handled in
//! `import_keys`, drawing in `import_view`, labels and values in `import_text`.
//!
//! Nothing is written before the user confirms: the bundle is read, checked and
//! normalised once, kept in memory, and the merge applies exactly what was previewed
//! (made again first: when the database changed meanwhile, the user sees the new plan).

use crate::crypt::bundle::WrongPassphrase;
use crate::form::{Form, Lang};
use crate::store::{Bundle, Conflict, MergeOutcome, MergePlan, Resolution, Side};
use crate::workspace::Workspace;
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use tui_input::Input;
use zeroize::Zeroizing;

/// Where the import is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Typing or pasting the bundle's file name.
    Path,
    /// The bundle is encrypted: its passphrase, masked.
    Passphrase,
    /// What merging does: answers taken, kept, conflicts.
    Preview,
    /// One row per conflict, each to be given a side.
    Conflicts,
    /// The last question before writing (only `y` says yes).
    Confirm(Confirm),
    /// What was done.
    Done,
}

/// What the confirm asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    Merge,
    /// A second intake beside the one the bundle came from.
    AsNew,
}

/// A conflict and the side the user chose for it.
#[derive(Clone, Debug)]
pub struct ConflictRow {
    pub conflict: Conflict,
    pub side: Option<Side>,
}

/// A bundle whose intake is in the database: what merging it does.
pub struct MergeView {
    /// The file's name without its folder (escaped): the user just typed the rest.
    pub file: String,
    /// The checked, normalised bundle: what the merge applies.
    pub bundle: Bundle,
    pub id: i64,
    pub customer: String,
    /// The intake's form, for labels and values in the user's language.
    pub form: Arc<Form>,
    pub self_filled: bool,
    pub plan: MergePlan,
    /// This intake's answers when the plan was made (the values kept are shown).
    pub ours: BTreeMap<String, Json>,
    pub rows: Vec<ConflictRow>,
    /// The conflict the cursor is on.
    pub selected: usize,
    /// First line of the preview on screen.
    pub scroll: usize,
    /// First line of the conflict screen on screen (it follows the cursor).
    pub top: usize,
}

impl MergeView {
    /// How many conflicts have no side yet.
    pub fn undecided(&self) -> usize {
        self.rows.iter().filter(|r| r.side.is_none()).count()
    }

    pub fn count(&self, side: Side) -> usize {
        self.rows.iter().filter(|r| r.side == Some(side)).count()
    }

    /// Takes a new plan (the database changed since the preview): a choice stays only
    /// for a conflict that is still exactly the same.
    fn replan(&mut self, plan: MergePlan, ours: BTreeMap<String, Json>) {
        self.ours = ours;
        let old = std::mem::take(&mut self.rows);
        self.rows = plan
            .conflicts
            .iter()
            .map(|c| ConflictRow {
                conflict: c.clone(),
                side: old.iter().find(|r| r.conflict == *c).and_then(|r| r.side),
            })
            .collect();
        let form = self.form.clone();
        self.rows
            .sort_by_cached_key(|r| super::import_text::form_order(&form, &r.conflict.key));
        self.plan = plan;
        self.selected = self.selected.min(self.rows.len().saturating_sub(1));
        self.scroll = 0;
    }

    fn resolution(&self) -> Resolution {
        Resolution {
            all: None,
            keys: self
                .rows
                .iter()
                .filter_map(|r| Some((r.conflict.key.clone(), r.side?)))
                .collect(),
        }
    }
}

/// What an import did, for the result screen and the status bar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportResult {
    pub id: i64,
    pub customer: String,
    /// Imported as a new intake (else merged into `id`).
    pub as_new: bool,
    pub taken: usize,
    pub kept: usize,
    pub ours: usize,
    pub theirs: usize,
}

impl ImportResult {
    /// One sentence in the user's language.
    pub fn message(&self, lang: Lang) -> String {
        if self.as_new {
            return crate::t!(
                lang,
                "tui-import-done-new",
                id = self.id.to_string(),
                customer = crate::text::printable(&self.customer)
            );
        }
        crate::t!(
            lang,
            "tui-import-done-merged",
            id = self.id.to_string(),
            customer = crate::text::printable(&self.customer),
            taken = self.taken,
            kept = self.kept,
            count = self.ours + self.theirs,
            ours = self.ours,
            theirs = self.theirs
        )
    }
}

/// A message shown in the dialog or at the top of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub text: String,
    pub error: bool,
}

pub struct ImportFlow {
    pub stage: Stage,
    pub path: Input,
    pub secret: Zeroizing<String>,
    pub note: Option<Note>,
    pub merge: Option<Box<MergeView>>,
    pub result: Option<ImportResult>,
}

/// Asked for by the first read of an encrypted bundle: the dialog then asks for it.
#[derive(Debug, thiserror::Error)]
#[error("passphrase needed")]
struct PassphraseNeeded;

impl Default for ImportFlow {
    fn default() -> Self {
        ImportFlow {
            stage: Stage::Path,
            path: Input::default(),
            secret: Zeroizing::new(String::new()),
            note: None,
            merge: None,
            result: None,
        }
    }
}

impl ImportFlow {
    /// Whether keys go into a text field (then `?`, `L` and `q` are typed, not acted on).
    pub fn is_typing(&self) -> bool {
        matches!(self.stage, Stage::Path | Stage::Passphrase)
    }

    fn error(&mut self, text: String) {
        self.note = Some(Note { text, error: true });
    }

    /// Reads the file named in the dialog (with the passphrase once asked), checks it and
    /// goes on: to the passphrase, to the preview of a merge, or — for an intake not in
    /// this database — imports it as a new intake at once. Any error stays in the dialog
    /// and nothing is written.
    pub fn read(&mut self, ws: &mut Workspace, lang: Lang) {
        let typed = self.path.value().to_string();
        let Some(path) = bundle_path(&typed) else {
            self.error(crate::t!(lang, "tui-import-no-path"));
            return;
        };
        if self.stage == Stage::Passphrase && self.secret.is_empty() {
            self.error(crate::t!(lang, "tui-import-no-passphrase"));
            return;
        }
        let asking = self.stage == Stage::Passphrase;
        let secret = self.secret.clone();
        let read = crate::crypt::bundle::read(&path, lang, move || {
            if asking {
                Ok(secret)
            } else {
                Err(PassphraseNeeded.into())
            }
        });
        let bundle = match read {
            Ok(b) => b,
            Err(e) if e.downcast_ref::<PassphraseNeeded>().is_some() => {
                self.stage = Stage::Passphrase;
                self.note = None;
                return;
            }
            Err(e) => {
                // A wrong passphrase is asked again; anything else is about the file.
                if e.downcast_ref::<WrongPassphrase>().is_none() {
                    self.stage = Stage::Path;
                }
                self.secret = Zeroizing::new(String::new());
                self.error(crate::cli::errors::render(&e, lang));
                return;
            }
        };
        self.secret = Zeroizing::new(String::new());
        if let Err(e) = self.prepare(ws, bundle, file_name(&path)) {
            self.stage = Stage::Path;
            let e = e.context(crate::text::printable_path(&path));
            self.error(crate::cli::errors::render(&e, lang));
        }
    }

    /// A readable bundle: checked against its form, then merged (preview first) or
    /// imported as new.
    fn prepare(&mut self, ws: &mut Workspace, bundle: Bundle, file: String) -> anyhow::Result<()> {
        let bundle = ws.normalised(&bundle)?;
        let Some(id) = ws.store.find_duplicate(&bundle)? else {
            return self.import_new(ws, &bundle);
        };
        let plan = ws.store.preview_merge(id, &bundle)?;
        let ours = ws.store.answers(id)?;
        let loaded = ws.load(id)?;
        let mut view = MergeView {
            file,
            bundle,
            id,
            customer: loaded.record.customer.clone(),
            form: loaded.form.clone(),
            self_filled: loaded.mode() == crate::workspace::Mode::SelfFilled,
            plan: MergePlan::default(),
            ours: BTreeMap::new(),
            rows: vec![],
            selected: 0,
            scroll: 0,
            top: 0,
        };
        view.replan(plan, ours);
        self.merge = Some(Box::new(view));
        self.note = None;
        self.stage = Stage::Preview;
        Ok(())
    }

    /// Imports the bundle as a new intake (as `intake import` does) and shows the result.
    fn import_new(&mut self, ws: &mut Workspace, bundle: &Bundle) -> anyhow::Result<()> {
        let id = ws.import_bundle(bundle)?;
        self.result = Some(ImportResult {
            id,
            customer: bundle.intake.customer.clone(),
            as_new: true,
            taken: 0,
            kept: 0,
            ours: 0,
            theirs: 0,
        });
        self.note = None;
        self.stage = Stage::Done;
        Ok(())
    }

    /// After `y` on "as a new intake".
    pub fn apply_as_new(&mut self, ws: &mut Workspace, lang: Lang) {
        let Some(m) = self.merge.take() else { return };
        if let Err(e) = self.import_new(ws, &m.bundle) {
            self.error(crate::cli::errors::render(&e, lang));
            self.merge = Some(m);
            self.stage = Stage::Preview;
        }
    }

    /// After `y` on the merge: the plan is made again, and applied only when it is still
    /// the one the user saw and every conflict has its side. Otherwise the user sees the
    /// new plan (another process changed the intake meanwhile) and nothing is written.
    pub fn apply_merge(&mut self, ws: &mut Workspace, lang: Lang) {
        let Some(m) = self.merge.as_mut() else { return };
        let back = if m.rows.is_empty() {
            Stage::Preview
        } else {
            Stage::Conflicts
        };
        let fresh = match ws.store.preview_merge(m.id, &m.bundle) {
            Ok(p) => p,
            Err(e) => {
                self.stage = back;
                self.error(crate::cli::errors::render(&anyhow::Error::from(e), lang));
                return;
            }
        };
        if fresh != m.plan {
            let (stage, note) = changed(m, fresh, ws, lang);
            self.stage = stage;
            self.note = Some(note);
            return;
        }
        match ws.merge_bundle(m.id, &m.bundle, &m.resolution()) {
            Ok(MergeOutcome::Merged { plan, resolved, .. }) => {
                let side = |s: Side| resolved.iter().filter(|(_, x)| *x == s).count();
                self.result = Some(ImportResult {
                    id: m.id,
                    customer: m.customer.clone(),
                    as_new: false,
                    taken: plan.taken.len(),
                    kept: plan.kept.len(),
                    ours: side(Side::Ours),
                    theirs: side(Side::Theirs),
                });
                self.note = None;
                self.stage = Stage::Done;
            }
            Ok(MergeOutcome::Unresolved(_)) => {
                // Changed between the check above and the merge's own transaction.
                match ws.store.preview_merge(m.id, &m.bundle) {
                    Ok(p) => {
                        let (stage, note) = changed(m, p, ws, lang);
                        self.stage = stage;
                        self.note = Some(note);
                    }
                    Err(e) => {
                        self.stage = back;
                        self.error(crate::cli::errors::render(&anyhow::Error::from(e), lang));
                    }
                }
            }
            Err(e) => {
                self.stage = back;
                self.error(crate::cli::errors::render(&e, lang));
            }
        }
    }
}

/// Shows a plan made again because the intake changed meanwhile: the stage to show it
/// on and the note that says so.
fn changed(m: &mut MergeView, plan: MergePlan, ws: &Workspace, lang: Lang) -> (Stage, Note) {
    let ours = ws.store.answers(m.id).unwrap_or_default();
    m.replan(plan, ours);
    let stage = if m.rows.is_empty() {
        Stage::Preview
    } else {
        Stage::Conflicts
    };
    let text = crate::t!(lang, "tui-import-changed-meanwhile");
    (stage, Note { text, error: true })
}

/// The file the user typed or pasted: surrounding spaces and one pair of quotes (a
/// file manager's paste) taken off, a `file://` address read as its path, `~/` as the
/// home folder. `None` when nothing is left.
pub fn bundle_path(typed: &str) -> Option<PathBuf> {
    let mut s = typed.trim();
    for q in ['\'', '"'] {
        if s.len() >= 2 && s.starts_with(q) && s.ends_with(q) {
            s = &s[1..s.len() - 1];
        }
    }
    if s.is_empty() {
        return None;
    }
    if let Some(rest) = s.strip_prefix("file://") {
        return Some(PathBuf::from(percent_decoded(rest)));
    }
    if let Some(rest) = s.strip_prefix("~/")
        && let Some(home) = std::env::var_os("HOME")
    {
        return Some(PathBuf::from(home).join(rest));
    }
    Some(PathBuf::from(s))
}

/// The last part of `path`, escaped for the terminal.
pub fn file_name(path: &std::path::Path) -> String {
    match path.file_name() {
        Some(n) => crate::text::printable(&n.to_string_lossy()).into_owned(),
        None => crate::text::printable_path(path),
    }
}

/// `%20` and the like decoded (a `file://` address); a malformed escape stays as it is.
fn percent_decoded(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && i + 2 < b.len()
            && let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_paths_lose_quotes_and_read_file_addresses() {
        assert_eq!(bundle_path("  "), None);
        assert_eq!(bundle_path("''"), None);
        assert_eq!(
            bundle_path(" '/tmp/a b.json' "),
            Some(PathBuf::from("/tmp/a b.json"))
        );
        assert_eq!(bundle_path("\"x.age\""), Some(PathBuf::from("x.age")));
        assert_eq!(
            bundle_path("file:///tmp/klant%20Jansen.json"),
            Some(PathBuf::from("/tmp/klant Jansen.json"))
        );
        assert_eq!(bundle_path("file:///a%zz"), Some(PathBuf::from("/a%zz")));
        assert_eq!(bundle_path("%"), Some(PathBuf::from("%")));
    }
}
