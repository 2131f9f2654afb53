using System.Globalization;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>A value as Kubernetes sees it. Without <see cref="Parameters"/> it is plain text (a ConfigMap entry). With
/// them, <see cref="Text"/> refers to each one as <c>$(DEPLOY_SECRET_X)</c>, which Kubernetes expands from variables
/// defined earlier in the container (and <c>$(</c> in literal text is escaped as <c>$$(</c>).</summary>
internal sealed record RenderedValue(string Text, IReadOnlyList<ParameterResource> Parameters)
{
    /// <summary>The value is exactly one parameter: bind the variable straight to the Secret key.</summary>
    public ParameterResource? SoleParameter { get; init; }
}

/// <summary>Renders model values (publish mode, unresolved) for the cluster: endpoints become Service DNS names and
/// ports, expressions and connection strings are expanded, and parameters become Secret references.</summary>
/// <remarks>A non-secret parameter with a value (configuration <c>Parameters:&lt;name&gt;</c> or the value given to
/// <c>AddParameter</c>) is written as text; every other parameter (secret, generated, or without a value) comes from the overlay's Secret, so
/// no value that may be sensitive is ever written.</remarks>
internal sealed class ValueRenderer(IReadOnlyDictionary<IResource, IReadOnlyList<PortPlan>> ports)
{
    private const char Open = '\u0001';
    private const char Close = '\u0002';

    /// <summary>Problems found while rendering (values of unknown kinds).</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The rendered value, or null when it refers to something not served in the cluster (a project's https endpoint).</summary>
    public RenderedValue? Render(IResource owner, string what, object? value)
    {
        var parameters = new List<ParameterResource>();
        var omitted = false;
        var raw = Raw(owner, what, value, parameters, ref omitted);
        if (omitted)
            return null;
        if (parameters.Count == 0)
            return new(raw, []);

        var sole = raw == Placeholder(0) ? parameters[0] : null;
        var text = new StringBuilder(raw.Replace("$(", "$$(", StringComparison.Ordinal));
        for (var i = 0; i < parameters.Count; i++)
            text.Replace(Placeholder(i), $"$({KubernetesNames.SecretVariable(parameters[i].Name)})");
        return new(text.ToString(), parameters) { SoleParameter = sole };
    }

    /// <summary>The value of a non-secret parameter that may be written as text; null when it must stay in the Secret.</summary>
    public static string? PublishedText(ParameterResource parameter)
    {
        if (parameter.Secret || parameter.Default is GenerateParameterDefault)
            return null;
        try
        {
            // The synchronous value: configuration, else the value given to AddParameter (GetValueAsync may wait for a prompt).
#pragma warning disable CS0618
            var value = parameter.Value;
#pragma warning restore CS0618
            return string.IsNullOrEmpty(value) ? null : value;
        }
        catch (MissingParameterValueException)
        {
            return null;
        }
    }

    private string Raw(IResource owner, string what, object? value, List<ParameterResource> parameters, ref bool omitted)
    {
        switch (value)
        {
            case null:
                return "";
            case string text:
                return text;
            case ParameterResource parameter when PublishedText(parameter) is { } published:
                return published;
            case ParameterResource parameter:
                var index = parameters.IndexOf(parameter);
                if (index < 0)
                {
                    index = parameters.Count;
                    parameters.Add(parameter);
                }

                return Placeholder(index);
            case IResourceBuilder<IResource> builder:
                return Raw(owner, what, builder.Resource, parameters, ref omitted);
            case ConnectionStringReference reference:
                return Raw(owner, what, reference.Resource, parameters, ref omitted);
            case IResourceWithConnectionString resource:
                return Raw(owner, what, resource.ConnectionStringExpression, parameters, ref omitted);
            case ReferenceExpression { IsConditional: true } conditional:
                var condition = Raw(owner, what, conditional.Condition, parameters, ref omitted);
                return Raw(owner, what, string.Equals(condition, conditional.MatchValue, StringComparison.OrdinalIgnoreCase)
                    ? conditional.WhenTrue : conditional.WhenFalse, parameters, ref omitted);
            case ReferenceExpression expression:
                var parts = new List<object>();
                foreach (var provider in expression.ValueProviders)
                    parts.Add(Raw(owner, what, provider, parameters, ref omitted));
                return string.Format(CultureInfo.InvariantCulture, expression.Format, [.. parts]);
            case EndpointReference endpoint:
                return Endpoint(endpoint, EndpointProperty.Url, ref omitted);
            case EndpointReferenceExpression part:
                return Endpoint(part.Endpoint, part.Property, ref omitted);
            case IValueProvider or IManifestExpressionProvider:
                Errors.Add($"Resource '{owner.Name}': {what} is a {value.GetType().Name}, which the Kubernetes publisher cannot render. " +
                    "Fix: use a string, a parameter, an endpoint or a connection string reference.");
                return "";
            default:
                return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }
    }

    private static string Placeholder(int index) => $"{Open}{index.ToString(CultureInfo.InvariantCulture)}{Close}";

    private string Endpoint(EndpointReference endpoint, EndpointProperty property, ref bool omitted)
    {
        var plan = ports.GetValueOrDefault(endpoint.Resource)?
            .FirstOrDefault(p => string.Equals(p.EndpointName, endpoint.EndpointName, StringComparison.OrdinalIgnoreCase));
        if (plan is null)
        {
            omitted = true;
            return "";
        }

        var host = KubernetesNames.Of(endpoint.Resource.Name);
        var port = plan.Port.ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => $"{plan.Scheme}://{host}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.Scheme => plan.Scheme,
            EndpointProperty.HostAndPort => $"{host}:{port}",
            // Inside the cluster nothing is served over TLS (it ends at the Ingress).
            EndpointProperty.TlsEnabled => bool.FalseString,
            _ => throw new InvalidOperationException($"Unknown endpoint property {property}."),
        };
    }
}
