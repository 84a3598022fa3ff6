//! Form evaluation benchmark (std::time, no criterion). Run: `cargo bench --bench form`.
//!
//! 1. A generated form of 300 questions (relevance, required_if, constraints, warnings,
//!    calculations, selected(), sums) whose repeat group has 50 entries, all answered:
//!    `Form::evaluate` is run on every keystroke-level change, so it must stay well under
//!    a millisecond.
//! 2. The standard form with the demo's realistic answers (12 workstations, 2 locations).
//! 3. `load_str` of the standard form: parsing and checking it at start-up.

use intake::form::{Answers, Audience, Form, Value, load_str, standard_form};
use intake::store::Store;
use intake::workspace::Workspace;
use std::fmt::Write;
use std::hint::black_box;
use std::time::{Duration, Instant};
use time::macros::date;

const PLAIN_SECTIONS: usize = 9;
const PER_SECTION: usize = 30;
const GROUP_QUESTIONS: usize = 30;
const ENTRIES: usize = 50;
const TODAY: time::Date = date!(2027 - 01 - 15);

/// Question `j` of a section: a repeating mix of the shapes real forms use.
fn question(out: &mut String, sid: &str, j: usize, in_group: bool) {
    let label = "label = { nl = \"V\", en = \"Q\" }";
    let own = |k: usize| format!("{sid}.q{k}");
    let body = match j % 6 {
        0 => "type = \"integer\"\nmin = 0\nmax = 100000\nrequired = true".to_string(),
        1 => format!(
            "type = \"integer\"\nrelevant = \"{} > 5\"\nconstraint = \". >= 0 and . <= {} * 10\"\nconstraint_message = {{ nl = \"m\", en = \"m\" }}",
            own(j - 1),
            own(j - 1)
        ),
        2 => "type = \"yes_no\"\nrequired = true".to_string(),
        3 => format!(
            "type = \"text\"\nrequired_if = \"{} = true\"\nwarning = \"length(.) > 40\"\nwarning_message = {{ nl = \"w\", en = \"w\" }}",
            own(j - 1)
        ),
        4 => "type = \"single_choice\"\nchoice = [ { id = \"a\", label = { nl = \"A\", en = \"A\" } }, { id = \"b\", label = { nl = \"B\", en = \"B\" } } ]".to_string(),
        _ if in_group => format!(
            "type = \"calculated\"\ncalculate = \"if(selected({}, 'a'), {} * 2, 0)\"",
            own(j - 1),
            own(j - 5)
        ),
        _ => format!(
            "type = \"calculated\"\ncalculate = \"sum(r.q{}) + count_choice(r.q4, 'a') + coalesce({}, 0)\"",
            j % GROUP_QUESTIONS / 6 * 6,
            own(j - 5)
        ),
    };
    let _ = write!(
        out,
        "\n[[section.question]]\nid = \"q{j}\"\n{label}\n{body}\n"
    );
}

fn generated_form() -> String {
    let mut s = String::from(
        "id = \"bench\"\nversion = 1\nlanguages = [\"nl\", \"en\"]\ntitle = { nl = \"B\", en = \"B\" }\n",
    );
    for i in 0..PLAIN_SECTIONS {
        let sid = format!("s{i}");
        let relevant = if i % 3 == 2 {
            format!("relevant = \"s{}.q2 = true\"\n", i - 1)
        } else {
            String::new()
        };
        let _ = write!(
            s,
            "\n[[section]]\nid = \"{sid}\"\ntitle = {{ nl = \"S\", en = \"S\" }}\n{relevant}"
        );
        for j in 0..PER_SECTION {
            question(&mut s, &sid, j, false);
        }
    }
    let _ = write!(
        s,
        "\n[[section]]\nid = \"r\"\ntitle = {{ nl = \"R\", en = \"R\" }}\nrepeat = {{ min = 1, max = 100, item = {{ nl = \"I\", en = \"I\" }}, count = \"s0.q0\" }}\n"
    );
    for j in 0..GROUP_QUESTIONS {
        question(&mut s, "r", j, true);
    }
    s
}

/// Answers every input question of the generated form: 9 × 30 plain, 50 × 30 in the group.
fn generated_answers(form: &Form) -> Answers {
    let mut a = Answers::new();
    for s in &form.sections {
        let entries = if s.repeat.is_some() { ENTRIES } else { 1 };
        for n in 1..=entries {
            for (j, q) in s.questions.iter().enumerate() {
                let v = match j % 6 {
                    0 => Value::Int(10 + (n as i64 + j as i64) % 50),
                    1 => Value::Int(7),
                    2 => Value::Bool((n + j) % 3 != 0),
                    3 => Value::Text(format!("antwoord {n}")),
                    4 => Value::Text(if n % 2 == 0 { "a" } else { "b" }.into()),
                    _ => continue,
                };
                let key = match s.repeat {
                    Some(_) => format!("{}[{n}].{}", s.id, q.id),
                    None => format!("{}.{}", s.id, q.id),
                };
                a.insert(key, v);
            }
        }
    }
    a.insert("s0.q0".into(), Value::Int(ENTRIES as i64));
    a
}

/// CPU time of this thread: the machine running the benchmark may be shared, and wall
/// time then measures the other processes too.
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// Runs `f` `runs` times after a warm-up; prints wall and CPU time percentiles and
/// returns the median CPU time.
fn measure(name: &str, runs: usize, mut f: impl FnMut()) -> Duration {
    for _ in 0..runs / 10 {
        f();
    }
    let (mut wall, mut cpu): (Vec<Duration>, Vec<Duration>) = (0..runs)
        .map(|_| {
            let (t0, c0) = (Instant::now(), thread_cpu());
            f();
            (t0.elapsed(), thread_cpu().saturating_sub(c0))
        })
        .unzip();
    wall.sort();
    cpu.sort();
    let pct = |v: &[Duration], p: f64| v[((v.len() - 1) as f64 * p).round() as usize];
    let us = |d: Duration| d.as_secs_f64() * 1e6;
    println!(
        "{name}: n={runs} cpu min={:.1} µs median={:.1} µs p90={:.1} µs | wall median={:.1} µs p90={:.1} µs",
        us(cpu[0]),
        us(pct(&cpu, 0.5)),
        us(pct(&cpu, 0.9)),
        us(pct(&wall, 0.5)),
        us(pct(&wall, 0.9)),
    );
    pct(&cpu, 0.5)
}

fn main() {
    let src = generated_form();
    let form = load_str(&src, "bench.toml").unwrap_or_else(|e| panic!("generated form:\n{e}"));
    let answers = generated_answers(&form);
    let ev = form.evaluate(&answers, Audience::Specialist, TODAY);
    let group = ev.sections.last().expect("the group");
    assert_eq!(
        form.question_count(),
        PLAIN_SECTIONS * PER_SECTION + GROUP_QUESTIONS
    );
    assert_eq!(group.instances, ENTRIES);
    println!(
        "generated form: {} questions, {} answers, group of {} entries; required {}, missing {}, errors {}",
        form.question_count(),
        answers.len(),
        group.instances,
        ev.total_required(),
        ev.total_missing(),
        ev.total_errors()
    );
    let median = measure(
        "evaluate generated 300 questions / 50 entries",
        2000,
        || {
            black_box(form.evaluate(black_box(&answers), Audience::Specialist, TODAY));
        },
    );

    let mut ws = Workspace::with_store(Store::open_in_memory().expect("store")).expect("workspace");
    let id = intake::demo::create(&mut ws).expect("demo intake");
    let loaded = ws.load(id).expect("load demo");
    let std_form = loaded.form.clone();
    println!(
        "standard form: {} questions; demo answers: {}",
        std_form.question_count(),
        loaded.answers.len()
    );
    measure(
        "evaluate standard form, demo intake (12 workstations)",
        2000,
        || {
            black_box(std_form.evaluate(black_box(&loaded.answers), Audience::Specialist, TODAY));
        },
    );
    measure("load_str standard form (parse + check)", 300, || {
        black_box(standard_form().expect("standard form"));
    });
    if median > Duration::from_millis(1) {
        eprintln!("WARNING: evaluating 300 questions takes {median:?} of CPU, more than 1 ms");
    }
}
