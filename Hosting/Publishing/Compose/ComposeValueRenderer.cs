using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Turns the model's unresolved values into Compose text: endpoints become service DNS names and container
/// ports, parameters become <c>${VAR}</c> interpolations read from <c>.env</c>, literal text is escaped.</summary>
/// <remarks>A parameter's value is never rendered, secret or not: every parameter goes through <c>.env</c>, so the YAML
/// stays the same across environments and cannot leak a secret.</remarks>
internal sealed class ComposeValueRenderer(ComposeTopology topology, ComposeProblems problems)
{
    private readonly SortedDictionary<string, ParameterResource> _variables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _users = new(StringComparer.Ordinal);

    /// <summary>Every parameter rendered so far, by variable name: what <c>.env</c> must provide.</summary>
    public IReadOnlyDictionary<string, ParameterResource> Variables => _variables;

    /// <summary>The services that read <paramref name="variable"/>, for the comments in <c>.env.example</c>.</summary>
    public IReadOnlyCollection<string> UsersOf(string variable) => _users.TryGetValue(variable, out var users) ? users : [];

    /// <summary>Renders <paramref name="value"/> for <paramref name="owner"/>; <paramref name="what"/> names the value in errors.</summary>
    public string Render(object? value, IResource owner, string what) => value switch
    {
        null => "",
        string text => ComposeNames.EscapeLiteral(text),
        bool flag => flag ? "true" : "false",
        IResourceBuilder<IResource> builder => Render(builder.Resource, owner, what),
        ParameterResource parameter => Parameter(parameter, owner),
        ConnectionStringReference reference => Render(reference.Resource, owner, what),
        IResourceWithConnectionString resource => Render(resource.ConnectionStringExpression, owner, what),
        ReferenceExpression expression => RenderExpression(expression, owner, what),
        EndpointReference endpoint => Endpoint(endpoint, EndpointProperty.Url, owner, what),
        EndpointReferenceExpression part => Endpoint(part.Endpoint, part.Property, owner, what),
        IFormattable formattable => ComposeNames.EscapeLiteral(formattable.ToString(null, CultureInfo.InvariantCulture)),
        _ => Unsupported(value, owner, what),
    };

    private string RenderExpression(ReferenceExpression expression, IResource owner, string what)
    {
        var values = expression.ValueProviders.Select(p => (object)Render(p, owner, what)).ToArray();

        // The format's literal parts were written as plain text by the model's author: escape their '$' like any literal.
        return string.Format(CultureInfo.InvariantCulture, ComposeNames.EscapeLiteral(expression.Format), values);
    }

    private string Parameter(ParameterResource parameter, IResource owner)
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

        // ':?' makes 'docker compose' stop with this message when .env lacks the value, instead of starting with an empty one.
        return $"${{{variable}:?see .env.example}}";
    }

    private string Endpoint(EndpointReference endpoint, EndpointProperty property, IResource owner, string what)
    {
        var service = topology.ServiceOf(endpoint.Resource);
        var port = service is null ? null : topology.TargetPort(endpoint.Resource, endpoint.EndpointName);
        if (service is null || port is null || !endpoint.Exists)
        {
            problems.Add(owner.Name, $"{what} refers to endpoint '{endpoint.EndpointName}' of '{endpoint.Resource.Name}', which is not a Compose service endpoint.",
                $"Refer to an endpoint declared with WithEndpoint() on a project, container or executable.");
            return "";
        }

        // Inside the Compose network, clients reach a service by its name on the port its container listens on.
        var host = ComposeNames.Service(service);
        var portText = port.Value.ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => $"{endpoint.Annotation.UriScheme}://{host}:{portText}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => portText,
            EndpointProperty.Scheme => endpoint.Annotation.UriScheme,
            EndpointProperty.HostAndPort => $"{host}:{portText}",
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
