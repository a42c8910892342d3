using System.CommandLine;
using Dateline.Cli;
using Dateline.Cli.Commands;

// The CLI is thin: each command parses its options and calls the library.
var root = new RootCommand("""
    Dateline turns raw news into sourced, structured facts: article text and metadata, sentences,
    entities, times, quantities, quotes, claims and events, each with character offsets into the
    article text it came from.

    Exit codes: 0 all inputs processed; 1 some inputs failed (each named on stderr, the others still
    written); 2 usage error.
    """);
root.Subcommands.Add(ExtractCommand.Create());
root.Subcommands.Add(StagesCommand.Create());
root.Subcommands.Add(NerCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
root.Subcommands.Add(IngestCommand.Create());
root.Subcommands.Add(SearchCommand.Create());
root.Subcommands.Add(ServeCommand.Create());
return CliRunner.Run(root, args);
