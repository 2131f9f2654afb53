using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Writes <c>infra/main.parameters.json</c>. Every value is an azd substitution from the selected azd
/// environment (<c>.azure/&lt;env&gt;/.env</c>), so one file serves every environment and holds no value itself.</summary>
internal static class ParametersFile
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static string Write(IReadOnlyList<AppPlan> apps, IReadOnlyList<ParameterResource> parameters, BicepSymbols symbols)
    {
        var values = new JsonObject
        {
            ["environmentName"] = Value("${AZURE_ENV_NAME}"),
            ["location"] = Value("${AZURE_LOCATION}"),
            ["principalId"] = Value("${AZURE_PRINCIPAL_ID}"),
        };
        if (apps.Any(a => a.Resource is ProjectResource))
            values[AppPlanner.DotnetEnvironmentSymbol] = Value("${DOTNET_ENVIRONMENT=Production}");
        // azd records the image it deployed as SERVICE_<NAME>_IMAGE_NAME; passing it back keeps a re-provision from
        // replacing the running image with the placeholder.
        foreach (var app in apps.Where(a => a.IsService))
            values[symbols.Image(app.Resource)] = Value($"${{SERVICE_{AzureNames.EnvironmentVariable(app.Name)}_IMAGE_NAME=}}");
        foreach (var parameter in parameters)
            values[symbols.Parameter(parameter)] = Value($"${{{Variable(parameter)}}}");
        var document = new JsonObject
        {
            ["$schema"] = "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
            ["contentVersion"] = "1.0.0.0",
            ["parameters"] = values,
        };
        return document.ToJsonString(Indented) + "\n";
    }

    /// <summary>The azd environment variable a parameter's value comes from (azd's own convention for AppHost inputs).</summary>
    public static string Variable(ParameterResource parameter) => "AZURE_" + AzureNames.EnvironmentVariable(parameter.Name);

    /// <summary>Where the AppHost reads a parameter's value from (Aspire's convention).</summary>
    public static string ConfigurationKey(ParameterResource parameter) => $"Parameters:{parameter.Name}";

    private static JsonObject Value(string value) => new() { ["value"] = value };
}
