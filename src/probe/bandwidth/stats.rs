//! Small statistics over round trips and byte-counter samples.

pub fn median(v: &[f64]) -> Option<f64> {
    percentile(v, 0.5)
}

/// Linear interpolation between closest ranks.
pub fn percentile(v: &[f64], p: f64) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    let k = (s.len() - 1) as f64 * p.clamp(0.0, 1.0);
    let (f, c) = (k.floor() as usize, k.ceil() as usize);
    Some(s[f] + (s[c] - s[f]) * (k - f as f64))
}

/// Mean absolute difference of consecutive values (Cloudflare-style jitter).
pub fn jitter(v: &[f64]) -> Option<f64> {
    if v.len() < 2 {
        return None;
    }
    Some(v.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (v.len() - 1) as f64)
}

/// Mbit/s (10^6 bits) between two (seconds, bytes) samples of a counter.
pub fn mbps(a: (f64, u64), b: (f64, u64)) -> Option<f64> {
    let dt = b.0 - a.0;
    (dt > 0.0 && b.1 >= a.1).then(|| (b.1 - a.1) as f64 * 8.0 / dt / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[1.0, 2.0, 3.0, 4.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        assert_eq!(jitter(&[20.0, 22.0, 21.0]), Some(1.5));
        assert!((percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 0.9).unwrap_or(0.0) - 4.6).abs() < 1e-9);
        assert_eq!(mbps((1.0, 0), (2.0, 1_250_000)), Some(10.0));
        assert_eq!(mbps((1.0, 5), (1.0, 6)), None);
    }
}
