// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "DeliverySim",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "deliverysim", targets: ["deliverysim"]),
        .library(name: "SimKernel", targets: ["SimKernel"]),
        .library(name: "SimRandom", targets: ["SimRandom"]),
        .library(name: "SimStats", targets: ["SimStats"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // GNU Scientific Library: random number generators, distributions, CDFs, statistics.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Random streams and distributions drawn through GSL.
        .target(name: "SimRandom", dependencies: ["CGSL"]),
        // Statistics collectors and confidence intervals (GSL's rstat, stats and cdf).
        .target(name: "SimStats", dependencies: ["CGSL", "SimRandom"]),
        // The domain-free discrete-event kernel: clock, event calendar, servers.
        .target(
            name: "SimKernel",
            dependencies: [
                "SimStats",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // Textbook queueing models built on the kernel: the engine's validation and benchmark.
        .target(
            name: "ReferenceModels",
            dependencies: ["CGSL", "SimKernel", "SimRandom", "SimStats", .product(name: "DequeModule", package: "swift-collections")]
        ),
        // The delivery organization: scenario types, the simulation model, its metrics.
        .target(
            name: "DeliveryModel",
            dependencies: [
                "SimKernel", "SimRandom", "SimStats",
                .product(name: "DequeModule", package: "swift-collections"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // Scenario and sweep files: the one YAML layer (Yams): extends, --set overrides, validation
        // with key paths, practice-step diffs, generated YAML through the emitter; CSV input.
        .target(
            name: "ScenarioFile",
            dependencies: ["DeliveryModel", "SimRandom", .product(name: "Yams", package: "Yams")]
        ),
        // Comparing scenarios: parallel deterministic replications, paired differences, DORA
        // classification, what-if grids, maturity-step advice, and their reports.
        .target(
            name: "Analysis",
            dependencies: ["DeliveryModel", "ScenarioFile", "SimStats"]
        ),
        // What leaves the program for people: tidy CSV exports, the generated Jupyter notebook,
        // the self-contained HTML report with SVG charts, atomic writes, progress on the console.
        .target(
            name: "Export",
            dependencies: ["Analysis", "CFileSync", "DeliveryModel", "ScenarioFile"]
        ),
        // One system call Swift's Glibc module does not declare (sync_file_range, a GNU
        // extension): a staged export starts each file's write-back and flushes them all once.
        .target(name: "CFileSync"),
        .executableTarget(
            name: "deliverysim",
            dependencies: [
                "SimKernel", "SimRandom", "SimStats", "ReferenceModels", "DeliveryModel", "ScenarioFile", "Analysis", "Export",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        // Fixtures and helpers the test targets share: the test scenario, temporary folders,
        // running programs (the built `deliverysim`, optional tools), raw JSON, waiting.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SimRandomTests", dependencies: ["SimRandom", "SimStats"]),
        .testTarget(name: "SimStatsTests", dependencies: ["SimStats", "SimRandom"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "SimStats"]),
        .testTarget(name: "DeliveryModelTests", dependencies: ["DeliveryModel", "ScenarioFile", "SimRandom", "SimStats", "ReferenceModels"]),
        .testTarget(name: "ScenarioFileTests", dependencies: ["ScenarioFile", "DeliveryModel", "SimRandom", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "DeliveryModel", "ReferenceModels", "ScenarioFile", "SimStats", "TestSupport"], exclude: ["Calibrate/Fixtures"]),
        .testTarget(name: "ExportTests", dependencies: ["Export", "Analysis", "DeliveryModel", "ScenarioFile", "TestSupport"]),
        .testTarget(name: "ReferenceModelsTests", dependencies: ["ReferenceModels", "SimKernel", "SimRandom", "SimStats"]),
        // The `deliverysim` executable run end to end as a user runs it, one folder per command,
        // and the golden digests of every shipped scenario's outputs (Golden/).
        .testTarget(
            name: "DeliverySimEndToEndTests",
            dependencies: ["deliverysim", "TestSupport"],
            exclude: ["Golden/outputs.sh", "Golden/digests.txt"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
