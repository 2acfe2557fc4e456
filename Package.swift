// swift-tools-version: 6.2
import PackageDescription

let package = Package(
    name: "Candor",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "candor", targets: ["CandorCLI"]),
        .library(name: "Candor", targets: ["Candor"]),
        .library(name: "CandorProtocol", targets: ["CandorProtocol"]),
        .library(name: "CandorTesting", targets: ["CandorTesting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CBLAS",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),
        .target(name: "CandorProtocol"),
        .target(
            name: "Candor",
            dependencies: [
                "CBLAS",
                "CandorProtocol",
                .product(name: "Yams", package: "Yams"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .target(name: "CandorTesting", dependencies: ["Candor", "CandorProtocol"]),
        .executableTarget(
            name: "CandorCLI",
            dependencies: [
                "Candor",
                "CandorProtocol",
                "CandorTesting",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "SuiteGenerator", dependencies: ["Candor"]),
        .testTarget(
            name: "CandorTests",
            dependencies: ["Candor", "CandorProtocol", "CandorTesting"],
            resources: []
        ),
        .testTarget(name: "CandorCLITests", dependencies: ["Candor", "CandorCLI", "CandorProtocol", "SuiteGenerator"]),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.type != .system {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
