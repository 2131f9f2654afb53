using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>Turns the unresolved values of the model (strings, parameters, endpoint references, connection strings,
/// <see cref="ReferenceExpression"/>s) into manifest strings, and remembers which resources those strings refer to, so
/// that every placeholder written has a target in the same file.</summary>
internal sealed class ManifestValues
{
    private readonly List<IResource> _referenced = [];
    private readonly HashSet<IResource> _seen = [];

    /// <summary>Resources referred to by rendered values, in first-reference order.</summary>
    public IReadOnlyList<IResource> Referenced => _referenced;

    public string Render(object value, IResource owner)
    {
        Collect(value);
        return value switch
        {
            string text => text,
            // A connection-string parameter's own placeholder points at its connectionString field; the field itself
            // holds the input value.
            ConnectionStringParameterResource parameter when ReferenceEquals(parameter, owner) => $"{{{parameter.Name}.value}}",
            IManifestExpressionProvider expression => expression.ValueExpression,
            IResourceBuilder<IResource> { Resource: IManifestExpressionProvider expression } => expression.ValueExpression,
            bool flag => flag ? "true" : "false",
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => throw new DistributedApplicationException(
                $"Resource '{owner.Name}': a value of type '{value.GetType().Name}' cannot be written to the manifest. " +
                "Use a string, a parameter, an endpoint reference, a connection string or a ReferenceExpression."),
        };
    }

    /// <summary>The connection string of <paramref name="resource"/> as written in its <c>connectionString</c> field.</summary>
    public string ConnectionString(IResourceWithConnectionString resource) => resource is ConnectionStringParameterResource parameter
        ? Render(parameter, parameter)
        : Render(resource.ConnectionStringExpression, resource);

    private void Collect(object? value)
    {
        switch (value)
        {
            case IResource resource:
                if (_seen.Add(resource))
                    _referenced.Add(resource);
                break;
            case IValueWithReferences withReferences:
                foreach (var reference in withReferences.References)
                    Collect(reference);
                break;
            case IResourceBuilder<IResource> builder:
                Collect(builder.Resource);
                break;
        }
    }
}
