// swift-tools-version: 6.2
import PackageDescription

// Performance harnesses for Candor, kept out of the main package so that its `swift build` and `swift test`
// never build them. Run with `swift run -c release ProtocolBenchmark` from this folder.
let package = Package(
    name: "CandorBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "Candor", path: ".."),
    ],
    targets: [
        .executableTarget(name: "echo-model", path: "echo"),
        .executableTarget(
            name: "ProtocolBenchmark",
            dependencies: [
                .product(name: "Candor", package: "Candor"),
                .product(name: "CandorProtocol", package: "Candor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

for target in package.targets where target.name != "echo-model" {
    var settings = target.swiftSettings ?? []
    settings.append(.enableUpcomingFeature("ExistentialAny"))
    settings.append(.enableUpcomingFeature("MemberImportVisibility"))
    target.swiftSettings = settings
}
