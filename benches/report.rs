//! Export time and file size of the 40-workstation, 3-location report.
//! Aims (issue 8): under 200 ms and under 300 KB. Run with `cargo bench --bench report`.

use std::time::{Duration, Instant};

use intake::report::{render, sample};

const RUNS: usize = 20;

fn main() {
    let input = sample::large_office();
    // One warm-up run so first-use costs (page faults, allocator growth) do not skew the median.
    let bytes = match render(&input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("render failed: {e}");
            std::process::exit(1);
        }
    };
    let mut times: Vec<Duration> = Vec::with_capacity(RUNS);
    let mut size = bytes.len();
    for _ in 0..RUNS {
        let start = Instant::now();
        match render(&input) {
            Ok(b) => size = b.len(),
            Err(e) => {
                eprintln!("render failed: {e}");
                std::process::exit(1);
            }
        }
        times.push(start.elapsed());
    }
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let median = ms(times[RUNS / 2]);
    let p90 = ms(times[(RUNS * 9) / 10 - 1]);
    println!(
        "report (40 workstations, 3 locations): runs={RUNS} median={median:.1} ms p90={p90:.1} ms min={:.1} ms max={:.1} ms size={} bytes ({:.1} KB)",
        ms(times[0]),
        ms(times[RUNS - 1]),
        size,
        size as f64 / 1024.0
    );
    println!(
        "aims: time < 200 ms: {}; size < 300 KB: {}",
        if median < 200.0 { "met" } else { "NOT met" },
        if size < 300 * 1024 { "met" } else { "NOT met" }
    );
}
