using System.CommandLine;
using Dateline.Pipeline;

namespace Dateline.Cli.Commands;

/// <summary><c>dateline stages</c>: the registered stages, what each needs and adds, and the default pipeline.</summary>
public static class StagesCommand
{
    public static Command Create()
    {
        var cmd = new Command("stages", "List the annotation stages this build ships: name, the layers each needs and adds, and whether it runs by default.");
        cmd.SetAction(_ =>
        {
            var registry = StageRegistry.Default;
            Console.WriteLine($"{"stage",-24} {"default",-8} {"requires",-34} provides");
            foreach (var name in registry.Names.Order(StringComparer.Ordinal))
            {
                var s = registry.Create(name);
                bool isDefault = StageCatalog.DefaultStages.Contains(name);
                Console.WriteLine($"{name,-24} {(isDefault ? "yes" : "no"),-8} {string.Join(",", s.Requires),-34} {string.Join(",", s.Provides)}");
            }
            Console.WriteLine();
            Console.WriteLine($"default pipeline: {string.Join(" -> ", StageCatalog.DefaultStages)}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
