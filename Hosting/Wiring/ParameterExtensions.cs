using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>AddParameter</c> and <c>AddConnectionString</c>: values from outside the model.</summary>
public static class ParameterExtensions
{
    /// <summary>A parameter whose value comes from configuration <c>Parameters:&lt;name&gt;</c>.</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, () => builder.Configuration[$"Parameters:{name}"], secret));

    /// <summary>A parameter with a fixed value (configuration still wins).</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name, string value,
        bool secret = false) =>
        builder.AddResource(new ParameterResource(name, () => builder.Configuration[$"Parameters:{name}"] ?? value, secret));

    /// <summary>A parameter whose value, when configuration has none, comes from <paramref name="default"/> (generated values are persisted in run mode).</summary>
    public static IResourceBuilder<ParameterResource> AddParameter(this IDistributedApplicationBuilder builder, string name,
        ParameterDefault @default, bool secret = false) =>
        builder.AddResource(new ParameterResource(name, () => builder.Configuration[$"Parameters:{name}"], secret, @default));

    /// <summary>A connection string from configuration <c>ConnectionStrings:&lt;name&gt;</c> (an existing service).</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddConnectionString(this IDistributedApplicationBuilder builder, string name,
        string? environmentVariableName = null) =>
        builder.AddResource(new ConnectionStringParameterResource(name, () => builder.Configuration[$"ConnectionStrings:{name}"], environmentVariableName));

    /// <summary>A generated secret (a password) owned by another resource: not in the model, persisted across runs.</summary>
    public static ParameterResource CreateDefaultPasswordParameter(this IDistributedApplicationBuilder builder, string name, bool special = true)
    {
        var parameter = new ParameterResource(name, () => builder.Configuration[$"Parameters:{name}"], secret: true,
            new GenerateParameterDefault { Special = special });
        if (builder is DistributedApplicationBuilder concrete)
            concrete.ImplicitResources.Add(parameter);
        return parameter;
    }
}
