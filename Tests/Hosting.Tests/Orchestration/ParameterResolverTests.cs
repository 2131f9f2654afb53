using Aspire.Hosting;
using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Orchestration;

public sealed class ParameterResolverTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("deploy-test-params-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Resolve_GeneratedPassword_IsPersistedOwnerOnlyAndStableAcrossRuns()
    {
        var first = Resolve();
        var second = Resolve();

        Assert.Equal(22, first.Length);
        Assert.Equal(first, second);
        var file = Directory.GetFiles(_root, "parameters.json", SearchOption.AllDirectories).Single();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Resolve_ConfiguredValue_WinsOverPersistedOne()
    {
        Resolve();
        var configured = Resolve("--Parameters:pg-password=from-config");

        Assert.Equal("from-config", configured);
    }

    private string Resolve(params string[] args)
    {
        var builder = TestModels.Run(args);
        var postgres = builder.AddPostgres("pg");
        var app = builder.Build();
        ParameterResolver.Resolve(app.Model.AllResources, new StateDirectory("TestApp", TestModels.AppHostDirectory, _root));
        return postgres.Resource.PasswordParameter.Value;
    }
}
