/// The built-in baseline: the same text as scenarios/baseline.yaml (a test keeps the two
/// byte-identical), so the binary needs no files to run a default study.
extension Scenario {
    /// The baseline scenario resolved from ``builtInBaselineYAML``.
    public static var builtInBaseline: Scenario {
        // The text is a constant that a test parses; it cannot fail at run time.
        try! parse(yaml: builtInBaselineYAML, file: "built-in baseline.yaml")
    }

    /// The text of scenarios/baseline.yaml. Regenerate this constant when the file changes.
    public static let builtInBaselineYAML = #"""
# FaultLine baseline: the enterprise ("政企") circuit base of a large city, one year.
# Every parameter's source or reasoning: docs/scenario-parameters.md. Format: docs/scenario-format.md.
name: city-enterprise-baseline
description: >-
  About 38,000 enterprise circuits in four regions across the seven tiers and untiered products;
  Mon-Fri day crews with weekend, evening and night cover; a three-shift monitoring centre.
start: 2026-01-01
horizon: 365d
warmup: 30d
replications: 20
seed: 20261124

calendar:
  workingHours: "Mon-Fri 08:30-17:30"
  holidays: ["2026-01-01..2026-01-03", "2026-02-15..2026-02-23", "2026-04-04..2026-04-06",
             "2026-05-01..2026-05-05", "2026-06-19..2026-06-21", "2026-09-25..2026-09-27",
             "2026-10-01..2026-10-07"]
  makeUpWorkdays: [2026-01-04, 2026-02-14, 2026-02-28, 2026-05-09, 2026-09-20, 2026-10-10]

inventory:                     # classes of identical circuits, keyed by a row id
  # east
  east-sdh-aaa: {product: sdh, tier: SLA-AAA, grade: group, region: east, circuits: 150, monthlyFee: 12000}
  east-vpn-aaa: {product: mpls-vpn, tier: SLA-AAA, grade: group, region: east, circuits: 200, monthlyFee: 9000}
  east-vpn-aa: {product: mpls-vpn, tier: SLA-AA, grade: provincial, region: east, circuits: 600, monthlyFee: 3500}
  east-vpn-a: {product: mpls-vpn, tier: SLA-A, grade: localA, region: east, circuits: 1500, monthlyFee: 2500}
  east-sdh-aa: {product: sdh, tier: SLA-AA, grade: localA, region: east, circuits: 400, monthlyFee: 6000}
  east-lan-a: {product: lan-dedicated, tier: SLA-A, grade: localA, region: east, circuits: 1200, monthlyFee: 2000}
  east-lease-mq1: {product: digital-circuit-lease, tier: MQ-I, grade: localB, region: east, circuits: 500, monthlyFee: 4000}
  east-lan-mq2: {product: lan-dedicated, tier: MQ-II, grade: localB, region: east, circuits: 1500, monthlyFee: 1500}
  east-access-mq3: {product: lan-access, tier: MQ-III, grade: localC, region: east, circuits: 1500, monthlyFee: 800}
  east-xdsl: {product: xdsl, grade: localC, region: east, circuits: 3000, monthlyFee: 300}
  east-voice: {product: virtual-network, grade: localB, region: east, circuits: 1200, monthlyFee: 600}
  east-it: {product: it-services, grade: localC, region: east, circuits: 600, monthlyFee: 1200}
  # west
  west-sdh-aaa: {product: sdh, tier: SLA-AAA, grade: group, region: west, circuits: 120, monthlyFee: 12000}
  west-vpn-aaa: {product: mpls-vpn, tier: SLA-AAA, grade: group, region: west, circuits: 160, monthlyFee: 9000}
  west-vpn-aa: {product: mpls-vpn, tier: SLA-AA, grade: provincial, region: west, circuits: 480, monthlyFee: 3500}
  west-vpn-a: {product: mpls-vpn, tier: SLA-A, grade: localA, region: west, circuits: 1200, monthlyFee: 2500}
  west-sdh-aa: {product: sdh, tier: SLA-AA, grade: localA, region: west, circuits: 320, monthlyFee: 6000}
  west-lan-a: {product: lan-dedicated, tier: SLA-A, grade: localA, region: west, circuits: 960, monthlyFee: 2000}
  west-lease-mq1: {product: digital-circuit-lease, tier: MQ-I, grade: localB, region: west, circuits: 400, monthlyFee: 4000}
  west-lan-mq2: {product: lan-dedicated, tier: MQ-II, grade: localB, region: west, circuits: 1200, monthlyFee: 1500}
  west-access-mq3: {product: lan-access, tier: MQ-III, grade: localC, region: west, circuits: 1200, monthlyFee: 800}
  west-xdsl: {product: xdsl, grade: localC, region: west, circuits: 2400, monthlyFee: 300}
  west-voice: {product: virtual-network, grade: localB, region: west, circuits: 960, monthlyFee: 600}
  west-it: {product: it-services, grade: localC, region: west, circuits: 480, monthlyFee: 1200}
  # north
  north-sdh-aaa: {product: sdh, tier: SLA-AAA, grade: group, region: north, circuits: 90, monthlyFee: 12000}
  north-vpn-aaa: {product: mpls-vpn, tier: SLA-AAA, grade: group, region: north, circuits: 120, monthlyFee: 9000}
  north-vpn-aa: {product: mpls-vpn, tier: SLA-AA, grade: provincial, region: north, circuits: 360, monthlyFee: 3500}
  north-vpn-a: {product: mpls-vpn, tier: SLA-A, grade: localA, region: north, circuits: 900, monthlyFee: 2500}
  north-sdh-aa: {product: sdh, tier: SLA-AA, grade: localA, region: north, circuits: 240, monthlyFee: 6000}
  north-lan-a: {product: lan-dedicated, tier: SLA-A, grade: localA, region: north, circuits: 720, monthlyFee: 2000}
  north-lease-mq1: {product: digital-circuit-lease, tier: MQ-I, grade: localB, region: north, circuits: 300, monthlyFee: 4000}
  north-lan-mq2: {product: lan-dedicated, tier: MQ-II, grade: localB, region: north, circuits: 900, monthlyFee: 1500}
  north-access-mq3: {product: lan-access, tier: MQ-III, grade: localC, region: north, circuits: 900, monthlyFee: 800}
  north-xdsl: {product: xdsl, grade: localC, region: north, circuits: 1800, monthlyFee: 300}
  north-voice: {product: virtual-network, grade: localB, region: north, circuits: 720, monthlyFee: 600}
  north-it: {product: it-services, grade: localC, region: north, circuits: 360, monthlyFee: 1200}
  # south
  south-sdh-aaa: {product: sdh, tier: SLA-AAA, grade: group, region: south, circuits: 100, monthlyFee: 12000}
  south-vpn-aaa: {product: mpls-vpn, tier: SLA-AAA, grade: group, region: south, circuits: 140, monthlyFee: 9000}
  south-vpn-aa: {product: mpls-vpn, tier: SLA-AA, grade: provincial, region: south, circuits: 420, monthlyFee: 3500}
  south-vpn-a: {product: mpls-vpn, tier: SLA-A, grade: localA, region: south, circuits: 1050, monthlyFee: 2500}
  south-sdh-aa: {product: sdh, tier: SLA-AA, grade: localA, region: south, circuits: 280, monthlyFee: 6000}
  south-lan-a: {product: lan-dedicated, tier: SLA-A, grade: localA, region: south, circuits: 840, monthlyFee: 2000}
  south-lease-mq1: {product: digital-circuit-lease, tier: MQ-I, grade: localB, region: south, circuits: 350, monthlyFee: 4000}
  south-lan-mq2: {product: lan-dedicated, tier: MQ-II, grade: localB, region: south, circuits: 1050, monthlyFee: 1500}
  south-access-mq3: {product: lan-access, tier: MQ-III, grade: localC, region: south, circuits: 1050, monthlyFee: 800}
  south-xdsl: {product: xdsl, grade: localC, region: south, circuits: 2100, monthlyFee: 300}
  south-voice: {product: virtual-network, grade: localB, region: south, circuits: 840, monthlyFee: 600}
  south-it: {product: it-services, grade: localC, region: south, circuits: 420, monthlyFee: 1200}

faults:
  rates:                       # faults per circuit-year, by segment
    sdh: {customerPremises: 0.10, access: 0.35, metro: 0.10, backbone: 0.05}
    mpls-vpn: {customerPremises: 0.20, access: 0.40, metro: 0.10, backbone: 0.05}
    lan-dedicated: {customerPremises: 0.20, access: 0.50, metro: 0.10, backbone: 0.05}
    digital-circuit-lease: {customerPremises: 0.10, access: 0.30, metro: 0.10, backbone: 0.05}
    lan-access: {customerPremises: 0.30, access: 0.60, metro: 0.10, backbone: 0.03}
    xdsl: {customerPremises: 0.40, access: 0.90, metro: 0.10, backbone: 0.03}
    virtual-network: {customerPremises: 0.10, access: 0.20, metro: 0.05, backbone: 0.02}
    it-services: {customerPremises: 0.60, access: 0.10}
  profile:
    hourOfDay: [0.6, 0.5, 0.5, 0.5, 0.5, 0.6, 0.8, 1.0, 1.3, 1.5, 1.5, 1.4,
                1.2, 1.3, 1.4, 1.4, 1.3, 1.2, 1.0, 0.9, 0.8, 0.8, 0.7, 0.6]
    month: [0.85, 0.80, 0.90, 0.95, 1.05, 1.15, 1.25, 1.25, 1.10, 0.95, 0.90, 0.85]
  storms: {perYear: 2, multiplier: 3, duration: "lognormal(mean: 24h, sd: 12h)"}

detection:
  proactive: {delay: "exponential(mean: 3m)"}
  customer: {delay: "lognormal(mean: 15m, sd: 10m)", offHoursDelay: "lognormal(mean: 90m, sd: 60m)"}
  accountManager: {share: 0.1, delay: "lognormal(mean: 30m, sd: 20m)"}

monitoringCentre:
  roster:
    - {shift: "00:00-08:00", agents: 2}
    - {shift: "08:00-16:00", agents: 3}
    - {shift: "16:00-24:00", agents: 2}
  intake: "lognormal(mean: 6m, sd: 2m)"
  confirm: "lognormal(mean: 6m, sd: 3m)"
  progressUpdate: "lognormal(mean: 2m, sd: 1m)"   # VIP-SL interval: 30 min / 1 h / 2 h by level
  faultReport: "lognormal(mean: 10m, sd: 5m)"     # SLA tiers: within 1 / 2 working days

crews:                         # per region; offered load and headroom: docs/scenario-parameters.md
  east:
    roster:
      - {shift: "Mon-Fri 08:30-17:30", crews: 3}
      - {shift: "Sat,Sun 08:30-17:30", crews: 2}
      - {shift: "17:30-22:00", crews: 2}
      - {shift: "22:00-08:30", crews: 1, onCall: 1}
    callout: "lognormal(mean: 30m, sd: 10m)"
  west:
    roster:
      - {shift: "Mon-Fri 08:30-17:30", crews: 2}
      - {shift: "Sat,Sun 08:30-17:30", crews: 2}
      - {shift: "17:30-22:00", crews: 2}
      - {shift: "22:00-08:30", crews: 1, onCall: 1}
    callout: "lognormal(mean: 30m, sd: 10m)"
  north:
    roster:
      - {shift: "Mon-Fri 08:30-17:30", crews: 2}
      - {shift: "Sat,Sun 08:30-17:30", crews: 2}
      - {shift: "17:30-22:00", crews: 1, onCall: 1}
      - {shift: "22:00-08:30", crews: 1, onCall: 1}
    callout: "lognormal(mean: 30m, sd: 10m)"
  south:
    roster:
      - {shift: "Mon-Fri 08:30-17:30", crews: 2}
      - {shift: "Sat,Sun 08:30-17:30", crews: 2}
      - {shift: "17:30-22:00", crews: 1, onCall: 1}
      - {shift: "22:00-08:30", crews: 1, onCall: 1}
    callout: "lognormal(mean: 30m, sd: 10m)"

travel:                        # to a site, by region: crews start from district maintenance stations
  east: "lognormal(mean: 20m, sd: 10m)"
  west: "lognormal(mean: 25m, sd: 12m)"
  north: "lognormal(mean: 30m, sd: 15m)"
  south: "lognormal(mean: 25m, sd: 12m)"

repair:                        # by segment; remote fixes need no crew; on site = time to restore service
  customerPremises:
    remoteShare: 0.65
    remote: "lognormal(mean: 15m, sd: 10m)"
    onSite: "mixture(0.85: lognormal(mean: 30m, sd: 15m), 0.15: lognormal(mean: 80m, sd: 30m))"
  access:
    remoteShare: 0.65
    remote: "lognormal(mean: 20m, sd: 10m)"
    onSite: "mixture(0.87: lognormal(mean: 30m, sd: 15m), 0.10: lognormal(mean: 70m, sd: 30m), 0.03: pareto(shape: 2.5, scale: 2h))"
  metro:
    remoteShare: 0.7
    remote: "lognormal(mean: 20m, sd: 10m)"
    onSite: "mixture(0.85: lognormal(mean: 60m, sd: 30m), 0.15: lognormal(mean: 4h, sd: 2h))"
  backbone:
    remoteShare: 0.8
    remote: "lognormal(mean: 20m, sd: 10m)"
    onSite: "mixture(0.8: lognormal(mean: 2h, sd: 1h), 0.2: lognormal(mean: 6h, sd: 3h))"

escalation: {atFractionOfLimit: 0.75}
installs: {perDay: 12, work: "lognormal(mean: 2h, sd: 45m)", appointmentWithin: 24h, completeWithin: 72h}
claimRates: {MQ-I: 0.5, MQ-II: 0.5, MQ-III: 0.5}
costs: {crewHour: 180, agentHour: 90, onCallHour: 40, protection: {A: 1800, B: 450, C: 60, N: 0}}
"""#
}
