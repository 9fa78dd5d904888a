import Testing
@testable import SimRandom

/// The text form used in scenario files and on the command line.
@Suite struct DistributionParsingTests {
    static let forms: [(String, Distribution)] = [
        ("exponential(mean: 2h)", try! .exponential(mean: 120)),
        ("lognormal(mean: 90m, sd: 60m)", try! .lognormal(mean: 90, sd: 60)),
        ("lognormal(median: 40m, sigma: 0.8)", try! .lognormal(median: 40, sigma: 0.8)),
        ("gamma(mean: 3h, sd: 1h)", try! .gamma(mean: 180, sd: 60)),
        ("weibull(shape: 1.5, scale: 2h)", try! .weibull(shape: 1.5, scale: 120)),
        ("normal(mean: 30m, sd: 10m)", try! .normal(mean: 30, sd: 10)),
        ("uniform(min: 10m, max: 20m)", try! .uniform(min: 10, max: 20)),
        ("triangular(min: 1h, mode: 2h, max: 4h)", try! .triangular(min: 60, mode: 120, max: 240)),
        ("deterministic(45m)", try! .deterministic(45)),
        ("45m", try! .deterministic(45)),
        ("3d", try! .deterministic(4_320)),
        ("1.5", try! .deterministic(1.5)),
        ("empirical(12m, 30m, 45m)", try! .empirical(observations: [12, 30, 45])),
        ("pareto(shape: 1.8, scale: 4h)", try! .pareto(shape: 1.8, scale: 240)),
        ("mixture(0.4: lognormal(mean: 30m, sd: 15m), 0.55: lognormal(mean: 2h, sd: 1h), 0.05: pareto(shape: 2.5, scale: 6h))",
         try! .mixture([(0.4, .lognormal(mean: 30, sd: 15)), (0.55, .lognormal(mean: 120, sd: 60)), (0.05, .pareto(shape: 2.5, scale: 360))])),
        ("  weibull ( scale :2h ,shape: 1.5 )  ", try! .weibull(shape: 1.5, scale: 120)),
    ]

    @Test(arguments: forms.indices)
    func parsesEveryForm(_ index: Int) throws {
        let (text, expected) = Self.forms[index]
        #expect(try Distribution(parsing: text) == expected, "\(text)")
    }

    @Test(arguments: [
        ("30s", 0.5), ("45m", 45), ("45min", 45), ("36h", 2_160), ("3d", 4_320), ("1w", 10_080),
        ("1.5", 1.5), (" 2 h ", 120), ("1e2m", 100), ("0.25h", 15),
    ])
    func durationUnitsConvertToMinutes(_ text: String, _ minutes: Double) throws {
        #expect(try DurationText.minutes(parsing: text) == minutes)
    }

    @Test(arguments: [(120.0, "2h"), (4_320, "3d"), (0.5, "30s"), (10_080, "1w"), (45, "45m"), (12.25, "735s"), (0.001, "0.001m")])
    func durationsPrintWithTheLargestExactUnit(_ minutes: Double, _ text: String) throws {
        #expect(DurationText.text(minutes: minutes) == text)
        #expect(try DurationText.minutes(parsing: text) == minutes)
    }

    @Test(arguments: DistributionCatalogue.all.map(\.distribution) + forms.map(\.1) + [
        try! Distribution.lognormal(mean: 0.1 + 0.2, sd: 1.0 / 3), try! .uniform(min: -2.5e-7, max: 1e12), try! .deterministic(987_654_321_012.5),
    ])
    func descriptionParsesBackToAnEqualDistribution(_ distribution: Distribution) throws {
        #expect(try Distribution(parsing: distribution.description) == distribution, "\(distribution)")
        #expect(try Distribution(parsing: distribution.durationDescription) == distribution, "\(distribution.durationDescription)")
    }

    @Test func durationDescriptionUsesUnits() throws {
        let text = "mixture(0.4: lognormal(mean: 30m, sd: 15m), 0.6: weibull(shape: 1.5, scale: 2h))"
        #expect(try Distribution(parsing: text).durationDescription == text)
        #expect(try Distribution(parsing: text).description
            == "mixture(0.4: lognormal(mean: 30, sd: 15), 0.6: weibull(shape: 1.5, scale: 120))")
    }

    @Test func unknownNameListsKnownNamesAndSuggests() {
        let error = parseError("lognormel(mean: 1h, sd: 2h)")
        #expect(error?.kind == .unknownDistribution)
        #expect(error?.offset == 0)
        #expect(error?.message.contains("did you mean 'lognormal'?") == true)
        #expect(error?.message.contains("exponential, lognormal, gamma, weibull") == true)
        let far = parseError("mixture(1: banana(x: 1))")
        #expect(far?.offset == 11)
        #expect(far?.message.contains("did you mean") == false)
    }

    @Test(arguments: [
        ("gamma(mean: 3h)", DistributionError.Kind.missingParameter, "gamma needs 'sd'", ")"),
        ("weibull(shape: 1.5, scal: 2h)", .unknownParameter, "weibull has no parameter 'scal'; it takes shape, scale", "scal"),
        ("exponential(mean: 2h, mean: 3h)", .duplicateParameter, "parameter 'mean' is given twice", "mean: 3h"),
        ("lognormal(mean: 2h, sigma: 0.5)", .unknownParameter, "lognormal takes either (mean:, sd:) or (median:, sigma:), not a mix", "mean"),
        ("exponential(mean: abc)", .badNumber, "expected a number, found 'abc)'", "abc"),
        ("uniform(min: -, max: 2)", .badNumber, "expected a number, found '-, max: 2)'", "-"),
        ("exponential(mean: 2y)", .badUnit, "unknown unit 'y'; use s, m (or min), h, d, w", "y"),
        ("weibull(shape: 1.5h, scale: 2h)", .badUnit, "shape is dimensionless and takes no unit, got 'h'", "h,"),
        ("mixture(0.5h: 1, 0.5: 2)", .badUnit, "a mixture weight is a probability and takes no unit", "h"),
        ("exponential(mean: 2h) zz", .trailingText, "unexpected text 'zz' after the distribution", "zz"),
        ("exponential(mean: 2h", .syntax, "expected ')' or ',' in exponential(, found the end of the text", nil),
        ("exponential mean: 2h", .syntax, "expected '(' after 'exponential', found 'mean: 2h'", "mean"),
        ("exponential(mean: -2h)", .invalidParameter, "mean must be finite and > 0, got -2h", "exponential"),
        ("mixture(0.5: 1, 0.4: 2)", .invalidParameter, "the sum of the mixture weights must be 1, got 0.9", "mixture"),
    ] as [(String, DistributionError.Kind, String, String?)])
    func errorsSayWhatAndWhere(_ text: String, _ kind: DistributionError.Kind, _ message: String, _ at: String?) {
        let error = parseError(text)
        #expect(error?.kind == kind, "\(text)")
        #expect(error?.message == message, "\(text)")
        let expectedOffset = at.flatMap { offset(of: $0, in: text) } ?? text.count
        #expect(error?.offset == expectedOffset, "\(text)")
        #expect(error?.description == "at character \(expectedOffset): \(message)")
    }

    @Test func durationTextRejectsNegativeAndTrailing() {
        #expect(throws: DistributionError(.invalidParameter, "a duration must not be negative, got -1h", offset: 0)) {
            try DurationText.minutes(parsing: "-1h")
        }
        #expect(throws: DistributionError(.trailingText, "unexpected text '30m' after the duration", offset: 3)) {
            try DurationText.minutes(parsing: "2h 30m")
        }
    }

    private func parseError(_ text: String) -> DistributionError? {
        do {
            _ = try Distribution(parsing: text)
            return nil
        } catch {
            return error
        }
    }
}
