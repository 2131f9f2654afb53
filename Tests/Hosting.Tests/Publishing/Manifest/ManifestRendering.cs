using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Publishing.Manifest;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Manifest;

/// <summary>Renders a model's manifest in memory, the way the publisher does, with the manifest in the AppHost directory.</summary>
internal static class ManifestRendering
{
    public static async Task<string> RenderAsync(DistributedApplicationBuilder builder, string? manifestDirectory = null)
    {
        var app = builder.Build();
        Assert.Empty(ModelValidator.Validate(app.Model, app.ExecutionContext));
        var final = Path.Combine(manifestDirectory ?? TestModels.AppHostDirectory, "aspire-manifest.json");
        var context = new PublishContext(app.Model, app.ExecutionContext, final + ".staging", final, null, TextWriter.Null);
        var bytes = await ManifestWriter.RenderAsync(context, CancellationToken.None);
        return Encoding.UTF8.GetString(bytes);
    }
}
