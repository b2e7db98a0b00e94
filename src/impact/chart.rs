//! A bar chart as SVG, drawn on the server: no chart library and no
//! script at run time. Colours come from the stylesheet (classes, not
//! inline styles, which the Content-Security-Policy forbids); the chart is
//! hidden from screen readers because the table beside it says the same.

use std::fmt::Write;

const WIDTH: f64 = 600.0;
const HEIGHT: f64 = 180.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 24.0;

/// `values`: (label under the bar, value), left to right.
pub fn bars(values: &[(String, i64)]) -> String {
    let max = values.iter().map(|(_, v)| *v).max().unwrap_or(0).max(1) as f64;
    let slot = WIDTH / values.len().max(1) as f64;
    let plot = HEIGHT - TOP - BOTTOM;
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 {WIDTH} {HEIGHT}\" width=\"100%\" aria-hidden=\"true\" focusable=\"false\">"
    );
    let _ = write!(
        svg,
        "<line class=\"chart-axis\" x1=\"0\" y1=\"{y}\" x2=\"{WIDTH}\" y2=\"{y}\"/>",
        y = HEIGHT - BOTTOM
    );
    for (i, (label, value)) in values.iter().enumerate() {
        let height = (*value as f64 / max * plot).round();
        let x = i as f64 * slot + slot * 0.15;
        let y = HEIGHT - BOTTOM - height;
        let centre = i as f64 * slot + slot / 2.0;
        let _ = write!(
            svg,
            "<rect class=\"chart-bar\" x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{height:.1}\"/>\
             <text class=\"chart-value\" x=\"{centre:.1}\" y=\"{ty:.1}\" text-anchor=\"middle\">{value}</text>\
             <text class=\"chart-label\" x=\"{centre:.1}\" y=\"{ly:.1}\" text-anchor=\"middle\">{label}</text>",
            w = slot * 0.7,
            ty = y - 4.0,
            ly = HEIGHT - 6.0,
            label = escape(label),
        );
    }
    svg.push_str("</svg>");
    svg
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_are_as_tall_as_their_values_and_labels_are_escaped() {
        let svg = bars(&[("a".into(), 10), ("b".into(), 5), ("<c>".into(), 0)]);
        let heights: Vec<f64> = svg
            .split("height=\"")
            .skip(1)
            .map(|s| s.split('"').next().unwrap().parse().unwrap())
            .collect();
        assert_eq!(heights, vec![136.0, 68.0, 0.0]);
        assert!(svg.contains("&lt;c&gt;") && !svg.contains("<c>"));
        assert!(
            bars(&[]).starts_with("<svg"),
            "nothing to draw is still a chart"
        );
    }
}
