//! Benchmark: one full pass evaluating 300 expressions of the shapes a form uses
//! (references, comparisons, selected, sums over a 50-instance group, constraints
//! with `.`) against a HashMap environment. Run: `cargo bench --bench expr`.

use intake::form::expr::{Env, Expr, MapEnv, MapTypes, Ty};
use intake::form::value::{Value, parse_date};
use std::collections::HashMap;
use std::time::{Duration, Instant};

const INSTANCES: usize = 50;

const TEMPLATES: &[&str] = &[
    "workstations.count >= 6",
    "selected(intake.mode, 'on_site') or selected(intake.mode, 'online')",
    "answered(company.kvk) and company.vat != ''",
    "q.n{i} > 10 and q.n{i} <= 1000",
    "q.t{i} = 'ja'",
    ". >= 0 and . < 10000",
    "regex(company.kvk, '[0-9]{8}')",
    "sum(locations.workstations) = workstations.count",
    "round(sum(locations.down_mbps) / count(locations), 1)",
    "min(locations.down_mbps) < 50",
    "count_empty(users.mobile) > 0",
    "any_selected(apps.name, 'exact') or any_selected(apps.name, 'afas')",
    "count_choice(users.options, 'visio')",
    "if(workstations.count >= 10, 'quote', 'online')",
    "days_between(today(), planning.go_live) >= 14",
    "coalesce(q.n{i}, 0) * 2 + 1",
    "selected(users.options, 'visio') and not selected(users.options, 'project')",
    "locations.down_mbps < 20 and locations.workstations > 5",
    "concat(company.name, ' - ', workstations.count)",
    "not work.offline_needed and q.b{i}",
];

fn env() -> MapEnv {
    let mut e = MapEnv::new(parse_date("2027-01-15").unwrap_or(time::Date::MIN));
    e.set("company.name", Value::Text("Bakkerij Jansen".into()))
        .set("company.kvk", Value::Text("12345678".into()))
        .set("company.vat", Value::Text("NL123456789B01".into()))
        .set("workstations.count", Value::Int(400))
        .set("intake.mode", Value::Text("online".into()))
        .set("work.offline_needed", Value::Bool(false))
        .set(
            "planning.go_live",
            Value::Date(parse_date("2027-03-01").unwrap_or(time::Date::MIN)),
        );
    for i in 0..TEMPLATES.len() * 2 {
        e.set(&format!("q.n{i}"), Value::Int(i as i64 * 7));
        e.set(
            &format!("q.t{i}"),
            Value::Text(if i % 2 == 0 { "ja" } else { "nee" }.into()),
        );
        e.set(&format!("q.b{i}"), Value::Bool(i % 3 == 0));
    }
    let inst = |pairs: Vec<(&str, Value)>| -> HashMap<String, Value> {
        pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
    };
    let opts = ["visio", "access", "project", "publisher"];
    let apps = ["exact", "afas", "unit4", "sap", "other"];
    e.groups.insert(
        "locations".into(),
        (0..INSTANCES)
            .map(|i| {
                inst(vec![
                    ("name", Value::Text(format!("Vestiging {i}"))),
                    ("workstations", Value::Int(8)),
                    ("down_mbps", Value::Num(20.0 + i as f64 * 3.5)),
                ])
            })
            .collect(),
    );
    e.groups.insert(
        "users".into(),
        (0..INSTANCES)
            .map(|i| {
                let mobile = if i % 7 == 0 {
                    Value::Null
                } else {
                    Value::Text(format!("+3161234{i:04}"))
                };
                let options = Value::List(vec![opts[i % 4].into(), opts[(i + 1) % 4].into()]);
                inst(vec![("mobile", mobile), ("options", options)])
            })
            .collect(),
    );
    e.groups.insert(
        "apps".into(),
        (0..INSTANCES)
            .map(|i| inst(vec![("name", Value::Text(apps[(i + 2) % 5].into()))]))
            .collect(),
    );
    e.instance = Some(("locations".into(), 3));
    e.this = Value::Int(42);
    e
}

fn types() -> MapTypes {
    let mut t = MapTypes::default()
        .with("company.name", Ty::Text)
        .with("company.kvk", Ty::Text)
        .with("company.vat", Ty::Text)
        .with("workstations.count", Ty::Int)
        .with("intake.mode", Ty::Text)
        .with("work.offline_needed", Ty::Bool)
        .with("planning.go_live", Ty::Date)
        .group("locations")
        .with("locations.name", Ty::Text)
        .with("locations.workstations", Ty::Int)
        .with("locations.down_mbps", Ty::Num)
        .group("users")
        .with("users.mobile", Ty::Text)
        .with("users.options", Ty::List)
        .group("apps")
        .with("apps.name", Ty::Text);
    for i in 0..TEMPLATES.len() * 2 {
        t = t
            .with(&format!("q.n{i}"), Ty::Int)
            .with(&format!("q.t{i}"), Ty::Text)
            .with(&format!("q.b{i}"), Ty::Bool);
    }
    t.this = Some(Ty::Int);
    t
}

fn stats(name: &str, mut d: Vec<Duration>) {
    d.sort();
    let pick = |q: f64| d[((d.len() - 1) as f64 * q) as usize];
    println!(
        "{name}: median {:?}, p90 {:?}, min {:?} ({} runs)",
        pick(0.5),
        pick(0.9),
        d[0],
        d.len()
    );
}

fn main() {
    let sources: Vec<String> = (0..300)
        .map(|i| TEMPLATES[i % TEMPLATES.len()].replace("{i}", &(i / TEMPLATES.len()).to_string()))
        .collect();

    let t0 = Instant::now();
    let exprs: Vec<Expr> = sources
        .iter()
        .map(|s| Expr::parse(s).unwrap_or_else(|e| panic!("{s}: {e}")))
        .collect();
    let parse = t0.elapsed();
    let types = types();
    let t0 = Instant::now();
    for e in &exprs {
        if let Err(err) = e.check(&types) {
            panic!("{}: {err}", e.source());
        }
    }
    let check = t0.elapsed();
    println!("parse 300 expressions: {parse:?}; check 300: {check:?}");

    let env = env();
    let env: &dyn Env = &env;
    let mut sink = 0usize;
    let mut runs = Vec::new();
    for pass in 0..1100 {
        let t0 = Instant::now();
        for e in &exprs {
            if e.eval(env) != Value::Null {
                sink += 1;
            }
        }
        if pass >= 100 {
            runs.push(t0.elapsed());
        }
    }
    // 300 expressions, a few evaluate to null by design; keep the work observable.
    assert!(sink > 0);
    stats("eval 300 expressions (one full pass)", runs);
}
