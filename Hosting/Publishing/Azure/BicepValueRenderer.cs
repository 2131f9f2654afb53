using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>A value as a Bicep string expression; <see cref="IsSecret"/> when it carries a <c>@secure()</c> parameter or a
/// key, so it must become a Container Apps secret rather than a plain variable.</summary>
internal sealed record BicepValue(string Expression, bool IsSecret);

/// <summary>Renders model values for Container Apps the way Aspire's publishers read them: strings, parameters (module
/// parameters, so no value is ever written), <see cref="ReferenceExpression"/>s (format, value providers, string formats,
/// conditions), endpoints (the apps' in-environment FQDNs and ports, or a managed service's host and port) and connection
/// strings (the resource's own expression).</summary>
internal sealed class BicepValueRenderer(IReadOnlyDictionary<IResource, IReadOnlyList<AppPort>> ports, IReadOnlyList<IResource> services)
{
    /// <summary>The module parameter every app gets: the environment's default domain.</summary>
    public const string DomainSymbol = "containerAppsEnvironmentDomain";

    /// <summary>Parameters whose value a managed service's access key takes, with that service.</summary>
    private readonly Dictionary<ParameterResource, IResource> _keys = services
        .Select(s => (Service: s, Parameter: Managed(s)!.AccessKeyReplaces()))
        .Where(p => p.Parameter is not null)
        .ToDictionary(p => p.Parameter!, p => p.Service);

    /// <summary>Problems found while rendering.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The rendered value, or null when it refers to something not served in Azure (a project's https endpoint).</summary>
    public BicepValue? Render(IResource owner, string what, object value, ModuleInputs inputs)
    {
        var state = new State(owner, what, inputs);
        var inner = Raw(value, state);
        return state.Omitted ? null : new BicepValue($"'{inner}'", state.Secret);
    }

    private static AzureManagedServiceAnnotation? Managed(IResource resource) =>
        resource.Annotations.OfType<AzureManagedServiceAnnotation>().LastOrDefault();

    /// <summary>The inside of a Bicep string literal for <paramref name="value"/>.</summary>
    private string Raw(object? value, State state)
    {
        switch (value)
        {
            case null:
                return "";
            case string text:
                return BicepText.Escape(text);
            case ParameterResource parameter when _keys.TryGetValue(parameter, out var service):
                state.Secret = true;
                return "${" + state.Inputs.UseKey(service) + "}";
            case ParameterResource parameter:
                state.Secret |= parameter.Secret;
                return "${" + state.Inputs.Use(parameter) + "}";
            case IResourceBuilder<IResource> builder:
                return Raw(builder.Resource, state);
            case ConnectionStringReference reference:
                return Raw(reference.Resource, state);
            case IResourceWithConnectionString resource:
                return Raw(resource.ConnectionStringExpression, state);
            case ReferenceExpression { IsConditional: true } conditional:
                return Conditional(conditional, state);
            case ReferenceExpression expression:
                var parts = new object[expression.ValueProviders.Count];
                for (var i = 0; i < parts.Length; i++)
                    parts[i] = Formatted(Raw(expression.ValueProviders[i], state), expression.StringFormats.ElementAtOrDefault(i), state);
                return string.Format(CultureInfo.InvariantCulture, BicepText.EscapeFormat(expression.Format), parts);
            case EndpointReference endpoint:
                return Endpoint(endpoint, EndpointProperty.Url, state);
            case EndpointReferenceExpression part:
                return Endpoint(part.Endpoint, part.Property, state);
            case IValueProvider or IManifestExpressionProvider:
                Errors.Add($"Resource '{state.Owner.Name}': {state.What} is a {value.GetType().Name}, which the Azure Container Apps publisher cannot render. " +
                    "Fix: use a string, a parameter, an endpoint or a connection string reference.");
                return "";
            default:
                return BicepText.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        }
    }

    /// <summary>A condition known at publish time picks its branch now; one known only at deployment (a parameter, an
    /// output) becomes a Bicep conditional, as Aspire's own Container Apps publisher does.</summary>
    private string Conditional(ReferenceExpression expression, State state)
    {
        var condition = Raw(expression.Condition, state);
        if (!condition.Contains("${", StringComparison.Ordinal))
        {
            var branch = string.Equals(BicepText.Unescape(condition), expression.MatchValue, StringComparison.OrdinalIgnoreCase)
                ? expression.WhenTrue : expression.WhenFalse;
            return Raw(branch, state);
        }

        var match = BicepText.Quote((expression.MatchValue ?? "").ToLowerInvariant());
        return $"${{toLower('{condition}') == {match} ? '{Raw(expression.WhenTrue, state)}' : '{Raw(expression.WhenFalse, state)}'}}";
    }

    /// <summary>Applies a string format of a <see cref="ReferenceExpression"/> part (Aspire knows <c>uri</c>).</summary>
    private string Formatted(string inner, string? format, State state)
    {
        if (format is null)
            return inner;
        if (!string.Equals(format, "uri", StringComparison.OrdinalIgnoreCase))
        {
            Errors.Add($"Resource '{state.Owner.Name}': {state.What} uses the string format '{format}', which the Azure Container Apps publisher does not know. " +
                "Fix: format the value without it, or with 'uri'.");
            return inner;
        }

        // Literal text is encoded now; anything known only at deployment is encoded by ARM (uriComponent).
        if (!inner.Contains("${", StringComparison.Ordinal))
            return BicepText.Escape(Uri.EscapeDataString(BicepText.Unescape(inner)));
        return inner.StartsWith("${", StringComparison.Ordinal) && inner.EndsWith('}') && inner.IndexOf("${", 2, StringComparison.Ordinal) < 0
            ? "${uriComponent(" + inner[2..^1] + ")}"
            : "${uriComponent('" + inner + "')}";
    }

    private string Endpoint(EndpointReference endpoint, EndpointProperty property, State state)
    {
        var name = AzureNames.App(endpoint.Resource.Name);
        string scheme, host, port;
        bool ingress;
        if (Managed(endpoint.Resource) is { } managed)
        {
            // The service's own address, known once it exists; it serves one port, TLS or not.
            (scheme, host, port, ingress) = (managed.TlsEnabled && endpoint.Scheme == "redis" ? "rediss" : endpoint.Scheme,
                "${" + state.Inputs.UseOutput(endpoint.Resource, "hostName") + "}", BicepText.Number(managed.Port), false);
        }
        else if (ports.GetValueOrDefault(endpoint.Resource)?.FirstOrDefault(p => string.Equals(p.EndpointName, endpoint.EndpointName,
            StringComparison.OrdinalIgnoreCase)) is { } plan)
        {
            // The environment's front door serves main-ingress HTTP under the app's FQDN; external apps only over HTTPS
            // (plain HTTP is redirected), internal ones over plain HTTP inside the environment.
            ingress = plan.IsIngressHttp;
            (scheme, host, port) = plan.IsIngressHttp
                ? plan.IsExternal
                    ? ("https", $"{name}.${{{DomainSymbol}}}", "443")
                    : (plan.Scheme, $"{name}.internal.${{{DomainSymbol}}}", plan.Scheme == "https" ? "443" : "80")
                : (plan.Scheme, name, BicepText.Number(plan.TargetPort));
            if (property == EndpointProperty.TargetPort)
                return BicepText.Number(plan.TargetPort);
        }
        else
        {
            state.Omitted = true;
            return "";
        }

        return property switch
        {
            EndpointProperty.Url => ingress ? $"{scheme}://{host}" : $"{scheme}://{host}:{port}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port or EndpointProperty.TargetPort => port,
            EndpointProperty.Scheme => scheme,
            EndpointProperty.HostAndPort => $"{host}:{port}",
            EndpointProperty.TlsEnabled => scheme is "https" or "rediss" ? bool.TrueString : bool.FalseString,
            _ => throw new InvalidOperationException($"Unknown endpoint property {property}."),
        };
    }

    /// <summary>What one rendering collects: whether the value is secret or omitted, and the module inputs it uses.</summary>
    private sealed class State(IResource owner, string what, ModuleInputs inputs)
    {
        public IResource Owner { get; } = owner;

        public string What { get; } = what;

        public ModuleInputs Inputs { get; } = inputs;

        public bool Secret { get; set; }

        public bool Omitted { get; set; }
    }
}
