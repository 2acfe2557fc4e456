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
            ScoreCommand.self,
            MergeCommand.self,
            SanityCommand.self,
            ExportCommand.self,
            LeaderboardCommand.self,
            RefreshCommand.self,
            ImportCommand.self,
            EraserCommand.self,
            MetaCommand.self,
            ServeCommand.self,
            CheckModelCommand.self,
            SchemaCommand.self,
        ]
    )
}
