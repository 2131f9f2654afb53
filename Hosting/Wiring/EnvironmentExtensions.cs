using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary><c>WithEnvironment</c> and <c>WithArgs</c>: values are stored unevaluated and resolved per mode.</summary>
public static class EnvironmentExtensions
{
    /// <summary>Sets an environment variable to a literal value.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string? value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironmentValue(name, value ?? "");

    /// <summary>Sets an environment variable to an expression built from an interpolated string.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name,
        in ReferenceExpression.ExpressionInterpolatedStringHandler value) where T : IResourceWithEnvironment =>
        builder.WithEnvironmentValue(name, ReferenceExpression.Create(value));

    /// <summary>Sets an environment variable to an expression.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironmentValue(name, value);

    /// <summary>Sets an environment variable to a parameter's value (masked when the parameter is secret).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, IResourceBuilder<ParameterResource> parameter)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironmentValue(name, parameter.Resource);

    /// <summary>Sets an environment variable to an endpoint's URL.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, EndpointReference endpoint)
        where T : IResourceWithEnvironment =>
        builder.WithEnvironmentValue(name, endpoint);

    /// <summary>Sets an environment variable to a resource's connection string.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name,
        IResourceBuilder<IResourceWithConnectionString> resource) where T : IResourceWithEnvironment =>
        builder.WithEnvironmentValue(name, new ConnectionStringReference(resource.Resource));

    /// <summary>Sets an environment variable to a value computed when the resource starts.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<string> value)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value()));

    /// <summary>Adds environment variables from a callback.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Action<EnvironmentCallbackContext> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    /// <summary>Adds environment variables from an asynchronous callback.</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, Func<EnvironmentCallbackContext, Task> callback)
        where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(callback));

    /// <summary>Adds command-line arguments.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params string[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsCallbackAnnotation(list => list.AddRange(args)));

    /// <summary>Adds command-line arguments, some of which may be deferred values.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, params object[] args) where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsCallbackAnnotation(list => list.AddRange(args)));

    /// <summary>Adds command-line arguments from a callback.</summary>
    public static IResourceBuilder<T> WithArgs<T>(this IResourceBuilder<T> builder, Action<CommandLineArgsCallbackContext> callback)
        where T : IResourceWithArgs =>
        builder.WithAnnotation(new CommandLineArgsCallbackAnnotation(context => { callback(context); return Task.CompletedTask; }));

    internal static IResourceBuilder<T> WithEnvironmentValue<T>(this IResourceBuilder<T> builder, string name, object value)
        where T : IResource =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));
}
