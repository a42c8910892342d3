using System.CommandLine;
using Dateline.Cli.Commands;

var root = new RootCommand("Dateline: turns raw news into sourced, structured facts");
root.Subcommands.Add(NerCommand.Create());
root.Subcommands.Add(TrainCommand.Create());
return root.Parse(args).Invoke();
