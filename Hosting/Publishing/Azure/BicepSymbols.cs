using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>The Bicep names of everything in <c>main.bicep</c>, allocated once so that no two collide (a parameter
/// named <c>location</c> or <c>api-image</c> must not clash with the fixed names or with each other).</summary>
internal sealed class BicepSymbols(IReadOnlySet<IResource> jobs)
{
    /// <summary>Names used by the generated files themselves (and Bicep keywords), never given to model things.</summary>
    private static readonly string[] Reserved =
    [
        "targetScope", "param", "var", "resource", "module", "output", "existing", "import", "type", "func", "metadata", "if", "for", "in",
        "true", "false", "null", "environmentName", "location", "principalId", "tags", "rg", "resources", "dotnetEnvironment", "app",
        "containerAppsEnvironmentId", "containerAppsEnvironmentDomain", "managedIdentityId", "managedIdentityClientId",
        "containerRegistryEndpoint", "imageName", "administratorLogin", "administratorLoginPassword", "server", "cache", "az", "sys",
    ];

    private readonly HashSet<string> _taken = new(Reserved, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<object, string> _symbols = [];

    /// <summary>The symbol of a model parameter (a <c>main.bicep</c> parameter and, by the same name, a module parameter).</summary>
    public string Parameter(ParameterResource parameter) => Get(parameter, AzureNames.Identifier(parameter.Name));

    /// <summary>The module of a compute resource (a container app, or a job).</summary>
    public string App(IResource resource) => Get((resource, "app"), (jobs.Contains(resource) ? "job_" : "app_") + AzureNames.Identifier(resource.Name));

    /// <summary>The module of a managed service.</summary>
    public string Service(IResource resource) => Get((resource, "svc"), "svc_" + AzureNames.Identifier(resource.Name));

    /// <summary>The parameter carrying a managed service's output into a container app's module.</summary>
    public string ServiceOutput(IResource resource, string output) => Get((resource, output), $"{Service(resource)}_{output}");

    /// <summary>The <c>existing</c> resource a module reads a managed service's key from.</summary>
    public string ServiceResource(IResource resource) => Get((resource, "existing"), $"{Service(resource)}_resource");

    /// <summary>The parameter holding the image azd deployed for a built service.</summary>
    public string Image(IResource resource) => Get((resource, "image"), AzureNames.Identifier(resource.Name) + "_image");

    private string Get(object key, string wanted)
    {
        if (_symbols.TryGetValue(key, out var existing))
            return existing;
        var symbol = wanted;
        for (var i = 2; !_taken.Add(symbol); i++)
            symbol = $"{wanted}_{i}";
        _symbols[key] = symbol;
        return symbol;
    }
}
