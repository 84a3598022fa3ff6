//! Mutation fuzzing in the normal suite: valid bundles, probe files, form files and
//! expressions, mutated (bytes and JSON structure), fed to the parsers and, when accepted,
//! imported. No input may panic or hang, and every accepted bundle leaves a database that
//! passes `integrity_check` with every answer valid against the form.
//!
//! Seeded (`INTAKE_FUZZ_SEED` to replay another run) and bounded in time: each kind of
//! input gets `BUDGET`, the whole test fails after `HANG_LIMIT`.

use intake::form::expr::{Expr, MapEnv};
use intake::form::{AnswerKey, Audience};
use intake::probe::workstation::WorkstationProbe;
use intake::store::{Bundle, Resolution, Store, same_value};
use intake::workspace::Workspace;
use serde_json::{Value as Json, json};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

const BUDGET: Duration = Duration::from_millis(1500);
/// Cases run whatever the time: the first ones of a seed are the same on every machine.
const MIN_CASES: usize = 40;
const MAX_CASES: usize = 5_000;
const HANG_LIMIT: Duration = Duration::from_secs(120);
const DEFAULT_SEED: u64 = 0x1417_2026_1127;

/// xorshift64*: small, deterministic, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const TOKENS: &[&str] = &[
    "\u{1b}]2;X\u{7}",
    "\\u001b",
    "\\u0000",
    "\u{9b}",
    "\r\n",
    "-1",
    "0",
    "1e999",
    "-2026-01-01",
    "99999999999999999999",
    "null",
    "true",
    "[]",
    "{}",
    "[[[[[[[[[[",
    "\"",
    ",",
    ":",
    "}",
    "]",
    "NaN",
    "\"\"",
    "NL91ABNA0417164300",
    "3542ab",
    "x[1].y",
    "users[0].name",
    "=",
    "'",
    "(",
    ")",
    "selected(",
    "sum(",
    ".",
    "today()",
    "+",
    "/",
    "0.0",
];

fn mutate_bytes(rng: &mut Rng, src: &[u8]) -> Vec<u8> {
    let mut b = src.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(b.len() + 1);
        match rng.below(6) {
            0 if !b.is_empty() => {
                let i = at.min(b.len() - 1);
                b[i] = rng.next() as u8;
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                b.splice(at..at, t.iter().copied());
            }
            2 => {
                let end = (at + rng.below(64)).min(b.len());
                b.drain(at..end);
            }
            3 => {
                let end = (at + rng.below(256)).min(b.len());
                let chunk = b[at..end].to_vec();
                b.splice(at..at, chunk);
            }
            4 => b.truncate(at),
            _ => {
                let i = at.min(b.len().saturating_sub(1));
                if let Some(c) = b.get_mut(i) {
                    *c = b"0123456789\"{}[],:-.aZ"[rng.below(21)];
                }
            }
        }
    }
    b
}

fn interesting(rng: &mut Rng) -> Json {
    match rng.below(12) {
        0 => Json::Null,
        1 => json!(-1),
        2 => json!(1e300),
        3 => json!(u64::MAX),
        4 => json!(""),
        5 => json!(TOKENS[rng.below(TOKENS.len())]),
        6 => json!([]),
        7 => json!({}),
        8 => json!(["visio", "visio", "x"]),
        9 => json!("x".repeat(70_000)),
        10 => json!(true),
        _ => json!("2026-02-30"),
    }
}

/// Replaces, removes or adds one node somewhere in the JSON tree.
fn mutate_json(rng: &mut Rng, v: &mut Json, depth: usize) {
    match v {
        Json::Object(m) if !m.is_empty() && (depth == 0 || (depth < 6 && rng.below(4) > 0)) => {
            let keys: Vec<String> = m.keys().cloned().collect();
            let k = keys[rng.below(keys.len())].clone();
            match rng.below(8) {
                0 => {
                    m.remove(&k);
                }
                1 => {
                    m.insert(format!("{k}x"), interesting(rng));
                }
                _ => mutate_json(rng, m.get_mut(&k).unwrap(), depth + 1),
            }
        }
        Json::Array(a) if !a.is_empty() && (depth < 6 && rng.below(4) > 0) => {
            let i = rng.below(a.len());
            match rng.below(8) {
                0 => {
                    a.remove(i);
                }
                1 => {
                    let dup = a[i].clone();
                    a.push(dup);
                }
                _ => mutate_json(rng, &mut a[i], depth + 1),
            }
        }
        other => *other = interesting(rng),
    }
}

/// Runs `f` on cases until the budget or the case limit; a panic names seed and case.
fn campaign(name: &str, seed: u64, mut f: impl FnMut(&mut Rng, usize)) -> usize {
    let mut rng = Rng(seed ^ name.len() as u64 ^ 0x9e37_79b9_7f4a_7c15);
    let started = Instant::now();
    let mut n = 0;
    while n < MAX_CASES && (n < MIN_CASES || started.elapsed() < BUDGET) {
        let result = catch_unwind(AssertUnwindSafe(|| f(&mut rng, n)));
        if result.is_err() {
            panic!("{name}: case {n} of seed {seed:#x} panicked (INTAKE_FUZZ_SEED={seed} replays)");
        }
        n += 1;
    }
    n
}

fn workspace() -> Workspace {
    Workspace::with_store(Store::open_in_memory().unwrap()).unwrap()
}

/// The database is sound and every stored answer is valid, as stored, against the form.
fn assert_consistent(ws: &Workspace, id: i64) {
    assert_eq!(ws.store.integrity_check().unwrap(), vec!["ok".to_string()]);
    let form = ws.standard_form();
    for (key, value) in ws.store.answers(id).unwrap() {
        let k = AnswerKey::parse(&key).unwrap_or_else(|e| panic!("stored key {key}: {e:?}"));
        let (_, q) = form
            .find(&k.path())
            .unwrap_or_else(|| panic!("stored key {key} is no question"));
        let back = q
            .validate_stored(&value)
            .unwrap_or_else(|m| panic!("stored {key} = {value} is invalid: {}", m.en));
        assert!(
            same_value(Some(&back.to_json()), Some(&value)),
            "{key} = {value} is stored unnormalised"
        );
    }
}

fn fuzz_bundles(seed: u64) -> usize {
    let mut ws = workspace();
    let id = intake::demo::create(&mut ws).unwrap();
    let seed_bundle = ws.store.export_bundle(id).unwrap();
    let bytes = seed_bundle.to_json().unwrap();
    let tree: Json = serde_json::from_slice(&bytes).unwrap();
    // The unmutated bundle is imported: the campaign starts from valid input.
    let mut fresh = workspace();
    let first = fresh
        .import_bundle(&Bundle::parse(&bytes).unwrap())
        .unwrap();
    assert_consistent(&fresh, first);
    let mut accepted = 0;
    let mut merged = workspace();
    let demo = intake::demo::create(&mut merged).unwrap();
    let n = campaign("bundles", seed, |rng, n| {
        let input = if n % 4 == 0 {
            mutate_bytes(rng, &bytes)
        } else {
            let mut t = tree.clone();
            for _ in 0..1 + rng.below(3) {
                mutate_json(rng, &mut t, 0);
            }
            serde_json::to_vec(&t).unwrap()
        };
        let bundle = match Bundle::parse(&input) {
            Ok(b) => b,
            Err(e) => {
                if std::env::var_os("FUZZ_DEBUG").is_some() {
                    eprintln!("refused: {}", intake::text::excerpt(&e.to_string()));
                }
                return;
            }
        };
        // As a new intake, and merged into the demo intake (one database each for the whole
        // campaign: the state a long session builds up must stay consistent too).
        match fresh.import_bundle(&bundle) {
            Ok(new_id) => {
                assert_consistent(&fresh, new_id);
                accepted += 1;
            }
            Err(e) if std::env::var_os("FUZZ_DEBUG").is_some() => {
                eprintln!("not imported: {}", intake::text::excerpt(&format!("{e:#}")));
            }
            Err(_) => {}
        }
        let theirs = Resolution {
            all: Some(intake::store::Side::Theirs),
            keys: Default::default(),
        };
        if merged.merge_bundle(demo, &bundle, &theirs).is_ok() {
            assert_consistent(&merged, demo);
        }
    });
    // Not vacuous: some mutated bundles are valid and really imported.
    eprintln!("fuzz bundles: {accepted} of {n} imported");
    assert!(accepted > 0, "no mutated bundle was accepted in {n} cases");
    n
}

fn fuzz_probe_files(seed: u64) -> usize {
    let probe = intake::probe::workstation::collect();
    let bytes = serde_json::to_vec(&probe).unwrap();
    let tree: Json = serde_json::from_slice(&bytes).unwrap();
    let mut ws = workspace();
    let id = ws
        .new_intake("Probe BV", intake::workspace::Mode::OnSite, None)
        .unwrap();
    campaign("probe files", seed, |rng, n| {
        let input = if n % 2 == 0 {
            mutate_bytes(rng, &bytes)
        } else {
            let mut t = tree.clone();
            mutate_json(rng, &mut t, 0);
            serde_json::to_vec(&t).unwrap()
        };
        if let Ok(p) = WorkstationProbe::from_untrusted_json(&input) {
            let key = p.machine_key();
            assert!(
                key.chars().count() <= 200,
                "machine key of {} chars",
                key.len()
            );
            let payload = serde_json::to_value(&p).unwrap();
            ws.store
                .add_probes(
                    id,
                    &[intake::store::NewProbe {
                        kind: "workstation",
                        machine_key: &key,
                        payload: &payload,
                        source: "import",
                    }],
                )
                .unwrap();
        }
    })
}

fn form_source() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/forms/mkb-werkplek-online.toml"
    ))
    .unwrap()
}

fn fuzz_forms(seed: u64) -> usize {
    let src = form_source();
    let today = time::macros::date!(2026 - 11 - 27);
    let mut ws = workspace();
    let id = intake::demo::create(&mut ws).unwrap();
    let answers = ws.load(id).unwrap().answers;
    campaign("form files", seed, |rng, _| {
        let input = mutate_bytes(rng, src.as_bytes());
        let Ok(text) = String::from_utf8(input) else {
            return;
        };
        if let Ok(form) = intake::form::load_str(&text, "fuzz.toml") {
            let ev = form.evaluate(&answers, Audience::Specialist, today);
            let _ = ev.progress_percent();
            let _ = form.evaluate(&answers, Audience::Customer, today);
        }
    })
}

fn fuzz_expressions(seed: u64) -> usize {
    // Every expression of the standard form is a seed.
    let exprs: Vec<String> = form_source()
        .lines()
        .filter_map(|l| {
            let (k, v) = l.split_once('=')?;
            let k = k.trim();
            [
                "relevant",
                "constraint",
                "calculate",
                "required_if",
                "warning",
            ]
            .contains(&k)
            .then(|| v.trim().trim_matches('"').to_string())
        })
        .collect();
    assert!(exprs.len() > 10, "{} expressions found", exprs.len());
    let mut env = MapEnv::new(time::macros::date!(2026 - 11 - 27));
    env.set("company.name", intake::form::Value::Text("x".into()));
    env.this = intake::form::Value::Int(3);
    campaign("expressions", seed, |rng, _| {
        let seed_expr = &exprs[rng.below(exprs.len())];
        let input = mutate_bytes(rng, seed_expr.as_bytes());
        let Ok(text) = String::from_utf8(input) else {
            return;
        };
        if let Ok(e) = Expr::parse(&text) {
            let _ = e.eval(&env);
        }
    })
}

#[test]
fn mutated_inputs_never_panic_or_hang_and_accepted_ones_leave_a_consistent_database() {
    let seed = std::env::var("INTAKE_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(DEFAULT_SEED);
    let (done, finished) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let counts = [
            ("bundles", fuzz_bundles(seed)),
            ("probe files", fuzz_probe_files(seed)),
            ("form files", fuzz_forms(seed)),
            ("expressions", fuzz_expressions(seed)),
        ];
        let _ = done.send(counts);
    });
    match finished.recv_timeout(HANG_LIMIT) {
        Ok(counts) => {
            for (name, n) in counts {
                eprintln!("fuzz {name}: {n} cases, seed {seed:#x}");
                assert!(n > 0, "{name}: no case ran");
            }
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("the fuzz run did not finish in {HANG_LIMIT:?} (seed {seed:#x}): a hang")
        }
        Err(e) => panic!("a fuzz campaign failed (seed {seed:#x}): {e}"),
    }
}
