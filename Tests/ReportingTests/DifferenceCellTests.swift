import Reporting
import SimCore
import Testing

/// How a paired difference reads: signed, shares in percentage points with the decimals its
/// half-width needs, money in whole units, two CSV fields.
@Suite struct DifferenceCellTests {
    /// An estimate with a given mean and half-width over `count` replications.
    static func estimate(_ mean: Double, _ halfWidth: Double, count: Int = 20) -> Estimate {
        var estimate = Estimate([mean, mean])!
        estimate.halfWidth = halfWidth
        estimate.count = count
        return estimate
    }

    @Test(arguments: [
        (-0.02, 0.002, Unit.share, "-2.0 ± 0.2 pp"),
        (-0.001, 0.0009, .share, "-0.10 ± 0.09 pp"),
        (-0.000005, 0.000008, .share, "-0.0005 ± 0.0008 pp"),
        (0.0002, 0.0008, .share, "+0.02 ± 0.08 pp"),
        (-0.0000001, 0.001, .share, "0.0 ± 0.1 pp"),
        (0, 0, .share, "0.0 ± 0.0 pp"),
        (54_080.4, 5_046.2, .money, "+54,080 ± 5,046"),
        (-12.25, 1.5, .perYear, "-12.2 ± 1.5"),
    ])
    func differenceText(mean: Double, halfWidth: Double, unit: Unit, text: String) {
        #expect(CellText.text(.difference(Self.estimate(mean, halfWidth), unit, of: 20)) == text)
    }

    @Test func aDifferenceOnFewerPairsIsMarkedAndHasTwoCSVFields() {
        let cell = Cell.difference(Self.estimate(0.25, 0.125, count: 3), .share, of: 20)
        #expect(CellText.text(cell) == "+25.0 ± 12.5 pp n=3")
        #expect(CellText.csvFields(cell) == ["0.25", "0.125"])
        #expect(CellText.text(.difference(nil, .share, of: 20)) == CellText.missing)
        #expect(CellText.csvFields(.difference(nil, .money, of: 20)) == ["", ""])
    }
}
