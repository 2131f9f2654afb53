using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Deploy.Samples.Tests;

/// <summary>The Web front end in process, calling a stand-in Api on Kestrel by its service name.</summary>
public sealed class WebTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchPage_ApiReferencedByServiceName_ShowsItsStats()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        await using var api = builder.Build();
        api.MapGet("/stats", () => Results.Json(new { documents = 3, embedded = 2 }));
        await api.StartAsync(Ct);
        var address = api.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        // What the AppHost's WithReference(api) sets: the Web's HttpClient targets http://api and discovery resolves it.
        await using var web = new WebApplicationFactory<Web.ApiClient>().WithWebHostBuilder(host => host.UseSetting("services:api:http:0", address));
        using var client = web.CreateClient();

        var page = await client.GetStringAsync(new Uri("/", UriKind.Relative), Ct);

        Assert.Contains("3 documents, 2 embedded.", page, StringComparison.Ordinal);
        await api.StopAsync(Ct);
    }
}
