//! Store benchmark (std::time, no criterion): saving one answer with the durable settings
//! (WAL, synchronous=FULL) on a file on disk, and listing 1,000 intakes.
//!
//! Run: `cargo bench --bench store` (`INTAKE_BENCH_PLAIN=1` for a plain file). The database
//! lives under the target directory, which is on disk (not tmpfs), so fsync costs are real.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use intake::store::{Change, Mode, NewIntake, Store};
use serde_json::json;

const SAVES: usize = 2_000;
const INTAKES: usize = 1_000;

fn bench_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("store-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench dir");
    dir
}

fn new_intake(n: usize) -> NewIntake {
    NewIntake {
        customer: format!("Klant {n}"),
        mode: Mode::OnSite,
        form_id: "standard".into(),
        form_version: 1,
    }
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pct = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: n={} median={:.3} ms p90={:.3} ms p95={:.3} ms p99={:.3} ms max={:.3} ms",
        samples.len(),
        ms(pct(0.5)),
        ms(pct(0.9)),
        ms(pct(0.95)),
        ms(pct(0.99)),
        ms(pct(1.0)),
    );
}

fn main() {
    let dir = bench_dir();
    println!("database directory: {}", dir.display());
    // Encrypted (SQLCipher) with a raw key, as every real database is; INTAKE_BENCH_PLAIN=1
    // runs the same on a plain file, to see what the encryption costs.
    let key = intake::store::DbKey::from_secret(&"5a".repeat(32)).expect("key");
    let key = std::env::var_os("INTAKE_BENCH_PLAIN")
        .is_none()
        .then_some(&key);
    println!("encrypted: {}", key.is_some());
    let mut store = Store::open_with(&dir.join("bench.db"), key).expect("open");
    let id = store.create_intake(&new_intake(0)).expect("create");

    // Warm-up: statement cache, WAL file growth.
    for n in 0..100 {
        store
            .save_answer(id, "warm.up", json!(n), "bench")
            .expect("save");
    }
    let mut samples = Vec::with_capacity(SAVES);
    for n in 0..SAVES {
        // 100 distinct keys, each value different from the last: every save is a real
        // change (upsert + history row + updated_at) in its own durable transaction.
        let key = format!("locations[{}].down_mbps", n % 100 + 1);
        let t = Instant::now();
        let changed = store
            .apply(id, &[Change::set(key, json!(n))], "bench")
            .expect("save");
        samples.push(t.elapsed());
        assert_eq!(changed, 1);
    }
    report(
        "save one answer (apply, 1 change, synchronous=FULL)",
        samples,
    );

    for n in 1..INTAKES {
        let id = store.create_intake(&new_intake(n)).expect("create");
        let changes: Vec<Change> = (1..=20)
            .map(|q| Change::set(format!("section.q{q}"), json!(q)))
            .collect();
        store.apply(id, &changes, "bench").expect("fill");
    }
    let mut samples = Vec::new();
    for _ in 0..50 {
        let t = Instant::now();
        let list = store.list_intakes().expect("list");
        samples.push(t.elapsed());
        assert_eq!(list.len(), INTAKES);
    }
    report("list_intakes (1,000 intakes, 20 answers each)", samples);

    let mut samples = Vec::new();
    for _ in 0..200 {
        let t = Instant::now();
        let s = Store::open_with(&dir.join("bench.db"), key).expect("reopen");
        samples.push(t.elapsed());
        drop(s);
    }
    report("open an existing database", samples);
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
