//! When a phase's warm-up is over and when its figure is stable enough to stop.
//!
//! A fixed warm-up (a share of the run) is too short on a slow, long link:
//! slow start is still ramping when counting begins (`--seconds 1` on
//! 8/1 Mbit/s at 120 ms read 37 % low). So the warm-up ends when the rate has
//! stopped rising, and the measurement ends when its running mean has settled
//! (as the commercial speed tests and RPM do), each with a hard bound.

/// Seconds, all of them; from [`super::MeasureOptions`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StopRule {
    /// Warm-up lasts at least this (a few round trips) and at most `max_warmup`.
    pub min_warmup: f64,
    pub max_warmup: f64,
    /// Measured time: at least `min_measure` before an early stop, never more than `max_measure`.
    pub min_measure: f64,
    pub max_measure: f64,
    /// Stop early once the running mean is stable; off = always `max_measure`.
    pub adaptive: bool,
}

/// The rate still counts as "not rising" when a half second is at most this much above the one before.
const RISE: f64 = 1.03;
/// The running mean is settled when it moved at most this share over the last two seconds.
const SETTLED: f64 = 0.01;
/// Step between the compared points.
const STEP: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    WarmingUp,
    Measuring,
    Done,
}

/// The measured window of a finished phase.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Window {
    pub mbps: f64,
    pub warmup_seconds: f64,
    pub measured_seconds: f64,
}

/// Follows one receiver's byte counter, sample by sample.
#[derive(Debug)]
pub struct Tracker {
    rule: StopRule,
    /// (seconds since the first sample, bytes), time increasing.
    samples: Vec<(f64, u64)>,
    origin: Option<f64>,
    warm_end: Option<usize>,
    done: Option<usize>,
    /// Something else (the loaded latency) is not settled yet: no early stop.
    held: bool,
}

impl Tracker {
    pub fn new(rule: StopRule) -> Tracker {
        Tracker {
            rule,
            samples: Vec::new(),
            origin: None,
            warm_end: None,
            done: None,
            held: false,
        }
    }

    /// Holds off the early stop while `held` (the bound still ends the window).
    pub fn hold(&mut self, held: bool) {
        self.held = held;
    }

    pub fn state(&self) -> State {
        match (self.warm_end, self.done) {
            (_, Some(_)) => State::Done,
            (Some(_), None) => State::Measuring,
            (None, None) => State::WarmingUp,
        }
    }

    /// Adds a counter reading taken at `t` seconds (any origin); out-of-order
    /// or decreasing readings are ignored.
    pub fn push(&mut self, t: f64, bytes: u64) -> State {
        if self.done.is_some() {
            return State::Done;
        }
        let origin = *self.origin.get_or_insert(t);
        let t = t - origin;
        if let Some(&(lt, lb)) = self.samples.last()
            && (t <= lt || bytes < lb)
        {
            return self.state();
        }
        self.samples.push((t, bytes));
        let i = self.samples.len() - 1;
        match self.warm_end {
            None if self.warm_over(i) => self.warm_end = Some(i),
            Some(w) if self.settled(w, i) => self.done = Some(i),
            _ => {}
        }
        self.state()
    }

    /// The measured window, once done.
    pub fn window(&self) -> Option<Window> {
        let (w, e) = (self.warm_end?, self.done?);
        self.window_between(w, e)
    }

    fn window_between(&self, w: usize, e: usize) -> Option<Window> {
        let (tw, te) = (self.samples[w].0, self.samples[e].0);
        Some(Window {
            mbps: self.slope(w, e)?,
            warmup_seconds: tw,
            measured_seconds: te - tw,
        })
    }

    /// Latest sample at or before `t`.
    fn at(&self, t: f64) -> Option<usize> {
        self.samples
            .partition_point(|s| s.0 <= t + 1e-9)
            .checked_sub(1)
    }

    fn rate(&self, a: usize, b: usize) -> Option<f64> {
        let ((ta, ba), (tb, bb)) = (self.samples[a], self.samples[b]);
        (tb > ta).then(|| (bb - ba) as f64 * 8.0 / (tb - ta) / 1e6)
    }

    /// The least-squares rate over samples `a..=b`. TCP hands data to the
    /// receiving program in jumps (a lost segment holds back the window behind
    /// it); on a slow, lossy line one jump at either end of the window moved a
    /// rate taken from the two end points by several per cent.
    fn slope(&self, a: usize, b: usize) -> Option<f64> {
        let pts = &self.samples[a..=b];
        let n = pts.len() as f64;
        if pts.len() < 3 {
            return self.rate(a, b);
        }
        let (t0, b0) = pts[0];
        let xs = pts.iter().map(|p| p.0 - t0);
        let ys = pts.iter().map(|p| (p.1 - b0) as f64);
        let (mx, my) = (xs.clone().sum::<f64>() / n, ys.clone().sum::<f64>() / n);
        let (mut sxy, mut sxx) = (0.0, 0.0);
        for (x, y) in xs.zip(ys) {
            sxy += (x - mx) * (y - my);
            sxx += (x - mx) * (x - mx);
        }
        (sxx > 0.0).then(|| sxy / sxx * 8.0 / 1e6)
    }

    fn warm_over(&self, i: usize) -> bool {
        let t = self.samples[i].0;
        if t >= self.rule.max_warmup {
            return true;
        }
        if t < self.rule.min_warmup.max(2.0 * STEP) {
            return false;
        }
        let (Some(a), Some(b)) = (self.at(t - 2.0 * STEP), self.at(t - STEP)) else {
            return false;
        };
        match (self.rate(a, b), self.rate(b, i)) {
            (Some(before), Some(now)) => before > 0.0 && now <= before * RISE,
            _ => false,
        }
    }

    fn settled(&self, w: usize, i: usize) -> bool {
        let measured = self.samples[i].0 - self.samples[w].0;
        if measured >= self.rule.max_measure - 1e-9 {
            return true;
        }
        if !self.rule.adaptive || self.held || measured < self.rule.min_measure {
            return false;
        }
        let Some(now) = self.rate(w, i) else {
            return false;
        };
        let tw = self.samples[w].0;
        let t = self.samples[i].0;
        (1..=4)
            .map(|k| t - STEP * k as f64)
            .filter(|tk| *tk >= tw + STEP)
            .filter_map(|tk| self.at(tk).and_then(|j| self.rate(w, j)))
            .all(|then| (then - now).abs() <= SETTLED * now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: StopRule = StopRule {
        min_warmup: 1.0,
        max_warmup: 5.0,
        min_measure: 3.0,
        max_measure: 10.0,
        adaptive: true,
    };

    /// Feeds a rate curve (Mbit/s as a function of time) sampled every 100 ms.
    fn run(rule: StopRule, rate: impl Fn(f64) -> f64) -> (Window, f64) {
        let mut tr = Tracker::new(rule);
        let (mut bytes, mut t) = (0f64, 0f64);
        tr.push(0.0, 0);
        while tr.state() != State::Done {
            t += 0.1;
            bytes += rate(t) * 1e6 / 8.0 * 0.1;
            tr.push(t, bytes as u64);
            assert!(t < 30.0, "never stopped");
        }
        (tr.window().expect("window"), t)
    }

    #[test]
    fn a_stable_link_stops_after_the_minimum() {
        let (w, t) = run(RULE, |_| 50.0);
        assert!((w.mbps - 50.0).abs() < 0.01, "{w:?}");
        assert!((1.0..1.3).contains(&w.warmup_seconds), "{w:?}");
        assert!((3.0..3.3).contains(&w.measured_seconds), "{w:?}");
        assert!(t < 4.6);
    }

    #[test]
    fn a_slow_ramp_is_not_counted() {
        // Slow start over 2.5 s (a long, slow line): the figure is the plateau, not the ramp.
        let ramp = |t: f64| if t < 2.5 { 8.0 * t / 2.5 } else { 8.0 };
        let (w, _) = run(RULE, ramp);
        assert!(w.warmup_seconds >= 2.5, "{w:?}");
        assert!((w.mbps - 8.0).abs() / 8.0 < 0.01, "{w:?}");
        // Even when only one second may be measured.
        let short = StopRule {
            min_measure: 1.0,
            max_measure: 1.0,
            ..RULE
        };
        let (w, _) = run(short, ramp);
        assert!((w.mbps - 8.0).abs() / 8.0 < 0.01, "{w:?}");
        assert!((w.measured_seconds - 1.0).abs() < 0.05, "{w:?}");
    }

    #[test]
    fn a_wobbling_rate_measures_longer_but_within_the_bound() {
        // A 3-s sawtooth of +-20 %: the running mean settles late or never.
        let saw = |t: f64| 40.0 * (1.0 + 0.2 * (((t % 3.0) / 3.0) * 2.0 - 1.0));
        let (w, t) = run(RULE, saw);
        assert!(w.measured_seconds > 3.5, "{w:?}");
        assert!(t <= 5.0 + 10.0 + 0.2, "bounded: {t}");
        assert!((w.mbps - 40.0).abs() / 40.0 < 0.05, "{w:?}");
        // Fixed length when not adaptive.
        let (w, _) = run(
            StopRule {
                adaptive: false,
                ..RULE
            },
            |_| 10.0,
        );
        assert!((w.measured_seconds - 10.0).abs() < 0.05, "{w:?}");
    }

    #[test]
    fn a_rate_that_never_settles_ends_its_warm_up_at_the_bound() {
        let (w, _) = run(RULE, |t| 1.0 + t * t);
        assert!((w.warmup_seconds - 5.0).abs() < 0.11, "{w:?}");
    }

    #[test]
    fn a_jump_at_the_edge_of_the_window_does_not_move_the_figure() {
        // 1 Mbit/s, but the deliveries stall from 0.8 s (a lost segment holds
        // back what follows) and the held-back 25 kB arrive at once at 1.1 s,
        // just after the window starts (1.0 s). The end points alone read 2.5 % high.
        let rule = StopRule {
            adaptive: false,
            max_measure: 8.0,
            ..RULE
        };
        let mut tr = Tracker::new(rule);
        tr.push(0.0, 0);
        for k in 1..=120 {
            let t = k as f64 * 0.1;
            let sent = k as u64 * 12_500;
            let delivered = if (8..=10).contains(&k) {
                7 * 12_500
            } else {
                sent
            };
            if tr.push(t, delivered) == State::Done {
                break;
            }
        }
        let w = tr.window().expect("window");
        assert!((w.warmup_seconds - 1.0).abs() < 0.01, "{w:?}");
        assert!((w.mbps - 1.0).abs() < 0.005, "{w:?}");
        let ends = (tr.samples[tr.done.expect("done")].1 - tr.samples[tr.warm_end.expect("w")].1)
            as f64
            * 8.0
            / 1e6
            / w.measured_seconds;
        assert!(ends > 1.02, "the end points alone would read {ends}");
    }

    #[test]
    fn readings_out_of_order_are_ignored() {
        let mut tr = Tracker::new(RULE);
        tr.push(10.0, 100);
        tr.push(9.0, 200);
        tr.push(10.5, 50);
        assert_eq!(tr.samples.len(), 1);
        assert_eq!(tr.window(), None);
    }
}
