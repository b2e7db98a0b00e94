//! Coordinates as people read them: six decimals at most (about 10 cm,
//! finer than any address), so a stored 42.4301 is not shown as the float
//! noise 42.430099999999996.

/// `value` rounded to six decimals, without trailing zeros: "42.4301", "21".
pub fn coordinate(value: f64) -> String {
    let text = format!("{value:.6}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" => "0".to_owned(),
        _ => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::coordinate;

    #[test]
    fn coordinates_lose_float_noise_and_trailing_zeros() {
        assert_eq!(coordinate(42.430099999999996), "42.4301");
        assert_eq!(coordinate(19.2594), "19.2594");
        assert_eq!(coordinate(21.0), "21");
        assert_eq!(coordinate(-0.0000001), "0");
        assert_eq!(coordinate(43.32047123), "43.320471");
        assert_eq!(coordinate(-8.5), "-8.5");
    }
}
