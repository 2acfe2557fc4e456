import Foundation

/// Regenerates the six shipped suites under `Suites/` (or the folder given as the only argument).
let recipes: [any Recipe] = [
    NLIRecipe(),
    FactCheckRecipe(),
]

let arguments = CommandLine.arguments.dropFirst()
let only = arguments.filter { !$0.hasPrefix("/") && !$0.hasPrefix(".") }
let target = arguments.first { $0.hasPrefix("/") || $0.hasPrefix(".") } ?? "Suites"
let folder = URL(fileURLWithPath: target)
do {
    for recipe in recipes where only.isEmpty || only.contains(recipe.id) {
        try SuiteWriter(recipe: recipe).write(into: folder)
        print("wrote \(folder.appendingPathComponent(recipe.id).path)")
    }
} catch {
    FileHandle.standardError.write(Data("SuiteGenerator: \(error)\n".utf8))
    exit(1)
}
