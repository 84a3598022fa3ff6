//! The self-filled finish: the bundle the customer sends back, written where they
//! see it, under a name of their own, never over another file, private.

use crate::workspace::Workspace;

/// Writes the intake's bundle for the customer to send back: into their documents
/// folder (else their home folder), named after the customer and the date, never over
/// an existing file, readable by the owner only (it holds names, numbers and an IBAN).
pub(super) fn export_bundle_file(
    ws: &mut Workspace,
    id: i64,
    today: time::Date,
    lang: crate::form::Lang,
) -> anyhow::Result<String> {
    let bundle = ws.store.export_bundle(id)?;
    let customer = ws.store.intake(id)?.customer;
    let dir = return_dir()?;
    let bytes = serde_json::to_vec_pretty(&bundle)?;
    let path = write_new_private(&dir, &return_file_stem(&customer, today), &bytes, lang)?;
    ws.store.set_status(id, crate::store::Status::Exported)?;
    Ok(path.display().to_string())
}

/// A folder the customer sees: Documents, else home, else where the program runs.
fn return_dir() -> anyhow::Result<std::path::PathBuf> {
    match dirs::document_dir()
        .filter(|d| d.is_dir())
        .or_else(dirs::home_dir)
    {
        Some(d) => Ok(d),
        None => Ok(std::env::current_dir()?),
    }
}

/// `intake-<customer>-<date>`: the customer's name in lower case, letters and digits
/// kept, the rest a single dash, at most 40 characters.
pub fn return_file_stem(customer: &str, date: time::Date) -> String {
    let mut slug = String::new();
    for c in customer.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() { "klant" } else { slug };
    format!("intake-{slug}-{date}")
}

/// Creates `dir/stem.json` (or `stem-2.json`, `-3` ... when taken) exclusively, mode
/// 0600 whatever the umask, writes `bytes` and syncs. An existing file, or a link
/// planted in its place, is never written through.
fn write_new_private(
    dir: &std::path::Path,
    stem: &str,
    bytes: &[u8],
    lang: crate::form::Lang,
) -> anyhow::Result<std::path::PathBuf> {
    use std::io::Write;
    use std::os::unix::fs::{OpenOptionsExt, PermissionsExt};
    for n in 1..=999 {
        let name = if n == 1 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{n}.json")
        };
        let path = dir.join(name);
        let mut file = match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => anyhow::bail!("{}: {e}", path.display()),
        };
        let written = file
            .set_permissions(std::fs::Permissions::from_mode(0o600))
            .and_then(|()| file.write_all(bytes))
            .and_then(|()| file.sync_all());
        if let Err(e) = written {
            let _ = std::fs::remove_file(&path);
            anyhow::bail!("{}: {e}", path.display());
        }
        return Ok(path);
    }
    anyhow::bail!(
        "{}",
        crate::t!(
            lang,
            "tui-return-file-taken",
            dir = dir.display().to_string(),
            count = 999,
            stem = stem
        )
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_return_file_is_named_after_the_customer_and_the_date() {
        let d = time::macros::date!(2026 - 11 - 27);
        assert_eq!(
            return_file_stem("Café 't Hoekje B.V.", d),
            "intake-café-t-hoekje-b-v-2026-11-27"
        );
        assert_eq!(return_file_stem("../../etc", d), "intake-etc-2026-11-27");
        assert_eq!(return_file_stem("   ", d), "intake-klant-2026-11-27");
        assert!(return_file_stem(&"x".repeat(500), d).len() < 70);
    }

    #[test]
    fn the_return_file_never_overwrites_and_is_private() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let other = dir.path().join("intake-a-2026-11-27.json");
        std::fs::write(&other, "another customer's file").unwrap();
        std::os::unix::fs::symlink(&other, dir.path().join("intake-a-2026-11-27-2.json")).unwrap();
        let p = write_new_private(
            dir.path(),
            "intake-a-2026-11-27",
            b"{}",
            crate::form::Lang::Nl,
        )
        .unwrap();
        assert_eq!(p.file_name().unwrap(), "intake-a-2026-11-27-3.json");
        assert_eq!(
            std::fs::read_to_string(&other).unwrap(),
            "another customer's file"
        );
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}
