import SimCore

// JSON shapes of the pricing results (price); keys sorted by the report encoder.

extension PricingCase: Encodable {
    private enum Key: String, CodingKey { case faultFactor, tiers, all, perYear }
    private enum YearKey: String, CodingKey { case installCrewHours, installDirect, installLoaded, unattributed, callOuts, accountManagers, installReports, staff }

    /// `faultFactor`, `tiers`, `all` and `perYear` (the lines no tier carries, and the staff cost;
    /// `installReports` only when some replication had any).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(faultFactor, forKey: .faultFactor)
        try container.encode(tiers, forKey: .tiers)
        try container.encode(all, forKey: .all)
        var perYear = container.nestedContainer(keyedBy: YearKey.self, forKey: .perYear)
        try perYear.encode(installCrewHoursPerYear, forKey: .installCrewHours)
        try perYear.encode(installDirectPerYear, forKey: .installDirect)
        try perYear.encode(installLoadedPerYear, forKey: .installLoaded)
        try perYear.encode(unattributedPerYear, forKey: .unattributed)
        try perYear.encode(callOutPerYear, forKey: .callOuts)
        try perYear.encode(accountManagerPerYear, forKey: .accountManagers)
        try perYear.encodeIfPresent(installReportPerYear, forKey: .installReports)
        try perYear.encode(staffPerYear, forKey: .staff)
    }
}

extension TierPrice: Encodable {
    private enum Key: String, CodingKey {
        case key, circuits, fee, ticketsPerYear, crewHoursPerYear, agentHoursPerYear, remoteEngineerHoursPerYear
        case directCost, loadedCost, credits
        case protection, breakEven, margin, marginShare
    }

    /// A tier's figures per circuit-month (tickets and hours per year).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(key, forKey: .key)
        try container.encode(circuits, forKey: .circuits)
        try container.encode(fee, forKey: .fee)
        try container.encode(ticketsPerYear, forKey: .ticketsPerYear)
        try container.encode(crewHoursPerYear, forKey: .crewHoursPerYear)
        try container.encode(agentHoursPerYear, forKey: .agentHoursPerYear)
        try container.encodeIfPresent(remoteEngineerHoursPerYear, forKey: .remoteEngineerHoursPerYear)
        try container.encode(directCost, forKey: .directCost)
        try container.encode(loadedCost, forKey: .loadedCost)
        try container.encode(credits, forKey: .credits)
        try container.encode(protection, forKey: .protection)
        try container.encode(breakEven, forKey: .breakEven)
        try container.encode(margin, forKey: .margin)
        try container.encode(marginShare, forKey: .marginShare)
    }
}
