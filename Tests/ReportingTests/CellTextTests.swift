import Reporting
import SimCore
import Testing

/// The one number formatter: what people and programs read for each kind of cell.
@Suite struct CellTextTests {
    @Test func estimatesShowTheirIntervalAndCoverage() {
        let three = Estimate([10, 12, 14])!
        #expect(CellText.text(.estimate(three, .count, of: 3)) == "12.0 ± 5.0")
        #expect(CellText.text(.estimate(Estimate([0.5])!, .share, of: 3)) == "50.0 % n=1", "one replication: no ±, marked")
        #expect(CellText.text(.estimate(nil, .money, of: 3)) == "—")
        #expect(CellText.csvFields(.estimate(Estimate([0.5])!, .share, of: 3)) == ["0.5", ""])
        #expect(CellText.csvFields(.estimate(nil, .share, of: 3)) == ["", ""])
    }

    @Test func unitsDecideHowANumberReads() {
        #expect(CellText.text(.money(1_234_567.891)) == "1,234,567.89")
        #expect(CellText.text(.share(0.9712)) == "97.1 %")
        #expect(CellText.text(.count(38_280)) == "38,280")
        #expect(CellText.text(.duration(minutes: 20)) == "20 min")
        #expect(CellText.text(.number(0.26055, .timeUnits)) == "0.2606")
        #expect(CellText.text(.share(nil)) == "—" && CellText.csvFields(.share(nil)) == [""])
        #expect(CellText.csvFields(.money(2_463_750)) == ["2463750"], "whole numbers without a decimal point")
    }
}
