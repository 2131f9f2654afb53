using Deploy.Hosting.Native;
using Microsoft.Extensions.Configuration;

namespace Deploy.Hosting.Tests.Native;

public sealed class RuntimeSelectorTests
{
    [Theory]
    [InlineData("native", DeployRuntime.Native)]
    [InlineData("Container", DeployRuntime.Container)]
    public void Choose_Configured_UsesItAndSaysWhy(string configured, DeployRuntime expected)
    {
        var (runtime, reason) = RuntimeSelector.Choose(Configuration(configured));

        Assert.Equal(expected, runtime);
        Assert.Equal($"Deploy:Runtime is '{configured}'", reason);
    }

    [Fact]
    public void Choose_Unknown_ErrorNamesKeyAndAllowedValues()
    {
        var error = Assert.Throws<InvalidOperationException>(() => RuntimeSelector.Choose(Configuration("kubernetes")));

        Assert.Equal("Configuration 'Deploy:Runtime' is 'kubernetes', which is not a runtime. Fix: use auto, native or container.", error.Message);
    }

    private static IConfiguration Configuration(string runtime) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Deploy:Runtime", runtime)]).Build();
}
