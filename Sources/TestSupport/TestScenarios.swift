/// Scenario texts shared by several test targets, so each fixture is written once.
public enum TestScenarios {
    /// A tiny scenario, written as YAML so tests exercise the real reader: three tiered classes
    /// (SLA-AA, SLA-A VPN, MQ-I; 330 circuits) in two regions, few crews and slow repairs so that
    /// checks are missed and credits are owed. 60 observed days with the defaults.
    public static func smallYAML(days: Int = 75, warmup: Int = 15, claimRate: Double = 0.5, seed: Int = 5) -> String {
        """
        name: small
        start: 2026-01-05
        horizon: \(days)d
        warmup: \(warmup)d
        seed: \(seed)
        inventory:
          aa: {product: sdh, tier: SLA-AA, grade: group, region: east, circuits: 80, monthlyFee: 9000}
          a: {product: mpls-vpn, tier: SLA-A, grade: localA, region: west, circuits: 150, monthlyFee: 2500}
          mq: {product: sdh, tier: MQ-I, grade: localB, region: east, circuits: 100, monthlyFee: 4000}
        faults:
          rates:
            default: {access: 2.0, metro: 0.5}
        monitoringCentre:
          roster: [{shift: always, agents: 1}]
          intake: "exponential(mean: 8m)"
          confirm: "exponential(mean: 5m)"
        crews:
          east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 2}, {shift: "17:30-08:30", crews: 1}]}
          west: {roster: [{shift: always, crews: 1}]}
        travel: {default: "lognormal(mean: 40m, sd: 20m)"}
        repair:
          default: "lognormal(mean: 3h, sd: 3h)"
        installs: {perDay: 1, work: 2h}
        claimRates: {MQ-I: \(claimRate)}
        """
    }

    /// A scenario that is only a monitoring-centre queue: 1,000 circuits × 262.8 faults per
    /// circuit-year = 0.5 Poisson tickets a minute (flat profile, no storms, every detection
    /// delay 0, so `reported_at` is the fault); exponential intakes with a mean of 5 min;
    /// confirmation, fault reports and progress updates take no time, so intake is the agents'
    /// only work; every repair remote (the one crew is never called). An M/M/c queue for
    /// "dispatched within 15 minutes" (`dispatched_at` is the end of intake).
    public static func centreOnlyYAML(days: Int, seed: Int) -> String {
        """
        name: centre-only
        start: 2026-01-05
        horizon: \(days + 1)d
        warmup: 1d
        seed: \(seed)
        inventory:
          lines: {product: mpls-vpn, tier: SLA-A, grade: localA, region: city, circuits: 1000, monthlyFee: 2500}
        faults:
          rates:
            default: {access: 262.8}
        detection:
          proactive: {delay: 0m}
          customer: {delay: 0m, offHoursDelay: 0m}
          accountManager: {share: 0, delay: 0m}
        monitoringCentre:
          roster: [{shift: always, agents: 2}]
          intake: "exponential(mean: 5m)"
          confirm: 0m
          faultReport: 0m
          progressUpdate: 0m
        crews:
          city: {roster: [{shift: always, crews: 1}]}
        travel: {default: 30m}
        repair:
          default: {remoteShare: 1, remote: 30m, onSite: 1h}
        costs: {crewHour: 180, agentHour: 90, onCallHour: 40}
        """
    }
}
