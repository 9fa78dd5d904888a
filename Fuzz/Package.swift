// swift-tools-version: 6.1
import PackageDescription

/// Coverage-guided fuzzing (libFuzzer) of FaultLine's readers of user text: the ticket and
/// inventory CSV reader, the timestamp parser, the distribution parser and the scenario reader.
/// A separate package, so the main package's build is untouched; build it with
/// `swift build -c release -Xswiftc -sanitize=fuzzer` (see scripts/fuzz.sh and `make fuzz`).
/// Each target checks properties of what it read, not only that nothing crashed.
let package = Package(
    name: "FaultLineFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "FaultLine", path: "..")],
    targets: [
        .target(name: "CFuzzerDriver"),
        .executableTarget(
            name: "FuzzTicketCSV",
            dependencies: ["CFuzzerDriver", .product(name: "TicketLog", package: "FaultLine"),
                           .product(name: "ServiceRules", package: "FaultLine")]),
        .executableTarget(
            name: "FuzzTimestamp",
            dependencies: ["CFuzzerDriver", .product(name: "TicketLog", package: "FaultLine"),
                           .product(name: "ServiceRules", package: "FaultLine")]),
        .executableTarget(
            name: "FuzzDistribution",
            dependencies: ["CFuzzerDriver", .product(name: "SimRandom", package: "FaultLine")]),
        .executableTarget(
            name: "FuzzScenario",
            dependencies: ["CFuzzerDriver", .product(name: "Scenario", package: "FaultLine")]),
    ]
)
