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
        // The domain-free discrete-event kernel: clock, event calendar, servers, bounded queues.
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
            dependencies: ["SimKernel", "SimRandom", "SimStats", .product(name: "DequeModule", package: "swift-collections")]
        ),
        .executableTarget(
            name: "deliverysim",
            dependencies: [
                "SimKernel", "SimRandom", "SimStats", "ReferenceModels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HeapModule", package: "swift-collections"),
            ]
        ),
        .testTarget(name: "SimRandomTests", dependencies: ["SimRandom", "SimStats"]),
        .testTarget(name: "SimStatsTests", dependencies: ["SimStats", "SimRandom"]),
        .testTarget(name: "SimKernelTests", dependencies: ["SimKernel", "SimStats"]),
        .testTarget(name: "ReferenceModelsTests", dependencies: ["ReferenceModels", "SimKernel", "SimRandom", "SimStats"]),
    ],
    swiftLanguageModes: [.v6]
)
