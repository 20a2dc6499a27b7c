// swift-tools-version:6.1
// Casebook's benchmarks, kept out of the main build: `cd Benchmarks && swift package benchmark`.
import PackageDescription

let package = Package(
  name: "CasebookBenchmarks",
  platforms: [.macOS(.v13)],
  dependencies: [
    .package(name: "Casebook", path: ".."),
    .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
  ],
  targets: [
    .executableTarget(
      name: "CasebookBenchmarks",
      dependencies: [
        .product(name: "Benchmark", package: "benchmark"),
        .product(name: "CasebookKit", package: "Casebook"),
        .product(name: "Yams", package: "Yams"),
      ],
      path: "Benchmarks/CasebookBenchmarks",
      plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
  ]
)
