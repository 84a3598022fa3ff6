//! Import benchmark (std::time, no criterion): the large bundle of field use (62,000
//! history rows over ten answers, ~7 MB) parsed, checked against the form, imported as a
//! new intake into a database on disk, and merged again into that intake.
//!
//! Run: `cargo bench --bench import`. Wall time and this process's CPU time are both
//! printed: on a shared machine the wall time includes waiting for a core.

#[path = "../tests/common/big_bundle.rs"]
mod big_bundle;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use intake::store::{Bundle, Resolution, Store};
use intake::workspace::Workspace;

const ROWS: usize = 62_000;
const RUNS: usize = 5;

fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes into the zeroed struct we pass.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}

fn timed<T>(samples: &mut Vec<(Duration, Duration)>, f: impl FnOnce() -> T) -> T {
    let (wall, cpu) = (Instant::now(), cpu_time());
    let out = f();
    samples.push((wall.elapsed(), cpu_time() - cpu));
    out
}

fn report(name: &str, mut samples: Vec<(Duration, Duration)>) {
    samples.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let (wall, cpu) = samples[samples.len() / 2];
    let (max_wall, _) = samples[samples.len() - 1];
    println!(
        "{name}: n={} median wall={:.1} ms (cpu {:.1} ms) max wall={:.1} ms",
        samples.len(),
        ms(wall),
        ms(cpu),
        ms(max_wall)
    );
}

fn bench_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("import-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench dir");
    dir
}

fn main() {
    let bytes = serde_json::to_vec(&big_bundle::big_bundle("Groot Bedrijf", ROWS)).unwrap();
    println!("bundle: {} bytes, {ROWS} history rows", bytes.len());
    let dir = bench_dir();
    let (mut parse, mut check, mut import, mut merge, mut whole) =
        (vec![], vec![], vec![], vec![], vec![]);
    for run in 0..RUNS {
        let db = dir.join(format!("import-{run}.db"));
        let mut ws = Workspace::with_store(Store::open(&db).unwrap()).unwrap();
        let started = (Instant::now(), cpu_time());
        let bundle = timed(&mut parse, || Bundle::parse(&bytes).unwrap());
        let bundle = timed(&mut check, || ws.normalised(&bundle).unwrap());
        let id = timed(&mut import, || ws.import_bundle(&bundle).unwrap());
        whole.push((started.0.elapsed(), cpu_time() - started.1));
        timed(&mut merge, || {
            ws.merge_bundle(id, &bundle, &Resolution::default())
                .unwrap()
        });
    }
    report("parse", parse);
    report("check+normalise", check);
    report("import as new (one transaction)", import);
    report("parse+check+import", whole);
    report("merge again into the same intake", merge);
}
