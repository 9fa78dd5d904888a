import Experiments
import Scenario

/// A study file, read, validated and resolved: the base scenario, the staffing targets, and
/// every service mix as a whole scenario (the base transformed). The format is described in
/// docs/study-format.md; read one with `StudyDefinition.load(path:maxMixes:)`.
public struct StudyDefinition: Sendable {
    /// The study's name (`study:`), used in reports and in the results store's key.
    public var name: String
    /// The study's `description:`; empty when the file has none.
    public var description: String = ""
    /// The study file's path as given.
    public var file: String
    /// The base scenario's path, resolved relative to the study file.
    public var basePath: String
    /// The base scenario: the reference every mix is compared with, at today's staffing.
    public var base: Scenario
    /// The targets each mix's staffing must meet, as `staff --target` reads them.
    public var targets: [StaffTarget]
    /// The mixes in file order (`mixes:` first, then the grid's points, first axis slowest).
    /// The base itself is not among them: a study always reports it first, as the reference.
    public var mixes: [StudyMix]
    /// The grid's axes when the file has a `grid:`, in file order; empty otherwise.
    public var gridAxes: [StudyAxis]
    /// Run settings the file gives (`replications:` …); nil where the file is silent.
    public var settings: StudySettings

    /// A definition from its parts (tests and the reader build one this way).
    public init(name: String, file: String, basePath: String, base: Scenario, targets: [StaffTarget], mixes: [StudyMix],
                gridAxes: [StudyAxis] = [], settings: StudySettings = StudySettings(), description: String = "") {
        self.name = name
        self.description = description
        self.file = file
        self.basePath = basePath
        self.base = base
        self.targets = targets
        self.mixes = mixes
        self.gridAxes = gridAxes
        self.settings = settings
    }
}

/// One service mix: the base scenario with its inventory (and, when asked, fault rates and
/// workloads) transformed.
public struct StudyMix: Sendable, Equatable {
    /// The mix's name: its key under `mixes:`, or the grid point's name, e.g. `aaa=1.5,growth=1.1`.
    public var name: String
    /// The transformed scenario; every field but the inventory, fault rates and installs is the
    /// base's (name and seed included), so a mix that changes nothing is `==` to the base.
    public var scenario: Scenario
    /// What was changed, one short line per transformation in the order applied, e.g.
    /// `SLA-AAA circuits × 2: 1,080 → 2,160`; empty for a mix that changes nothing.
    public var changes: [String]
    /// The value of each grid axis, in the order of ``StudyDefinition/gridAxes``; empty for a mix
    /// named under `mixes:`.
    public var gridPoint: [Double]

    /// A mix from its parts.
    public init(name: String, scenario: Scenario, changes: [String], gridPoint: [Double] = []) {
        self.name = name
        self.scenario = scenario
        self.changes = changes
        self.gridPoint = gridPoint
    }
}

/// One axis of a study's grid: the transformation it varies and the values it takes.
public struct StudyAxis: Sendable, Equatable {
    /// The axis's key under `grid:`, e.g. `aaa`.
    public var name: String
    /// What the axis varies, in words, e.g. `SLA-AAA circuits ×`.
    public var label: String
    /// The values, in file order.
    public var values: [Double]

    /// An axis from its parts.
    public init(name: String, label: String, values: [Double]) {
        self.name = name
        self.label = label
        self.values = values
    }
}

/// Run settings a study file may give; the command line overrides each.
public struct StudySettings: Sendable, Equatable {
    /// Replications of every mix's figures at today's staffing (and of its cost to serve).
    public var replications: Int?
    /// Replications per candidate in the staffing search.
    public var searchReplications: Int?
    /// Fresh replications verifying each recommended staffing.
    public var verifyReplications: Int?
    /// Confidence of the target bounds.
    public var confidence: Double?
    /// Master seed; the base scenario's seed when nil.
    public var seed: UInt64?

    /// Settings from their parts; every one optional.
    public init(replications: Int? = nil, searchReplications: Int? = nil, verifyReplications: Int? = nil,
                confidence: Double? = nil, seed: UInt64? = nil) {
        self.replications = replications
        self.searchReplications = searchReplications
        self.verifyReplications = verifyReplications
        self.confidence = confidence
        self.seed = seed
    }
}
