// swift-tools-version:6.0
import PackageDescription

let swiftSettings: [SwiftSetting] = [
  .enableUpcomingFeature("ExistentialAny"),
  .enableUpcomingFeature("InternalImportsByDefault"),
  .enableUpcomingFeature("MemberImportVisibility"),
  // Start-up (docs/performance.md): generic types such as `[StepID: Int]` get their metadata
  // through direct accessors instead of mangled names looked up at run time, which scan every
  // conformance in the binary (tens of thousands once the Swift runtime is linked statically).
  .unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"]),
]

let package = Package(
  name: "Casebook",
  products: [
    .executable(name: "casebook", targets: ["casebook"]),
    .library(name: "CasebookKit", targets: ["CasebookKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CLibEdit",
      pkgConfig: "libedit",
      providers: [.apt(["libedit-dev"])]
    ),
    .target(
      name: "CEditLine",
      dependencies: ["CLibEdit"],
      linkerSettings: [.linkedLibrary("edit")]
    ),
    .target(
      name: "CasebookKit",
      dependencies: [
        .product(name: "Yams", package: "Yams"),
        .product(name: "Mustache", package: "swift-mustache"),
      ],
      swiftSettings: swiftSettings
    ),
    .executableTarget(
      name: "casebook",
      dependencies: [
        "CasebookKit",
        "CEditLine",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "CasebookKitTests",
      dependencies: ["CasebookKit"],
      exclude: ["Fixtures", "Golden"],
      swiftSettings: swiftSettings
    ),
    .testTarget(
      name: "CasebookCLITests",
      dependencies: ["casebook", "CasebookKit"],
      exclude: ["Golden", "Fixtures", "Scripts"],
      swiftSettings: swiftSettings
    ),
  ],
  swiftLanguageModes: [.v6]
)
