using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests;

/// <summary>Run() on a broken model: every error printed, a non-zero exit code, nothing started.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class DistributedApplicationTests : IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("deploy-test-invalid-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    [Fact]
    public void Run_ModelWithErrors_PrintsEveryErrorStartsNothingAndExitsNonZero()
    {
        var builder = TestModels.Run($"--Deploy:StateDirectory={_state}");
        var a = builder.AddExecutable("a", "sh", "/", "-c", "touch started-a; sleep 30");
        builder.AddExecutable("b", "sh", "/", "-c", "touch started-b; sleep 30").WaitFor(a);
        a.WaitFor(builder.CreateResourceBuilder(builder.Resources[1]));
        builder.AddExecutable("bad_name", "sh", "/");
        builder.AddParameter("api-key", secret: true);
        var error = new StringWriter();
        var previousError = Console.Error;
        var previousExitCode = Environment.ExitCode;
        Console.SetError(error);
        try
        {
            builder.Build().Run();

            Assert.Equal(1, Environment.ExitCode);
        }
        finally
        {
            Console.SetError(previousError);
            Environment.ExitCode = previousExitCode;
        }

        var text = error.ToString();
        Assert.Contains("The application model has 3 errors; nothing was started.", text, StringComparison.Ordinal);
        Assert.Contains("Resource 'a': WaitFor cycle: a -> b -> a.", text, StringComparison.Ordinal);
        Assert.Contains("Resource 'bad_name': Invalid name.", text, StringComparison.Ordinal);
        Assert.Contains("Resource 'api-key': Secret parameter has no value", text, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(_state));
    }
}

/// <summary>Tests that swap the process-wide console run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "Console";
}
