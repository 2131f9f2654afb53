using System.Reflection;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Hosting;

namespace Deploy.EndToEnd.Tests;

/// <summary>A testing builder for a model the test declares itself, run with the DCP and dashboard the reference
/// AppHost was built with.</summary>
/// <remarks>Aspire finds DCP through metadata on the AppHost assembly; its public <c>Create</c> looks for that assembly on
/// the call stack, which a test method is not, so this calls the overload that takes the assembly (internal in 13.6.5,
/// pinned like the rest of Aspire).</remarks>
public static class TestModel
{
    public static IDistributedApplicationTestingBuilder Create(params string[] args)
    {
        var create = typeof(DistributedApplicationTestingBuilder).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static,
            [typeof(string[]), typeof(Action<DistributedApplicationOptions, HostApplicationBuilderSettings>), typeof(Assembly)])
            ?? throw new InvalidOperationException("Aspire.Hosting.Testing changed: DistributedApplicationTestingBuilder.Create(args, configure, assembly) is gone.");
        Action<DistributedApplicationOptions, HostApplicationBuilderSettings> configure = (_, _) => { };
        return (IDistributedApplicationTestingBuilder)create.Invoke(null, [args, configure, typeof(Projects.AppHost).Assembly])!;
    }
}
