import ArgumentParser
import Candor

@main
struct CandorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candor",
        abstract: "Benchmark and score self-explaining models: faithfulness, simulatability, agreement with humans.",
        version: CandorInfo.version,
        subcommands: [
            SuitesCommand.self,
            RunCommand.self,
            SanityCommand.self,
            ExportCommand.self,
            LeaderboardCommand.self,
            RefreshCommand.self,
            ServeCommand.self,
            CheckModelCommand.self,
            SchemaCommand.self,
        ]
    )
}
