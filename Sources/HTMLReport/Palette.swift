import Foundation

/// Colours of every chart: the Okabe–Ito set for series (distinguishable with the common forms
/// of colour blindness), greys for ink and grid, and a light-to-dark blue ramp for heat maps
/// (ordered by lightness, so it also reads in greyscale print).
public enum Palette {
    /// Series colours, in the order series are given.
    public static let series = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#999933", "#6E6E6E"]
    /// The colour of series number `index` (cycling).
    public static func series(_ index: Int) -> String { series[index % series.count] }

    /// Main text.
    public static let ink = "#1F2933"
    /// Secondary text: tick labels, notes.
    public static let muted = "#5F6B76"
    /// Axis lines.
    public static let axis = "#9AA5B1"
    /// Grid lines.
    public static let grid = "#E4E7EB"
    /// Targets and limits.
    public static let target = "#D55E00"
    /// Cells without a value.
    public static let empty = "#F2F2F2"

    /// Stops of the sequential ramp, from 0 (light) to 1 (dark).
    static let ramp: [(red: Double, green: Double, blue: Double)] = [
        (247, 251, 255), (198, 219, 239), (107, 174, 214), (33, 113, 181), (8, 48, 107),
    ]

    /// The ramp's colour at `t` ∈ [0, 1] (clamped), as `#rrggbb`.
    public static func sequential(_ t: Double) -> String {
        let clamped = Swift.min(1, Swift.max(0, t.isFinite ? t : 0))
        let position = clamped * Double(ramp.count - 1)
        let index = Swift.min(Int(position), ramp.count - 2)
        let fraction = position - Double(index)
        let (a, b) = (ramp[index], ramp[index + 1])
        let mix = { (x: Double, y: Double) in Int((x + (y - x) * fraction).rounded()) }
        return "#" + [mix(a.red, b.red), mix(a.green, b.green), mix(a.blue, b.blue)].map(hex).joined()
    }

    /// Whether text on the ramp's colour at `t` should be white.
    public static func needsLightText(_ t: Double) -> Bool { t > 0.55 }

    /// Whether white text reads better than dark text on a `#RRGGBB` colour: its relative
    /// luminance (WCAG's formula) is below 0.18, where the two contrasts are equal.
    public static func isDark(_ colour: String) -> Bool {
        let digits = colour.dropFirst()
        guard colour.hasPrefix("#"), digits.count == 6, let value = Int(digits, radix: 16) else { return false }
        func linear(_ channel: Int) -> Double {
            let c = Double(channel & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(value >> 16) + 0.7152 * linear(value >> 8) + 0.0722 * linear(value) < 0.18
    }

    private static func hex(_ value: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[value / 16], digits[value % 16]])
    }
}
