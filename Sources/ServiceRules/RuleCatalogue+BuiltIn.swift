/// The built-in catalogue: docs/domain.md §2–§5 and the default credit schedules of
/// docs/rules-semantics.md "Credits".
extension RuleCatalogue {
    /// The built-in rules (Assumptions as documented in docs/domain.md).
    public static let builtIn = RuleCatalogue(
        products: builtInProducts, networkGrades: builtInNetworkGrades, tiers: builtInTiers,
        afterSalesLevels: builtInAfterSalesLevels, repairLimits: builtInRepairLimits,
        calendars: [.standard]
    )

    static var builtInProducts: [Product] {
        let bandwidth = ["ddn", "frame-relay", "atm", "sdh", "mpls-vpn", "digital-circuit-lease",
                         "satellite-lease", "xdsl", "lan-access", "lan-dedicated", "leased-fibre",
                         "digital-trunk"]
        let ict = ["switchboard", "wireless-broadband", "office-suite", "custom-terminal",
                   "sales-manager", "logistics-elink", "global-eye", "it-services"]
        let converged = ["ptt", "location", "industry-sms", "vpdn", "police-elink", "commerce-elink",
                         "tobacco-elink"]
        let voice = ["virtual-network", "ngn-virtual-network", "800", "4008", "enterprise-ringback"]
        return bandwidth.map { Product(key: $0, family: .bandwidth, isVPN: $0 == "mpls-vpn") }
            + ict.map { Product(key: $0, family: .ict) }
            + converged.map { Product(key: $0, family: .converged) }
            + voice.map { Product(key: $0, family: .voice) }
    }

    static var builtInNetworkGrades: [NetworkGrade] {
        let all = Set(NetworkSegment.allCases)
        return [
            NetworkGrade(key: "A", protectedSegments: all, monitoredSegments: all),
            NetworkGrade(key: "B", protectedSegments: [.metro, .backbone], monitoredSegments: [.metro, .backbone]),
            NetworkGrade(key: "C", protectedSegments: [.backbone], monitoredSegments: [.backbone]),
            NetworkGrade(key: "N", protectedSegments: [], monitoredSegments: []),
        ]
    }

    static var builtInTiers: [ServiceTier] {
        let day: Int64 = 86_400
        return [
            slaTier("SLA-AAA", 0.9999, "A", .minutes(60), nil, 90 * day, NetworkSegment.allCases, 1,
                    [0.9999, 0.999, 0.995, 0.99]),
            slaTier("SLA-AA", 0.9995, "B", .minutes(90), .minutes(120), 60 * day, [.metro, .backbone], 2,
                    [0.9995, 0.998, 0.995, 0.99]),
            slaTier("SLA-A", 0.999, "C", .minutes(180), .minutes(240), 30 * day, [.backbone], 2,
                    [0.999, 0.997, 0.995, 0.99]),
            mqTier("MQ-I", 0.9999, "C", [0.9999, 0.999, 0.995, 0.99]),
            mqTier("MQ-II", 0.9995, "N", [0.9995, 0.998, 0.995, 0.99]),
            mqTier("MQ-III", 0.999, "N", [0.999, 0.997, 0.995, 0.99]),
            ServiceTier(key: "QLC", family: .qualityLevel, availabilityTarget: 0.99, networkGrade: "N",
                        restorationLimit: .minutes(360), payment: .noCompensation),
        ]
    }

    /// The default band amounts (10 / 25 / 50 / 100 %) below four availability edges.
    static func defaultBands(_ edges: [Double], scale: Double) -> [AvailabilityBand] {
        let shares = [0.10, 0.25, 0.50, 1.0]
        return AvailabilityBand.descending(zip(edges, shares).map { (below: $0, share: $1 * scale) })
    }

    static func slaTier(
        _ key: String, _ target: Double, _ grade: String, _ limit: RestorationLimit,
        _ vpnLimit: RestorationLimit?, _ window: Int64, _ monitored: [NetworkSegment],
        _ reportDays: Int, _ edges: [Double]
    ) -> ServiceTier {
        let terms: [CreditTerm] = [
            .availabilityBands(defaultBands(edges, scale: 1)),
            .restorationOverrun(sharePerStartedHour: 1.0 / 30.0),
            .repeatFault(share: 0.05),
        ]
        return ServiceTier(
            key: key, family: .slaCommitment, availabilityTarget: target, networkGrade: grade,
            restorationLimit: limit, vpnRestorationLimit: vpnLimit, repeatWindowSeconds: window,
            monitoredSegments: monitored, faultReportWorkingDays: reportDays, payment: .strict,
            credits: CreditSchedule(terms: terms)
        )
    }

    static func mqTier(_ key: String, _ target: Double, _ grade: String, _ edges: [Double]) -> ServiceTier {
        ServiceTier(
            key: key, family: .maintenanceQuality, availabilityTarget: target, networkGrade: grade,
            restorationLimit: .minutes(240), payment: .negotiable(payProbability: 0.5),
            credits: CreditSchedule(terms: [.availabilityBands(defaultBands(edges, scale: 0.5))])
        )
    }

    /// Assumption (the source's table is cut off): escalation steps and update intervals.
    static var builtInAfterSalesLevels: [AfterSalesLevel] {
        [
            AfterSalesLevel(key: "VIP-SL1", escalationAfterSeconds: [1800, 3600, 7200], progressUpdateSeconds: 1800),
            AfterSalesLevel(key: "VIP-SL2", escalationAfterSeconds: [3600, 7200, 14_400], progressUpdateSeconds: 3600),
            AfterSalesLevel(key: "VIP-SL3", escalationAfterSeconds: [7200, 14_400, 28_800], progressUpdateSeconds: 7200),
        ]
    }

    static var builtInRepairLimits: RepairLimitMatrix {
        let virtualNetwork = RepairLimitRow(group: .hours(20), provincial: .hours(20), localA: .hours(24),
                                            localB: .hours(48), localC: .hours(48))
        let ringback = RepairLimitRow(group: .hours(20), provincial: .hours(20), localA: .hours(24),
                                      localB: .hours(24), localC: .hours(24))
        // By customer type (the source's split); the grade-only limits are the default for
        // circuits whose type the inventory does not give (and for ordinary cluster customers).
        var freephone = RepairLimitRow(group: .hours(12), provincial: .hours(12), localA: .hours(12),
                                       localB: .hours(24), localC: .hours(24))
        freephone.byCustomerType = [.industry: .hours(12), .highEndCluster: .hours(12), .brand: .hours(24)]
        // ICT and application products: feedback within 1 working day, resolved within 3.
        var application = RepairLimitRow(all: .workingDays(3))
        application.feedbackWorkingDays = 1
        return RepairLimitMatrix(
            byProduct: ["virtual-network": virtualNetwork, "ngn-virtual-network": virtualNetwork,
                        "enterprise-ringback": ringback, "800": freephone, "4008": freephone],
            byFamily: [.ict: application, .converged: application]
        )
    }
}
