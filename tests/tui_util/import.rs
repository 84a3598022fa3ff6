//! A bundle sent to a customer and returned with changes, while the intake changed here
//! too: the material of the import tests (screens, keys, fit).

use super::{Fixture, set};
use intake::store::{Bundle, Mode};
use std::path::{Path, PathBuf};

/// A fixed export time, so the preview says the same date on every run.
const EXPORTED_AT: &str = "2026-02-27T10:00:00Z";

/// The intake "Bakkerij Jansen" in `fx`, exported, then changed on both sides:
/// the customer (a second database) changes sector, go-live date, the first location's
/// workstations and the city, and adds a contact name; here the same three answers are
/// changed to other values and the postcode too. Returns the intake's id and the file
/// the customer sent back.
pub fn returned_bundle(fx: &Fixture) -> (i64, PathBuf) {
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut ws = fx.ws();
    set(
        &mut ws,
        id,
        &[
            ("company.sector", "services"),
            ("company.city", "Utrecht"),
            ("company.postcode", "3511 AA"),
            ("planning.go_live", "2027-01-15"),
            ("locations[1].name", "Winkel"),
            ("locations[1].workstations", "6"),
        ],
    );
    let sent = ws.store.export_bundle(id).expect("export");
    // The customer's side.
    let theirs = Fixture::new();
    let mut their_ws = theirs.ws();
    let their_id = their_ws.import_bundle(&sent).expect("import on their side");
    set(
        &mut their_ws,
        their_id,
        &[
            ("company.sector", "healthcare"),
            ("planning.go_live", "2027-03-15"),
            ("locations[1].workstations", "10"),
            ("company.city", "Amersfoort"),
            ("intake.contact_name", "Jan de Vries"),
        ],
    );
    let back = their_ws.store.export_bundle(their_id).expect("export back");
    // Here, meanwhile.
    set(
        &mut ws,
        id,
        &[
            ("company.sector", "trade"),
            ("planning.go_live", "2027-02-01"),
            ("locations[1].workstations", "8"),
            ("company.postcode", "3512 BB"),
        ],
    );
    (id, write_bundle(fx.dir.path(), "jansen.json", back))
}

pub fn write_bundle(dir: &Path, name: &str, mut b: Bundle) -> PathBuf {
    b.exported_at =
        time::OffsetDateTime::parse(EXPORTED_AT, &time::format_description::well_known::Rfc3339)
            .unwrap();
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(&b).unwrap()).unwrap();
    path
}
