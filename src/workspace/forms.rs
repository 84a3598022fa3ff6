//! Which form an intake uses. The built-in standard form, plus forms given with
//! `intake new --form FILE`, whose source is kept in the database so an intake
//! reopens with its form even when the file is gone (forms notes, rule 4).

use super::refuse;
use crate::form::{self, Form};
use crate::store::Store;
use anyhow::{Result, anyhow};
use std::path::PathBuf;
use std::sync::Arc;

/// A form file as read from disk.
pub struct FormSource {
    pub path: PathBuf,
    pub src: String,
}

impl FormSource {
    pub fn read(path: &std::path::Path) -> Result<FormSource> {
        let src = crate::fsutil::read_limited_text(
            path,
            form::load::MAX_FORM_BYTES,
            crate::fsutil::FileKind::Form,
        )?;
        Ok(FormSource {
            path: path.to_path_buf(),
            src,
        })
    }
}

pub(super) struct Forms {
    standard: Arc<Form>,
}

impl Forms {
    pub fn new() -> Result<Forms> {
        let standard = form::standard_form().map_err(|e| anyhow!("{e}"))?;
        Ok(Forms {
            standard: Arc::new(standard),
        })
    }

    pub fn standard(&self) -> Arc<Form> {
        self.standard.clone()
    }

    /// Checks a form file and keeps its source in the database.
    pub fn register(&self, store: &mut Store, src: FormSource) -> Result<Arc<Form>> {
        let name = src.path.display().to_string();
        let form = form::load_str(&src.src, &name).map_err(|e| anyhow!("{e}"))?;
        if form.id == self.standard.id && form.version <= self.standard.version {
            if form.version == self.standard.version && src.src != form::STANDARD_FORM_SRC {
                refuse!(
                    "ws-form-standard-differs",
                    file = name.as_str(),
                    form = form.id.as_str(),
                    version = form.version.to_string()
                );
            }
            return Ok(self.standard.clone());
        }
        if let Some(existing) = store.form_source(&form.id, form.version)?
            && existing != src.src
        {
            refuse!(
                "ws-form-known-differs",
                file = name.as_str(),
                form = form.id.as_str(),
                version = form.version.to_string()
            );
        }
        store.save_form(&form.id, form.version, &src.src)?;
        Ok(Arc::new(form))
    }

    /// The newest known version of the form an intake was started with. Answers to
    /// questions that still exist carry over; others become orphans (kept, shown).
    pub fn for_intake(&self, store: &Store, form_id: &str, version: u32) -> Result<Arc<Form>> {
        let mut best: Option<(u32, Arc<Form>)> = None;
        if form_id == self.standard.id {
            best = Some((self.standard.version, self.standard.clone()));
        }
        for (v, src) in store.form_sources(form_id)? {
            if best.as_ref().is_none_or(|(bv, _)| v > *bv) {
                let f = form::load_str(&src, &format!("{form_id} v{v} (stored)"))
                    .map_err(|e| anyhow!("{e}"))?;
                best = Some((v, Arc::new(f)));
            }
        }
        match best {
            Some((_, f)) => Ok(f),
            None => {
                refuse!(
                    "ws-form-unknown-version",
                    form = form_id,
                    version = version.to_string()
                )
            }
        }
    }

    /// Every known version of a form, newest first (the built-in one and those kept in
    /// the database). Empty when the form is unknown.
    pub fn versions(&self, store: &Store, form_id: &str) -> Result<Vec<(u32, Arc<Form>)>> {
        let mut out: Vec<(u32, Arc<Form>)> = Vec::new();
        if form_id == self.standard.id {
            out.push((self.standard.version, self.standard.clone()));
        }
        for (v, src) in store.form_sources(form_id)? {
            if out.iter().all(|(known, _)| *known != v) {
                let f = form::load_str(&src, &format!("{form_id} v{v} (stored)"))
                    .map_err(|e| anyhow!("{e}"))?;
                out.push((v, Arc::new(f)));
            }
        }
        out.sort_by_key(|(v, _)| std::cmp::Reverse(*v));
        Ok(out)
    }
}
