//! `intake form check` and `intake form show`.

use super::Ctx;
use super::args::FormCmd;
use crate::form::{self, Lang};
use crate::t;
use anyhow::{Result, anyhow};
use std::process::ExitCode;

pub fn run(ctx: &Ctx, cmd: FormCmd) -> Result<ExitCode> {
    match cmd {
        FormCmd::Check { files } => {
            let mut failed = 0;
            for f in &files {
                match form::load_file(f) {
                    Ok(form) => println!(
                        "{}: {}",
                        f.display(),
                        t!(
                            ctx.lang,
                            "form-check-ok",
                            form = form.id.as_str(),
                            version = form.version.to_string(),
                            sections = form.sections.len(),
                            questions = form.question_count()
                        )
                    ),
                    Err(errs) => {
                        failed += 1;
                        eprintln!("{errs}");
                        eprintln!(
                            "{}: {}",
                            f.display(),
                            t!(ctx.lang, "form-check-errors", count = errs.0.len())
                        );
                    }
                }
            }
            Ok(if failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        FormCmd::Show { file, json } => {
            let form = form::load_file(&file).map_err(|e| anyhow!("{e}"))?;
            if json {
                println!("{}", serde_json::to_string_pretty(&form)?);
            } else {
                print_form(&form, ctx.lang);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_form(form: &form::Form, lang: Lang) {
    println!("{} — {} v{}", form.title.get(lang), form.id, form.version);
    for s in &form.sections {
        let mut tags = Vec::new();
        if let Some(r) = &s.repeat {
            tags.push(t!(
                lang,
                "form-show-repeat",
                min = r.min.to_string(),
                max = r.max.to_string()
            ));
        }
        if s.specialist {
            tags.push(t!(lang, "form-show-specialist"));
        }
        if let Some(e) = &s.relevant {
            tags.push(t!(lang, "form-show-relevant", expr = e.source()));
        }
        let tags = if tags.is_empty() {
            String::new()
        } else {
            format!(" [{}]", tags.join("; "))
        };
        println!("\n{} ({}){tags}", s.title.get(lang), s.id);
        for q in &s.questions {
            let req = match &q.required {
                form::Required::Yes => " *",
                form::Required::If(_) => " *?",
                form::Required::No => "",
            };
            println!(
                "  {}.{:<24} {:<14} {}{req}",
                s.id,
                q.id,
                q.kind.name(),
                q.label.get(lang)
            );
            if !q.choices.is_empty() {
                let ids: Vec<&str> = q.choices.iter().map(|c| c.id.as_str()).collect();
                println!(
                    "  {:>40} {}",
                    "",
                    t!(lang, "form-show-choices", ids = ids.join(", "))
                );
            }
        }
    }
}
