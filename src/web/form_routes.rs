//! The form's routes: a section per page, saving a field (JavaScript) or a whole section
//! (plain POST), adding and removing entries, review and submit.

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use bytes::Bytes;
use std::collections::{BTreeMap, HashMap};
use std::net::SocketAddr;

use super::error::{Failure, internal};
use super::form_page::{self, Pending, SectionPage};
use super::{LangQuery, Shared, WEB_AUTHOR, WebError, token};
use crate::form::{AnswerKey, Audience, Evaluation, Form, Lang, Msg};
use crate::store::{Invitation, InvitationState};
use crate::workspace::{Loaded, Workspace, today};

/// An invitation that opened, with what the pages need to know about it.
#[derive(Clone)]
pub struct Link {
    pub token: String,
    pub inv: Invitation,
    pub csrf: String,
    pub read_only: bool,
}

impl Link {
    pub fn base(&self) -> String {
        format!("/f/{}", self.token)
    }
}

/// Opens the link `token` for a request from `ip`, or says why not. Unknown, altered,
/// expired and revoked links all get the same answer; unknown ones count against `ip`.
pub async fn open_link(
    app: &Shared,
    token: &str,
    ip: SocketAddr,
    lang: Lang,
) -> Result<Link, Failure> {
    if !app.limiter.allowed(ip.ip()) {
        return Err(Failure(lang, WebError::TooMany));
    }
    let owned = token.to_string();
    let inv = app
        .with_ws(move |ws| token::find(&ws.store, &owned))
        .await
        .map_err(|e| internal(lang, e))?;
    let Some(inv) = inv else {
        app.limiter.failed(ip.ip());
        return Err(Failure(lang, WebError::Gone));
    };
    let read_only = match inv.state(time::OffsetDateTime::now_utc()) {
        InvitationState::Open => false,
        InvitationState::Submitted => true,
        InvitationState::Expired | InvitationState::Revoked => {
            return Err(Failure(lang, WebError::Gone));
        }
    };
    Ok(Link {
        csrf: token::csrf_for(&app.csrf_key, &inv.token_hash),
        token: token.to_string(),
        inv,
        read_only,
    })
}

/// The sections a customer sees, as indices into the form: never a specialist section,
/// nor one whose questions are all for the specialist.
pub fn customer_sections(form: &Form, eval: &Evaluation) -> Vec<usize> {
    form.sections
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            !s.specialist
                && eval.sections.get(*i).is_some_and(|st| st.visible)
                && s.questions.iter().any(|q| !q.specialist)
        })
        .map(|(i, _)| i)
        .collect()
}

/// Loads the link's intake and evaluates it as the customer sees it.
async fn load_view(
    app: &Shared,
    link: &Link,
    extra: HashMap<String, usize>,
    lang: Lang,
) -> Result<(Loaded, Evaluation), Failure> {
    let id = link.inv.intake_id;
    app.with_ws(move |ws| {
        let loaded = ws.load(id)?;
        let eval = loaded
            .form
            .evaluate_with(&loaded.answers, Audience::Customer, today(), &extra);
        Ok((loaded, eval))
    })
    .await
    .map_err(|e| internal(lang, e))
}

fn extra_for(form: &Form, idx: usize, q: &LangQuery) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    if let (Some(s), Some(n)) = (form.sections.get(idx), q.extra)
        && s.repeat.is_some()
    {
        m.insert(s.id.clone(), n);
    }
    m
}

pub fn lang_of_uri(uri: &Uri) -> Lang {
    uri.query()
        .and_then(|q| {
            form_urlencoded::parse(q.as_bytes())
                .find(|(k, _)| k == "lang")
                .and_then(|(_, v)| Lang::parse(&v))
        })
        .unwrap_or_default()
}

pub async fn home(uri: Uri) -> Response {
    let lang = lang_of_uri(&uri);
    form_page::home(lang).into_response()
}

pub async fn not_found(uri: Uri) -> Response {
    WebError::NotFound.into_page(lang_of_uri(&uri))
}

pub async fn start(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
) -> Result<Response, Failure> {
    let lang = q.lang();
    let link = open_link(&app, &token, ip, lang).await?;
    let (loaded, eval) = load_view(&app, &link, HashMap::new(), lang).await?;
    let sections = customer_sections(&loaded.form, &eval);
    let to = match (link.read_only, sections.first()) {
        (false, Some(first)) => format!("{}/s/{first}?lang={}", link.base(), lang.code()),
        _ => format!("{}/review?lang={}", link.base(), lang.code()),
    };
    Ok(Redirect::to(&to).into_response())
}

/// Renders section `idx` (with typed values and messages that were not saved).
async fn render_section(
    app: &Shared,
    link: &Link,
    idx: usize,
    q: &LangQuery,
    pending: Pending,
    status: StatusCode,
) -> Result<Response, Failure> {
    let lang = q.lang();
    let extra = HashMap::new();
    let (loaded, _) = load_view(app, link, extra, lang).await?;
    let extra = extra_for(&loaded.form, idx, q);
    let eval = loaded
        .form
        .evaluate_with(&loaded.answers, Audience::Customer, today(), &extra);
    let sections = customer_sections(&loaded.form, &eval);
    if !sections.contains(&idx) {
        return Err(Failure(lang, WebError::NotFound));
    }
    let page = SectionPage {
        lang,
        link,
        loaded: &loaded,
        eval: &eval,
        sections: &sections,
        idx,
        extra: q.extra,
        pending: &pending,
    };
    Ok((status, form_page::section(&page)).into_response())
}

pub async fn section(
    State(app): State<Shared>,
    Path((token, idx)): Path<(String, usize)>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
) -> Result<Response, Failure> {
    let link = open_link(&app, &token, ip, q.lang()).await?;
    render_section(&app, &link, idx, &q, Pending::default(), StatusCode::OK).await
}

/// A urlencoded body as (name, value) pairs, in order, repeated names kept.
fn pairs(body: &Bytes) -> Vec<(String, String)> {
    form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Opens the link for a POST that changes something: the body as pairs, its CSRF token
/// checked, and a read-only (submitted) link refused.
pub async fn open_for_write(
    app: &Shared,
    token: &str,
    ip: SocketAddr,
    lang: Lang,
    body: &Bytes,
) -> Result<(Link, Vec<(String, String)>), Failure> {
    let link = open_link(app, token, ip, lang).await?;
    let pairs = pairs(body);
    may_write(app, &link, &pairs, lang)?;
    Ok((link, pairs))
}

/// Checks the CSRF token of a POST and that the link may still change answers.
fn may_write(
    app: &Shared,
    link: &Link,
    pairs: &[(String, String)],
    lang: Lang,
) -> Result<(), Failure> {
    let given = field(pairs, "csrf").unwrap_or_default();
    if !token::csrf_ok(&app.csrf_key, &link.inv.token_hash, given) || link.read_only {
        return Err(Failure(lang, WebError::Forbidden));
    }
    Ok(())
}

/// Whether the customer may answer `key` in section `idx`: the key is in that section,
/// names a question the customer is shown (never a specialist one) that takes input.
fn customer_key(form: &Form, idx: usize, key: &str) -> bool {
    let Some(section) = form.sections.get(idx) else {
        return false;
    };
    let Ok(k) = AnswerKey::parse(key) else {
        return false;
    };
    k.scope == section.id
        && !section.specialist
        && section.repeat.is_some() == k.instance.is_some()
        && form
            .find(&k.path())
            .is_some_and(|(_, q)| !q.specialist && q.kind.is_input())
}

/// Checks and saves what the customer typed for `inputs` (key, text). Returns the refused
/// inputs with their messages; all accepted ones are saved in one transaction.
fn save_inputs(
    ws: &mut Workspace,
    id: i64,
    idx: usize,
    inputs: Vec<(String, String)>,
) -> anyhow::Result<Pending> {
    let loaded = ws.load(id)?;
    let mut refused = BTreeMap::new();
    let mut good = Vec::new();
    for (key, input) in inputs {
        if !customer_key(&loaded.form, idx, &key) {
            continue;
        }
        let checked = loaded.check_input(&key, &input).and_then(|(k, v)| {
            loaded
                .form
                .check_answer_as(&k, &v, &loaded.answers, Audience::Customer, today())
                .map_err(|message| crate::workspace::SetError {
                    key: key.clone(),
                    message,
                })
        });
        match checked {
            Ok(()) => good.push((key, input)),
            Err(e) => {
                refused.insert(key, (input, e.message));
            }
        }
    }
    if !good.is_empty()
        && let Err(e) = ws.set_answers_by(id, &good, WEB_AUTHOR)
    {
        // A check across answers saved together (rare): try them one by one.
        if e.downcast_ref::<crate::workspace::SetError>().is_none() {
            return Err(e);
        }
        for (key, input) in good {
            if let Err(e) = ws.set_answers_by(id, &[(key.clone(), input.clone())], WEB_AUTHOR) {
                match e.downcast::<crate::workspace::SetError>() {
                    Ok(se) => {
                        refused.insert(key, (input, se.message));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(Pending { refused })
}

/// The answer inputs of a section POST: each rendered key (`_k`) with its values joined
/// (checkboxes send one value each; none at all means "cleared").
fn section_inputs(pairs: &[(String, String)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .filter(|(k, _)| k == "_k")
        .map(|(_, key)| {
            let values: Vec<&str> = pairs
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
                .collect();
            (key.clone(), values.join(","))
        })
        .collect()
}

/// The plain POST of a whole section (works without JavaScript), then where to go.
pub async fn post_section(
    State(app): State<Shared>,
    Path((token, idx)): Path<(String, usize)>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Result<Response, Failure> {
    let lang = q.lang();
    let (link, pairs) = open_for_write(&app, &token, ip, lang, &body).await?;
    let action = field(&pairs, "action").unwrap_or("save").to_string();
    let inputs = section_inputs(&pairs);
    let id = link.inv.intake_id;
    let remove = action
        .strip_prefix("remove:")
        .and_then(|n| n.parse::<usize>().ok());
    let pending = app
        .with_ws(move |ws| {
            let pending = save_inputs(ws, id, idx, inputs)?;
            if let Some(n) = remove {
                let form = ws.load(id)?.form;
                if let Some(s) = form
                    .sections
                    .get(idx)
                    .filter(|s| s.repeat.is_some() && !s.specialist)
                {
                    ws.remove_entry_by(id, &s.id, n, WEB_AUTHOR)?;
                }
            }
            Ok(pending)
        })
        .await
        .map_err(|e| internal(lang, e))?;
    if !pending.refused.is_empty() {
        return render_section(
            &app,
            &link,
            idx,
            &q,
            pending,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let (loaded, eval) = load_view(&app, &link, HashMap::new(), lang).await?;
    let sections = customer_sections(&loaded.form, &eval);
    let pos = sections.iter().position(|&s| s == idx);
    let base = link.base();
    let code = lang.code();
    let to = match action.as_str() {
        "next" => match pos.and_then(|p| sections.get(p + 1)) {
            Some(n) => format!("{base}/s/{n}?lang={code}"),
            None => format!("{base}/review?lang={code}"),
        },
        "prev" => match pos
            .and_then(|p| p.checked_sub(1))
            .and_then(|p| sections.get(p))
        {
            Some(n) => format!("{base}/s/{n}?lang={code}"),
            None => format!("{base}/s/{idx}?lang={code}"),
        },
        "add" => {
            let group = loaded
                .form
                .sections
                .get(idx)
                .map(|s| s.id.clone())
                .unwrap_or_default();
            let n = loaded.entry_count(&group).max(q.extra.unwrap_or(0)) + 1;
            format!("{base}/s/{idx}?lang={code}&extra={n}#entry-{n}")
        }
        _ => format!("{base}/s/{idx}?lang={code}"),
    };
    Ok(Redirect::to(&to).into_response())
}

/// Saves one field when the customer leaves it (JavaScript), and answers with the section
/// as it is now: relevance, calculations and messages updated.
pub async fn save_field(
    State(app): State<Shared>,
    Path((token, idx)): Path<(String, usize)>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Result<Response, Failure> {
    let lang = q.lang();
    let (link, pairs) = open_for_write(&app, &token, ip, lang, &body).await?;
    let key = field(&pairs, "key").unwrap_or_default().to_string();
    let value = field(&pairs, "value").unwrap_or_default().to_string();
    let id = link.inv.intake_id;
    let pending = app
        .with_ws(move |ws| save_inputs(ws, id, idx, vec![(key, value)]))
        .await
        .map_err(|e| internal(lang, e))?;
    let saved = pending.refused.is_empty();
    let mut res = render_section(&app, &link, idx, &q, pending, StatusCode::OK).await?;
    res.headers_mut().insert(
        "x-saved",
        axum::http::HeaderValue::from_static(if saved { "1" } else { "0" }),
    );
    Ok(res)
}

pub async fn review(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
) -> Result<Response, Failure> {
    let lang = q.lang();
    let link = open_link(&app, &token, ip, lang).await?;
    let (loaded, eval) = load_view(&app, &link, HashMap::new(), lang).await?;
    let sections = customer_sections(&loaded.form, &eval);
    Ok(form_page::review(lang, &link, &loaded, &eval, &sections, None).into_response())
}

pub async fn submit(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Result<Response, Failure> {
    let lang = q.lang();
    let (link, pairs) = open_for_write(&app, &token, ip, lang, &body).await?;
    let (loaded, eval) = load_view(&app, &link, HashMap::new(), lang).await?;
    let sections = customer_sections(&loaded.form, &eval);
    let problem = if field(&pairs, "confirm") != Some("yes") {
        Some(Msg::new(
            crate::t!(Lang::Nl, "web-confirm-needed"),
            crate::t!(Lang::En, "web-confirm-needed"),
        ))
    } else if !eval.complete() {
        Some(Msg::new(
            crate::t!(Lang::Nl, "web-submit-blocked"),
            crate::t!(Lang::En, "web-submit-blocked"),
        ))
    } else {
        None
    };
    if let Some(p) = problem {
        let page = form_page::review(lang, &link, &loaded, &eval, &sections, Some(&p));
        return Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response());
    }
    let inv = link.inv.id;
    app.with_ws(move |ws| Ok(ws.store.submit_invitation(inv)?))
        .await
        .map_err(|e| internal(lang, e))?;
    Ok(Redirect::to(&format!("{}/review?lang={}", link.base(), lang.code())).into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_inputs_join_checkboxes_and_clear_absent_ones() {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let got = section_inputs(&[
            p("_k", "users[1].options"),
            p("users[1].options", "visio"),
            p("users[1].options", "access"),
            p("_k", "company.kvk"),
            p("csrf", "x"),
        ]);
        assert_eq!(
            got,
            vec![p("users[1].options", "visio,access"), p("company.kvk", "")]
        );
    }

    #[test]
    fn a_customer_may_never_write_a_specialist_question() {
        let form = crate::form::standard_form().unwrap();
        for (si, s) in form.sections.iter().enumerate() {
            for q in &s.questions {
                let key = match s.repeat {
                    Some(_) => format!("{}[1].{}", s.id, q.id),
                    None => format!("{}.{}", s.id, q.id),
                };
                let allowed = customer_key(&form, si, &key);
                if s.specialist || q.specialist || !q.kind.is_input() {
                    assert!(!allowed, "{key}");
                } else {
                    assert!(allowed, "{key}");
                }
                // Never through another section's page.
                assert!(!customer_key(&form, (si + 1) % form.sections.len(), &key));
            }
        }
    }
}
