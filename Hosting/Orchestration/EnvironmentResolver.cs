using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Orchestration;

/// <summary>A resolved variable, with whether its value must be masked.</summary>
public sealed record ResolvedVariable(string Name, string Value, bool IsSecret);

/// <summary>Runs a resource's environment and argument callbacks and resolves every deferred value to text.</summary>
internal static class EnvironmentResolver
{
    public static async Task<List<ResolvedVariable>> ResolveEnvironmentAsync(IResource resource, DistributedApplicationExecutionContext execution,
        CancellationToken cancellationToken)
    {
        var context = new EnvironmentCallbackContext(execution, resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
            await callback.Callback(context);

        var result = new List<ResolvedVariable>(context.EnvironmentVariables.Count);
        foreach (var (name, value) in context.EnvironmentVariables)
            result.Add(new(name, await ResolveAsync(value, cancellationToken), SecretValues.IsSecret(value)));
        return result;
    }

    public static async Task<List<string>> ResolveArgsAsync(IResource resource, DistributedApplicationExecutionContext execution,
        CancellationToken cancellationToken)
    {
        var context = new CommandLineArgsCallbackContext(execution, resource, cancellationToken: cancellationToken);
        foreach (var callback in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
            await callback.Callback(context);

        var result = new List<string>(context.Args.Count);
        foreach (var arg in context.Args)
            result.Add(await ResolveAsync(arg, cancellationToken));
        return result;
    }

    public static async ValueTask<string> ResolveAsync(object value, CancellationToken cancellationToken) => value switch
    {
        string text => text,
        IValueProvider provider => await provider.GetValueAsync(cancellationToken) ?? "",
        IResourceBuilder<IResource> { Resource: IValueProvider provider } => await provider.GetValueAsync(cancellationToken) ?? "",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>Decides whether a value carries a secret (a secret parameter, directly or inside an expression).</summary>
public static class SecretValues
{
    /// <summary>The mask shown instead of a secret.</summary>
    public const string Mask = "********";

    /// <summary>True when <paramref name="value"/> is or contains a secret parameter.</summary>
    public static bool IsSecret(object? value) => value switch
    {
        ParameterResource parameter => parameter.Secret,
        IResourceBuilder<IResource> builder => IsSecret(builder.Resource),
        ConnectionStringReference reference => IsSecret(reference.Resource.ConnectionStringExpression),
        IResourceWithConnectionString resource => IsSecret(resource.ConnectionStringExpression),
        ReferenceExpression expression => expression.ValueProviders.Any(IsSecret),
        _ => false,
    };
}
