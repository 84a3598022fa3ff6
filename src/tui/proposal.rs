//! The Advice & Quote screen: findings by severity (accept one with a reason), the
//! quote or cost overview with its totals, the migration plan, and the PDF export.
//! Drawn in `proposal_view`.

use crate::advice::Severity;
use crate::form::Lang;
use crate::proposal::draft::DraftStatus;
use crate::proposal::{self, Config, Proposal};
use crate::workspace::{Workspace, today};
use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Advice,
    Quote,
    Plan,
}

/// What is being typed on this screen.
pub enum Prompt {
    /// The reason for accepting the selected finding.
    Accept(Input),
    /// The PDF file to write.
    Export(Input),
}

pub struct ProposalScreen {
    pub intake_id: i64,
    pub proposal: Option<Proposal>,
    pub error: Option<String>,
    pub tab: Tab,
    pub selected: usize,
    pub prompt: Option<Prompt>,
    pub message: Option<String>,
    /// Why the proposal is a draft (shown before the PDF is written), from `proposal::draft`.
    pub draft: Option<DraftStatus>,
}

impl ProposalScreen {
    pub fn new(ws: &Workspace, intake_id: i64) -> ProposalScreen {
        let mut s = ProposalScreen {
            intake_id,
            proposal: None,
            error: None,
            tab: Tab::Advice,
            selected: 0,
            prompt: None,
            message: None,
            draft: None,
        };
        s.refresh(ws);
        s
    }

    fn refresh(&mut self, ws: &Workspace) {
        let built = (|| -> anyhow::Result<Proposal> {
            let l = ws.load(self.intake_id)?;
            let probes = ws.store.probes(self.intake_id)?;
            let accepted = ws.store.accepted_findings(self.intake_id)?;
            let cfg = Config::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
            Ok(proposal::build(
                &cfg,
                &l.form,
                &l.answers,
                &probes,
                &accepted,
                today(),
            ))
        })();
        match built {
            Ok(p) => {
                self.selected = self.selected.min(p.findings.len().saturating_sub(1));
                self.proposal = Some(p);
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{e:#}")),
        }
    }

    pub fn is_typing(&self) -> bool {
        self.prompt.is_some()
    }

    /// Returns `true` when the user leaves the screen.
    pub fn handle_key(&mut self, k: KeyEvent, ws: &mut Workspace, lang: Lang) -> bool {
        if let Some(prompt) = &mut self.prompt {
            match k.code {
                KeyCode::Esc => self.prompt = None,
                KeyCode::Enter => {
                    let prompt = self.prompt.take();
                    match prompt {
                        Some(Prompt::Accept(i)) => self.accept(ws, i.value().trim(), lang),
                        Some(Prompt::Export(i)) => self.export(ws, i.value().trim(), lang),
                        None => {}
                    }
                }
                _ => {
                    let input = match prompt {
                        Prompt::Accept(i) | Prompt::Export(i) => i,
                    };
                    input.handle_event(&crossterm::event::Event::Key(k));
                }
            }
            return false;
        }
        let n = self
            .proposal
            .as_ref()
            .map(|p| p.findings.len())
            .unwrap_or(0);
        match k.code {
            KeyCode::Esc => return true,
            KeyCode::Tab | KeyCode::Right => {
                self.tab = match self.tab {
                    Tab::Advice => Tab::Quote,
                    Tab::Quote => Tab::Plan,
                    Tab::Plan => Tab::Advice,
                }
            }
            KeyCode::BackTab | KeyCode::Left => {
                self.tab = match self.tab {
                    Tab::Advice => Tab::Plan,
                    Tab::Quote => Tab::Advice,
                    Tab::Plan => Tab::Quote,
                }
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1))
            }
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('a') if self.tab == Tab::Advice && n > 0 => {
                // Only a finding that asks for something can be accepted as it is.
                let ok = self
                    .proposal
                    .as_ref()
                    .and_then(|p| p.findings.get(self.selected))
                    .is_some_and(|f| f.severity == Severity::Ok);
                if ok {
                    self.message = Some(crate::t!(lang, "tv-nothing-to-accept"));
                } else {
                    self.prompt = Some(Prompt::Accept(Input::default()))
                }
            }
            KeyCode::Char('e') => {
                // The same reasons the PDF's cover lists, shown before anything is written.
                self.draft = proposal::draft::of_intake(ws, self.intake_id, today(), lang).ok();
                let name = crate::t!(
                    lang,
                    "tq-pdf-name",
                    id = self.intake_id.to_string(),
                    lang = lang.code()
                );
                self.prompt = Some(Prompt::Export(Input::new(name)));
            }
            _ => {}
        }
        false
    }

    fn accept(&mut self, ws: &mut Workspace, reason: &str, lang: Lang) {
        let Some(f) = self
            .proposal
            .as_ref()
            .and_then(|p| p.findings.get(self.selected))
        else {
            return;
        };
        if reason.is_empty() {
            self.message = Some(crate::t!(lang, "tq-reason-needed"));
            return;
        }
        let rule = f.rule_id.clone();
        let title = f.title.get(lang).to_string();
        match ws
            .store
            .accept_finding(self.intake_id, &rule, reason, &crate::workspace::os_user())
        {
            Ok(()) => {
                self.message = Some(crate::t!(lang, "tv-finding-accepted", title = title));
                self.refresh(ws);
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }

    fn export(&mut self, ws: &mut Workspace, path: &str, lang: Lang) {
        if path.is_empty() {
            return;
        }
        self.message = Some(crate::t!(lang, "tq-writing"));
        let path = std::path::Path::new(path);
        match crate::export::export_report(ws, self.intake_id, path, lang, false) {
            Ok(done) => {
                self.message = Some(crate::t!(
                    lang,
                    "tq-written",
                    path = done.path.to_string(),
                    kb = done.bytes / 1024
                ));
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }
}
