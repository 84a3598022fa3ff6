//! The HTML of the form pages (maud: every value is escaped). One section per page,
//! labels a screen reader reads, the customer's plain-language labels and hints.

use maud::{DOCTYPE, Markup, html};
use std::collections::BTreeMap;

use super::form_routes::Link;
use crate::form::eval::key_of;
use crate::form::{Evaluation, ItemState, Kind, Lang, Msg, Question, Section, Value};
use crate::workspace::Loaded;

/// What the customer typed that was not saved, with the reason, by answer key.
#[derive(Default, Debug)]
pub struct Pending {
    pub refused: BTreeMap<String, (String, Msg)>,
}

/// The page frame: language, viewport, our own style and script, a skip link.
pub fn layout(lang: Lang, title: &str, switch: Option<&str>, body: Markup) -> Markup {
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="same-origin";
                title { (title) }
                link rel="stylesheet" href="/static/style.css";
                script src="/static/form.js" defer {}
            }
            body {
                a.skip href="#main" { (crate::t!(lang, "web-skip")) }
                header.top {
                    span.brand { (crate::t!(lang, "web-title")) }
                    @if let Some(href) = switch {
                        a.lang href=(href) lang=(lang.toggle().code()) hreflang=(lang.toggle().code()) {
                            (crate::t!(lang, "web-language"))
                        }
                    }
                }
                main #main { (body) }
            }
        }
    }
}

pub fn home(lang: Lang) -> Markup {
    layout(
        lang,
        &crate::t!(lang, "web-title"),
        None,
        html! { p.notice { (crate::t!(lang, "web-gone")) } },
    )
}

/// `locations[2].name` → `f-locations-2-name`: an id HTML and CSS take as it is.
pub fn field_id(key: &str) -> String {
    let mut s = String::from("f-");
    for c in key.chars() {
        s.push(if c.is_ascii_alphanumeric() || c == '_' {
            c
        } else {
            '-'
        });
    }
    s.trim_end_matches('-').to_string()
}

pub struct SectionPage<'a> {
    pub lang: Lang,
    pub link: &'a Link,
    pub loaded: &'a Loaded,
    pub eval: &'a Evaluation,
    pub sections: &'a [usize],
    pub idx: usize,
    pub extra: Option<usize>,
    pub pending: &'a Pending,
}

fn section_url(link: &Link, idx: usize, lang: Lang) -> String {
    format!("{}/s/{idx}?lang={}", link.base(), lang.code())
}

/// Step, progress bar and the list of sections.
fn progress(p: &SectionPage<'_>) -> Markup {
    let lang = p.lang;
    let pos = p.sections.iter().position(|&s| s == p.idx).unwrap_or(0) + 1;
    let pct = p.eval.progress_percent();
    html! {
        p.step {
            (crate::t!(lang, "web-step")) " " (pos) " " (crate::t!(lang, "web-of")) " " (p.sections.len())
            " · " (pct) "% " (crate::t!(lang, "web-progress"))
        }
        progress max="100" value=(pct) aria-label=(crate::t!(lang, "web-progress")) { (pct) "%" }
        details.toc {
            summary { (crate::t!(lang, "web-sections")) }
            ol {
                @for &si in p.sections {
                    @let s = &p.loaded.form.sections[si];
                    @let st = &p.eval.sections[si];
                    li {
                        @if si == p.idx {
                            a href=(section_url(p.link, si, lang)) aria-current="step" { (s.title.get(lang)) }
                        } @else {
                            a href=(section_url(p.link, si, lang)) { (s.title.get(lang)) }
                        }
                        @if st.missing > 0 { " (" (st.missing) ")" }
                    }
                }
                li { a href=(format!("{}/review?lang={}", p.link.base(), lang.code())) { (crate::t!(lang, "web-review")) } }
            }
        }
    }
}

pub fn section(p: &SectionPage<'_>) -> Markup {
    let lang = p.lang;
    let s: &Section = &p.loaded.form.sections[p.idx];
    let st = &p.eval.sections[p.idx];
    let extra = p.extra.map(|n| format!("&extra={n}")).unwrap_or_default();
    let action = format!("{}/s/{}?lang={}{extra}", p.link.base(), p.idx, lang.code());
    let save = format!(
        "{}/s/{}/field?lang={}{extra}",
        p.link.base(),
        p.idx,
        lang.code()
    );
    let switch = format!(
        "{}/s/{}?lang={}{extra}",
        p.link.base(),
        p.idx,
        lang.toggle().code()
    );
    let ro = p.link.read_only;
    let body = html! {
        h1 { (s.title.get(lang)) }
        (progress(p))
        @if ro { p.notice role="status" { (crate::t!(lang, "web-read-only")) } }
        @if let Some(intro) = &s.intro { p.intro { (intro.get(lang)) } }
        form #section method="post" action=(action) data-save=[(!ro).then_some(save.as_str())] data-csrf=(p.link.csrf) novalidate {
            input type="hidden" name="csrf" value=(p.link.csrf);
            @if s.repeat.is_some() {
                @let item = s.repeat.as_ref().map(|r| r.item.get(lang)).unwrap_or_default();
                @for entry in 0..st.instances {
                    fieldset.entry #(format!("entry-{}", entry + 1)) {
                        legend { (item) " " (entry + 1) }
                        (questions(p, s, entry, ro))
                        @if !ro {
                            button.secondary type="submit" name="action" value=(format!("remove:{}", entry + 1))
                                formnovalidate {
                                (crate::t!(lang, "web-remove")) " " (item) " " (entry + 1)
                            }
                        }
                    }
                }
                @if !ro && s.repeat.as_ref().is_some_and(|r| st.instances < r.max) {
                    button.secondary type="submit" name="action" value="add" { (crate::t!(lang, "web-add")) ": " (item) }
                }
            } @else {
                (questions(p, s, 0, ro))
            }
            @if !ro {
                div.nav {
                    button.secondary type="submit" name="action" value="prev" { (crate::t!(lang, "web-prev")) }
                    button.nojs type="submit" name="action" value="save" { (crate::t!(lang, "web-save")) }
                    button type="submit" name="action" value="next" { (crate::t!(lang, "web-next")) }
                }
                p #status role="status" aria-live="polite" data-saved=(crate::t!(lang, "web-saved")) data-failed=(crate::t!(lang, "web-save-failed")) {}
            }
        }
        p.speedlink { a href=(format!("{}/speed?lang={}", p.link.base(), lang.code())) { (crate::t!(lang, "web-speed-link")) } }
    };
    layout(lang, s.title.get(lang), Some(&switch), body)
}

fn questions(p: &SectionPage<'_>, s: &Section, entry: usize, ro: bool) -> Markup {
    let st = &p.eval.sections[p.idx];
    html! {
        @for (qi, q) in s.questions.iter().enumerate() {
            @if let Some(item) = st.items.get(entry).and_then(|r| r.get(qi)) {
                @if item.visible && !q.specialist {
                    (question(p, &key_of(s, entry, q), q, item, ro))
                }
            }
        }
    }
}

fn question(p: &SectionPage<'_>, key: &str, q: &Question, item: &ItemState, ro: bool) -> Markup {
    let lang = p.lang;
    let id = field_id(key);
    let label = q.label_for(lang, true);
    let hint = q.hint.as_ref().map(|h| h.get(lang));
    let refused = p.pending.refused.get(key);
    let error: Option<&str> = refused
        .map(|(_, m)| m.get(lang))
        .or_else(|| item.error.as_ref().map(|m| m.get(lang)));
    let warning = item.warning.as_ref().map(|m| m.get(lang));
    let value = match refused {
        Some((typed, _)) => typed.clone(),
        None => q.input_text(&item.value),
    };
    let hint_id = format!("{id}-hint");
    let err_id = format!("{id}-err");
    let described = [hint.map(|_| hint_id.clone()), error.map(|_| err_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = error.map(|_| "true");
    let req = item.required && q.kind.is_input();
    let marker = html! { @if req { " " abbr title=(crate::t!(lang, "web-required")) { "*" } } };
    let messages = html! {
        @if let Some(h) = hint { p.hint #(hint_id) { (h) } }
        @if let Some(e) = error { p.error #(err_id) role="alert" { (e) } }
        @if let Some(w) = warning { p.warning { (w) } }
    };
    let kept = html! { input type="hidden" name="_k" value=(key); };
    html! {
        div.q #(format!("q-{id}")) .invalid[error.is_some()] {
            @match q.kind {
                Kind::Note => { p.note { (label) } @if let Some(h) = hint { p.hint { (h) } } }
                Kind::Calculated => {
                    p.label { (label) }
                    output #(id) aria-live="polite" { (q.display(&item.value, lang)) }
                    @if let Some(h) = hint { p.hint { (h) } }
                }
                Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice => {
                    fieldset.choices aria-describedby=[described.as_deref()] aria-invalid=[invalid] {
                        legend { (label) (marker) }
                        (messages)
                        @let chosen: Vec<&str> = value.split(',').map(str::trim).collect();
                        @let multi = q.kind == Kind::MultiChoice;
                        @for (cid, clabel) in choices(q, lang) {
                            @let oid = format!("{id}-{cid}");
                            div.choice {
                                input type=(if multi { "checkbox" } else { "radio" }) name=(key) #(oid)
                                    value=(cid) checked[chosen.contains(&cid.as_str())] disabled[ro];
                                label for=(oid) { (clabel) }
                            }
                        }
                    }
                    @if !ro { (kept) }
                }
                Kind::LongText => {
                    label for=(id) { (label) (marker) }
                    (messages)
                    textarea #(id) name=(key) rows="4" aria-describedby=[described.as_deref()]
                        aria-invalid=[invalid] disabled[ro] { (value) }
                    @if !ro { (kept) }
                }
                _ => {
                    label for=(id) { (label) (marker) @if let Some(u) = &q.unit { " (" (u) ")" } }
                    (messages)
                    input #(id) name=(key) type=(input_type(q.kind)) value=(value)
                        inputmode=[input_mode(q.kind)] autocomplete=[autocomplete(q.kind)]
                        aria-describedby=[described.as_deref()] aria-invalid=[invalid] disabled[ro];
                    @if !ro { (kept) }
                }
            }
        }
    }
}

/// The choices of a choice question; yes/no as two choices.
fn choices(q: &Question, lang: Lang) -> Vec<(String, String)> {
    if q.kind == Kind::YesNo {
        return vec![
            ("yes".into(), crate::t!(lang, "web-yes")),
            ("no".into(), crate::t!(lang, "web-no")),
        ];
    }
    q.choices
        .iter()
        .map(|c| (c.id.clone(), c.label.get(lang).to_string()))
        .collect()
}

fn input_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Email => "email",
        Kind::MobileNl => "tel",
        Kind::Date => "date",
        _ => "text",
    }
}

fn input_mode(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Integer | Kind::Kvk => Some("numeric"),
        Kind::Decimal => Some("decimal"),
        _ => None,
    }
}

fn autocomplete(kind: Kind) -> Option<&'static str> {
    match kind {
        Kind::Email => Some("email"),
        Kind::MobileNl => Some("tel"),
        Kind::PostcodeNl => Some("postal-code"),
        _ => None,
    }
}

/// The review page: per section what is answered, missing or wrong; then the
/// responsibility confirmation (FAQ 3.3) and submit. Read-only after submitting.
pub fn review(
    lang: Lang,
    link: &Link,
    loaded: &Loaded,
    eval: &Evaluation,
    sections: &[usize],
    problem: Option<&Msg>,
) -> Markup {
    let switch = format!("{}/review?lang={}", link.base(), lang.toggle().code());
    let action = format!("{}/submit?lang={}", link.base(), lang.code());
    let ro = link.read_only;
    let body = html! {
        h1 { (crate::t!(lang, "web-review")) }
        @if ro { p.notice role="status" { (crate::t!(lang, "web-submitted")) } }
        @for &si in sections {
            @let s = &loaded.form.sections[si];
            @let st = &eval.sections[si];
            section.review {
                h2 { a href=(section_url(link, si, lang)) { (s.title.get(lang)) } }
                @for entry in 0..st.instances {
                    @if s.repeat.is_some() {
                        h3 { (s.repeat.as_ref().map(|r| r.item.get(lang)).unwrap_or_default()) " " (entry + 1) }
                    }
                    dl {
                        @for (qi, q) in s.questions.iter().enumerate() {
                            @if let Some(item) = st.items.get(entry).and_then(|r| r.get(qi)) {
                                @if item.visible && !q.specialist && q.kind != Kind::Note {
                                    dt { (q.label_for(lang, true)) }
                                    dd .missing[item.missing()] .invalid[item.error.is_some()] {
                                        @if item.missing() { strong { (crate::t!(lang, "web-missing")) } }
                                        @else if item.value.is_null() { (crate::t!(lang, "web-no-answer")) }
                                        @else { (display(q, &item.value, lang)) }
                                        @if let Some(e) = &item.error { " — " strong { (e.get(lang)) } }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        @if !ro {
            @let missing = eval.total_missing();
            @let errors = eval.total_errors();
            @if missing == 0 && errors == 0 {
                p.ok { (crate::t!(lang, "web-all-done")) }
            } @else {
                p.notice { (crate::t!(lang, "web-missing")) ": " (missing) " · " (crate::t!(lang, "web-errors")) ": " (errors) }
            }
            @if let Some(m) = problem { p.error role="alert" { (m.get(lang)) } }
            form.submit method="post" action=(action) {
                input type="hidden" name="csrf" value=(link.csrf);
                div.choice {
                    input type="checkbox" #confirm name="confirm" value="yes";
                    label for="confirm" { (crate::t!(lang, "web-confirm")) }
                }
                button type="submit" { (crate::t!(lang, "web-submit")) }
            }
        }
        p.speedlink { a href=(format!("{}/speed?lang={}", link.base(), lang.code())) { (crate::t!(lang, "web-speed-link")) } }
    };
    layout(lang, &crate::t!(lang, "web-review"), Some(&switch), body)
}

fn display(q: &Question, v: &Value, lang: Lang) -> Markup {
    html! { (q.display(v, lang)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_ids_are_plain() {
        assert_eq!(field_id("locations[2].name"), "f-locations-2--name");
        assert_eq!(field_id("company.kvk"), "f-company-kvk");
    }
}
