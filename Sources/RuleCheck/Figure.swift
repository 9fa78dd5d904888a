import ServiceRules

/// One named figure of a judgement (a verdict, a count, an amount), typed so a report can show
/// it in its unit and JSON can write it as itself.
public enum FigureValue: Hashable, Sendable {
    /// A check's verdict.
    case verdict(CheckOutcome)
    /// A yes/no fact (a repeat, a met availability target).
    case flag(Bool)
    /// A whole count.
    case count(Int)
    /// An amount of money.
    case money(Double)
    /// A fraction in [0, 1].
    case share(Double)
    /// Minutes.
    case minutes(Double)
    /// A name (a tier key) or a reason.
    case text(String)
}

/// Figures listed by name, in the order of their names: what `expected.json` writes and what
/// two judgements are compared by.
protocol NamedFigures {
    /// Every figure, names in ascending order (the JSON's sorted keys).
    var figures: [(name: String, value: FigureValue)] { get }
}

/// Feedback figures are listed only where the check applied, so logs without ICT feedback keep
/// the figures they had.
extension TicketVerdicts: NamedFigures {
    var figures: [(name: String, value: FigureValue)] {
        [("accept", .verdict(accept)), ("confirmation", .verdict(confirmation)), ("dispatch", .verdict(dispatch)),
         ("faultReport", .verdict(faultReport))]
            + (feedback == .notApplicable ? [] : [("feedback", .verdict(feedback))])
            + [("repeat", .flag(`repeat`)), ("restoration", .verdict(restoration)), ("tier", .text(tier))]
    }
}

extension CircuitPeriodFigures: NamedFigures {
    var figures: [(name: String, value: FigureValue)] {
        [("availability", .share(availability)), ("availabilityMet", .flag(availabilityMet)), ("credit", .money(credit)),
         ("expectedCredit", .money(expectedCredit)), ("outageMinutes", .minutes(outageMinutes)),
         ("repeatViolations", .count(repeatViolations))]
    }
}

extension TierCounts: NamedFigures {
    var figures: [(name: String, value: FigureValue)] {
        [("acceptApplicable", .count(acceptApplicable)), ("acceptMet", .count(acceptMet)),
         ("availabilityMet", .count(availabilityMet)), ("circuitPeriods", .count(circuitPeriods)),
         ("confirmationApplicable", .count(confirmationApplicable)), ("confirmationMet", .count(confirmationMet)),
         ("credits", .money(credits)), ("dispatchApplicable", .count(dispatchApplicable)), ("dispatchMet", .count(dispatchMet)),
         ("excludedTickets", .count(excludedTickets)), ("expectedCredits", .money(expectedCredits)),
         ("faultReportApplicable", .count(faultReportApplicable)), ("faultReportMet", .count(faultReportMet))]
            + (feedbackApplicable == 0 ? [] : [("feedbackApplicable", .count(feedbackApplicable)),
                                               ("feedbackMet", .count(feedbackMet))])
            + [("openTickets", .count(openTickets)), ("outageTickets", .count(outageTickets)),
         ("pendingRestorations", .count(pendingRestorations)), ("repeatViolations", .count(repeatViolations)),
         ("restorationApplicable", .count(restorationApplicable)), ("restorationMet", .count(restorationMet)),
         ("tickets", .count(tickets))]
    }
}
