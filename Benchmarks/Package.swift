// swift-tools-version: 6.1
import Foundation
import PackageDescription

// The parent package is referenced by path; SwiftPM names a path dependency after its folder,
// which differs between checkouts (main, a CI clone, ...), so read the folder name here.
let parentFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

/// FaultLine's benchmarks (ordo-one/package-benchmark), kept out of the main package so that
/// `make test` does not build the benchmark framework.
let package = Package(
    name: "FaultLineBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "Kernel",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SimCore", package: parentFolder),
                .product(name: "SimRandom", package: parentFolder),
                .product(name: "QueueModel", package: parentFolder),
            ],
            path: "Benchmarks/Kernel",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "Workflow",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Scenario", package: parentFolder),
                .product(name: "Experiments", package: parentFolder),
            ],
            path: "Benchmarks/Workflow",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "RuleEngine",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ServiceRules", package: parentFolder),
                .product(name: "TicketLog", package: parentFolder),
            ],
            path: "Benchmarks/RuleEngine",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
