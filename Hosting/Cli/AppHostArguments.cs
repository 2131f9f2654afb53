using Aspire.Hosting;

namespace Deploy.Hosting.Cli;

/// <summary>What the AppHost's command line asks for.</summary>
/// <remarks>Two forms: the engine's own (<c>publish &lt;target&gt; --output-path DIR [--environment NAME]</c>) and the one
/// azd and aspirate call (<c>--publisher manifest --output-path FILE</c>). Everything else is configuration.</remarks>
internal sealed record AppHostArguments(
    DistributedApplicationOperation Operation,
    string? Publisher,
    string? OutputPath,
    string? EnvironmentName,
    IReadOnlyList<string> ConfigurationArgs,
    IReadOnlyList<string> Errors)
{
    public static AppHostArguments Parse(IReadOnlyList<string> args)
    {
        string? publisher = null, outputPath = null, environment = null, operation = null;
        var rest = new List<string>();
        var errors = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (i == 0 && arg == "publish")
            {
                operation = "publish";
                if (i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                    publisher = args[++i];
                else
                    errors.Add("'publish' needs a target: publish <manifest|kubernetes|compose|azure|all> [--output-path DIR].");
                continue;
            }

            string? Value() => TakeValue(args, ref i, arg, errors);
            switch (arg)
            {
                case "--publisher": publisher = Value(); operation ??= "publish"; break;
                case "--output-path": outputPath = Value(); break;
                case "--environment": environment = Value(); break;
                case "--operation": operation = Value(); break;
                // A switch without a value would be dropped by the configuration command-line provider.
                case "--fill-secrets": rest.Add("--Publish:FillSecrets=true"); break;
                default: rest.Add(arg); break;
            }
        }

        var op = operation?.ToLowerInvariant() switch
        {
            null or "run" => DistributedApplicationOperation.Run,
            "publish" => DistributedApplicationOperation.Publish,
            _ => Invalid(errors, $"Invalid operation '{operation}'. Valid operations are 'publish' or 'run'."),
        };
        return new(op, publisher, outputPath, environment, rest, errors);
    }

    private static string? TakeValue(IReadOnlyList<string> args, ref int i, string name, List<string> errors)
    {
        if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            return args[++i];
        errors.Add($"Option '{name}' needs a value.");
        return null;
    }

    private static DistributedApplicationOperation Invalid(List<string> errors, string message)
    {
        errors.Add(message);
        return DistributedApplicationOperation.Run;
    }
}
