//! `intake invite`: make, end and list the links a customer fills in their intake with.

use anyhow::{Result, bail};
use time::{Duration, OffsetDateTime};

use super::token;
use crate::form::Lang;
use crate::store::InvitationState;
use crate::workspace::{Mode, Workspace, os_user};

/// Longest a link may live.
pub const MAX_DAYS: i64 = 90;

pub enum InviteAction {
    Create { days: i64 },
    Revoke,
    List,
}

/// What the command prints, line by line.
pub fn invite(
    ws: &mut Workspace,
    id: i64,
    action: InviteAction,
    public_url: &str,
    lang: Lang,
) -> Result<Vec<String>> {
    let record = ws.store.intake(id)?;
    if record.deleted_at.is_some() {
        bail!("intake {id} is deleted");
    }
    let now = OffsetDateTime::now_utc();
    match action {
        InviteAction::Create { days } => {
            if !(1..=MAX_DAYS).contains(&days) {
                bail!("--days {days}: give 1 to {MAX_DAYS} days");
            }
            let token = token::new_token()?;
            let expires = now + Duration::days(days);
            ws.store
                .create_invitation(id, &token::token_hash(&token), expires, &os_user())?;
            let mut out = vec![
                format!("{}/f/{token}", public_url.trim_end_matches('/')),
                crate::t!(lang, "web-invite-valid", until = stamp(expires)),
            ];
            if record.mode != Mode::SelfFilled {
                out.push(crate::t!(lang, "web-invite-customer-only"));
            }
            Ok(out)
        }
        InviteAction::Revoke => {
            let n = ws.store.revoke_invitations(id)?;
            Ok(vec![crate::t!(
                lang,
                "web-invite-revoked",
                count = n,
                id = id.to_string()
            )])
        }
        InviteAction::List => {
            let list = ws.store.invitations(id)?;
            if list.is_empty() {
                return Ok(vec![crate::t!(
                    lang,
                    "web-invite-none",
                    id = id.to_string()
                )]);
            }
            let mut out = vec![crate::t!(lang, "web-invite-header")];
            for inv in list {
                let state = inv.state(now);
                let state = match state {
                    InvitationState::Submitted => format!(
                        "submitted {}",
                        inv.submitted_at.map(stamp).unwrap_or_default()
                    ),
                    s => s.as_str().to_string(),
                };
                out.push(format!(
                    "{:<4} {:<10} {:<17} {:<17} {}",
                    inv.id,
                    state,
                    stamp(inv.created_at),
                    stamp(inv.expires_at),
                    inv.created_by
                ));
            }
            Ok(out)
        }
    }
}

fn stamp(t: OffsetDateTime) -> String {
    let f = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]");
    t.format(&f).unwrap_or_default()
}
