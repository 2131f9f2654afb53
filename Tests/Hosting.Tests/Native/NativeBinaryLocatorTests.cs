using Deploy.Hosting.Native;

namespace Deploy.Hosting.Tests.Native;

public sealed class NativeBinaryLocatorTests
{
    [Fact]
    public void FindAll_Missing_OneErrorNamingEveryProgramAndThePackages()
    {
        NativeBinary[] binaries =
        [
            new("deploy-test-no-such-initdb", "postgresql", ["/nonexistent/*/bin"]),
            new("deploy-test-no-such-postgres", "postgresql", []),
        ];

        var error = Assert.Throws<NativeLaunchException>(() => NativeBinaryLocator.FindAll("postgres", binaries));

        Assert.Contains("Resource 'postgres' runs natively", error.Message, StringComparison.Ordinal);
        Assert.Contains("'deploy-test-no-such-initdb', 'deploy-test-no-such-postgres'", error.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install postgresql", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindAll_OnPath_ResolvesFullPath()
    {
        var found = NativeBinaryLocator.FindAll("shell", [new NativeBinary("sh", "dash", [])]);

        Assert.True(File.Exists(found["sh"]));
    }
}
