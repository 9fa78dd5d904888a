// swift-tools-version: 6.1
import PackageDescription

/// FaultLine: a discrete-event simulator and capacity-planning testbed for a telecom operator's
/// after-sales service. Module dependencies point down only; see docs/architecture.md.
let package = Package(
    name: "FaultLine",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "faultline", targets: ["faultline"]),
        .library(name: "SimCore", targets: ["SimCore"]),
        .library(name: "SimRandom", targets: ["SimRandom"]),
        .library(name: "QueueingTheory", targets: ["QueueingTheory"]),
        .library(name: "QueueModel", targets: ["QueueModel"]),
        .library(name: "ServiceRules", targets: ["ServiceRules"]),
        .library(name: "TicketLog", targets: ["TicketLog"]),
        .library(name: "Reports", targets: ["Reports"]),
        .library(name: "Scenario", targets: ["Scenario"]),
        .library(name: "RepairModel", targets: ["RepairModel"]),
        .library(name: "Experiments", targets: ["Experiments"]),
        .library(name: "Study", targets: ["Study"]),
        .library(name: "RuleCheck", targets: ["RuleCheck"]),
        .library(name: "Reporting", targets: ["Reporting"]),
        .library(name: "Fitting", targets: ["Fitting"]),
        .library(name: "Calibration", targets: ["Calibration"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]
        ),
        // GSL's minimisers and the special functions the fitting needs, kept apart from CGSL's
        // random-number shim so that only Fitting sees them.
        .systemLibrary(name: "CGSLFit", pkgConfig: "gsl", providers: [.apt(["libgsl-dev"]), .brew(["gsl"])]),
        .target(name: "SimCore"),
        .target(name: "SimRandom", dependencies: ["CGSL"]),
        .target(name: "QueueingTheory"),
        .target(name: "QueueModel", dependencies: ["SimCore", "SimRandom"]),
        .target(name: "ServiceRules", dependencies: ["SimCore", "Yams"]),
        .target(name: "TicketLog", dependencies: ["ServiceRules", "Reports", "SimCore"]),
        .target(name: "Reports"),
        .target(name: "RuleCheck", dependencies: ["ServiceRules", "TicketLog", "Reports"]),
        // The built-in baseline is scenarios/baseline.yaml; SwiftPM resources must live inside the
        // target, so the file is here and scenarios/baseline.yaml links to it.
        .target(
            name: "Scenario", dependencies: ["SimCore", "SimRandom", "ServiceRules", "Yams"],
            resources: [.copy("Resources/baseline.yaml")]
        ),
        .target(name: "RepairModel", dependencies: ["Scenario", "SimCore", "SimRandom", "ServiceRules"]),
        .target(
            name: "Experiments",
            dependencies: [
                "RepairModel", "Scenario", "SimCore", "ServiceRules", "QueueingTheory",
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(
            name: "Study",
            dependencies: [
                "Experiments", "RepairModel", "Scenario", "ServiceRules", "SimCore", "Reports",
            ]
        ),
        .target(name: "HTMLReport"),
        .target(
            name: "Reporting",
            dependencies: [
                "Experiments", "Study", "HTMLReport", "Reports", "Scenario", "ServiceRules", "SimCore", "SimRandom", "TicketLog",
                "QueueModel", "QueueingTheory", "RuleCheck", "Calibration", "Fitting",
            ]
        ),
        .target(name: "Fitting", dependencies: ["CGSLFit", "SimCore", "SimRandom"]),
        // `faultline fit`: a ticket log turned into a scenario, and the back-test (docs/fit.md).
        .target(
            name: "Calibration",
            dependencies: ["Fitting", "TicketLog", "Scenario", "ServiceRules", "SimRandom", "SimCore", "RepairModel", "Experiments"]
        ),
        .target(name: "TestSupport", dependencies: ["QueueingTheory"]),
        .executableTarget(
            name: "faultline",
            dependencies: [
                "SimCore", "SimRandom", "QueueingTheory", "QueueModel", "ServiceRules",
                "TicketLog", "Reports", "Scenario", "RepairModel", "Experiments", "Study",
                "HTMLReport", "Reporting", "RuleCheck", "Calibration",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SimCoreTests", dependencies: ["SimCore", "TestSupport"]),
        .testTarget(name: "SimRandomTests", dependencies: ["SimRandom", "CGSL", "TestSupport"]),
        .testTarget(
            name: "QueueModelTests",
            dependencies: ["QueueModel", "QueueingTheory", "TestSupport"]
        ),
        .testTarget(name: "ServiceRulesTests", dependencies: ["ServiceRules", "TestSupport"]),
        .testTarget(name: "TicketLogTests", dependencies: ["TicketLog", "Reports", "TestSupport"]),
        .testTarget(name: "RuleCheckTests", dependencies: ["RuleCheck", "ServiceRules", "TicketLog", "TestSupport"]),
        .testTarget(name: "ReportsTests", dependencies: ["Reports", "TestSupport"]),
        .testTarget(name: "ScenarioTests", dependencies: ["Scenario", "TestSupport"], exclude: ["Broken"]),
        .testTarget(
            name: "RepairModelTests",
            dependencies: ["RepairModel", "Scenario", "QueueingTheory", "TestSupport"]
        ),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Scenario", "QueueingTheory", "TestSupport"]),
        .testTarget(name: "StudyTests", dependencies: ["Study", "Experiments", "Scenario", "TestSupport"]),
        .testTarget(name: "HTMLReportTests", dependencies: ["HTMLReport"]),
        .testTarget(
            name: "ReportingTests",
            dependencies: ["Reporting", "Experiments", "Scenario", "HTMLReport", "SimCore", "Study", "TestSupport"], exclude: ["Golden"]
        ),
        .testTarget(name: "FittingTests", dependencies: ["Fitting", "SimRandom"]),
        .testTarget(name: "CalibrationTests", dependencies: ["Calibration", "Fitting", "Scenario", "RepairModel", "TicketLog", "ServiceRules"]),
        .testTarget(name: "FaultlineCLITests", dependencies: ["TestSupport"], exclude: ["Golden"]),
    ]
)
