using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Azure;

public sealed class AzureModelRulesTests
{
    [Fact]
    public async Task Publish_OneShotWithExternalEndpoint_NamesItAndWritesNothing()
    {
        var error = await Assert.ThrowsAsync<PublishFailedException>(() => AzurePublish.RunAsync(b =>
        {
            var migrations = b.AddContainer("migrations", "tool").WithHttpEndpoint(targetPort: 8080).WithExternalHttpEndpoints();
            b.AddContainer("api", "api").WaitForCompletion(migrations);
        }));

        Assert.Contains("Resource 'migrations' is awaited with WaitForCompletion, so it runs once to completion, but it has external endpoints (http)", error.Message, StringComparison.Ordinal);
        Assert.Contains("nothing was written", error.Message, StringComparison.Ordinal);
    }
}
