using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Turns the model's unresolved values into Compose text: endpoints become service DNS names and container
/// ports, parameters become <c>${VAR:?…}</c> interpolations read from <c>.env</c>, literal text is escaped.</summary>
/// <remarks>A parameter's value is never rendered, secret or not: every parameter goes through <c>.env</c>, so the YAML
/// stays the same across environments and cannot leak a secret.</remarks>
internal sealed class ComposeValueRenderer(ComposeTopology topology, ComposeProblems problems)
{
    private readonly SortedDictionary<string, ParameterResource> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _users = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inUris = new(StringComparer.Ordinal);

    /// <summary>Every parameter rendered so far, by variable name: what <c>.env</c> must provide.</summary>
    public IReadOnlyDictionary<string, ParameterResource> Variables => _variables;

    /// <summary>The services that read <paramref name="variable"/>, for the comments in <c>.env.example</c>.</summary>
    public IReadOnlyCollection<string> UsersOf(string variable) => _users.TryGetValue(variable, out var users) ? users : [];

    /// <summary>Whether <paramref name="variable"/> is pasted into a URI, where Compose cannot percent-encode it.</summary>
    public bool IsInUri(string variable) => _inUris.Contains(variable);

    /// <summary>Whether the value points at an endpoint Compose does not serve (a project's <c>https</c>): such a variable is
    /// left out rather than given an address nothing listens on.</summary>
    public bool IsUnserved(object? value) => value switch
    {
        EndpointReference endpoint => topology.ServiceOf(endpoint.Resource) is not null && endpoint.Exists && topology.TargetPort(endpoint.EndpointAnnotation) is null
            && endpoint.Resource is ProjectResource,
        EndpointReferenceExpression part => IsUnserved(part.Endpoint),
        ReferenceExpression expression => expression.ValueProviders.Any(IsUnserved),
        _ => false,
    };

    /// <summary>Renders <paramref name="value"/> for <paramref name="owner"/>; <paramref name="what"/> names the value in errors.</summary>
    public string Render(object? value, IResource owner, string what) => Render(value, owner, what, format: null);

    private string Render(object? value, IResource owner, string what, string? format) => value switch
    {
        null => "",
        string text => ComposeNames.EscapeLiteral(format == "uri" ? Uri.EscapeDataString(text) : text),
        bool flag => flag ? "true" : "false",
        IResourceBuilder<IResource> builder => Render(builder.Resource, owner, what, format),
        ParameterResource parameter => Parameter(parameter, owner, format),
        ConnectionStringReference reference => Render(reference.Resource.ConnectionStringExpression, owner, what, format),
        IResourceWithConnectionString resource => Render(resource.ConnectionStringExpression, owner, what, format),
        ReferenceExpression expression => RenderExpression(expression, owner, what),
        EndpointReference endpoint => Endpoint(endpoint, EndpointProperty.Url, owner, what),
        EndpointReferenceExpression part => Endpoint(part.Endpoint, part.Property, owner, what),
        IFormattable formattable => ComposeNames.EscapeLiteral(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Unsupported(value, owner, what),
    };

    private string RenderExpression(ReferenceExpression expression, IResource owner, string what)
    {
        // A conditional (",ssl=true" when TLS is on) is decided here: Compose endpoints are what the topology says.
        if (expression.IsConditional)
        {
            var condition = Render(expression.Condition, owner, what);
            var branch = string.Equals(condition, expression.MatchValue, StringComparison.OrdinalIgnoreCase) ? expression.WhenTrue : expression.WhenFalse;
            return Render(branch, owner, what);
        }

        var values = expression.ValueProviders
            .Select((provider, i) => (object)Render(provider, owner, what, i < expression.StringFormats.Count ? expression.StringFormats[i] : null))
            .ToArray();

        // The format's literal parts were written as plain text by the model's author: escape their '$' like any literal.
        return string.Format(CultureInfo.InvariantCulture, ComposeNames.EscapeLiteral(expression.Format), values);
    }

    private string Parameter(ParameterResource parameter, IResource owner, string? format)
    {
        var variable = ComposeNames.Variable(parameter);
        if (_variables.TryGetValue(variable, out var existing) && !ReferenceEquals(existing, parameter))
        {
            problems.Add(parameter.Name, $"Its .env variable {variable} is also the variable of parameter '{existing.Name}'.",
                "Rename one of the parameters so that their upper-cased names differ.");
        }

        _variables[variable] = parameter;
        if (!_users.TryGetValue(variable, out var users))
            _users[variable] = users = new SortedSet<string>(StringComparer.Ordinal);
        users.Add(ComposeNames.Service(owner));
        if (format == "uri")
            _inUris.Add(variable);

        // ':?' makes 'docker compose' stop with this message when .env lacks the value, instead of starting with an empty one.
        return $"${{{variable}:?see .env.example}}";
    }

    private string Endpoint(EndpointReference endpoint, EndpointProperty property, IResource owner, string what)
    {
        var service = topology.ServiceOf(endpoint.Resource);
        var port = service is null || !endpoint.Exists ? null : topology.TargetPort(endpoint.EndpointAnnotation);
        if (service is null || port is null)
        {
            problems.Add(owner.Name, $"{what} refers to endpoint '{endpoint.EndpointName}' of '{endpoint.Resource.Name}', which is not a Compose service endpoint.",
                "Refer to an endpoint declared with WithEndpoint() on a project or container.");
            return "";
        }

        // Inside the Compose network, clients reach a service by its name on the port its container listens on.
        var host = ComposeNames.Service(service);
        var portText = port.Value.ToString(CultureInfo.InvariantCulture);
        var annotation = endpoint.EndpointAnnotation;
        return property switch
        {
            EndpointProperty.Url => $"{annotation.UriScheme}://{host}:{portText}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => portText,
            EndpointProperty.Scheme => annotation.UriScheme,
            EndpointProperty.HostAndPort => $"{host}:{portText}",
            EndpointProperty.TlsEnabled => annotation.TlsEnabled ? "true" : "false",
            _ => Unsupported(property, owner, what),
        };
    }

    private string Unsupported(object value, IResource owner, string what)
    {
        problems.Add(owner.Name, $"{what} has a value of type {value.GetType().Name}, which the Compose publisher cannot render.",
            "Use a string, a ReferenceExpression, an endpoint, a parameter or a connection string.");
        return "";
    }
}
