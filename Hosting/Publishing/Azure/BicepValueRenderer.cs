using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>A value as a Bicep string expression; <see cref="IsSecret"/> when it carries a <c>@secure()</c> parameter or a
/// key, so it must become a Container Apps secret rather than a plain variable.</summary>
internal sealed record BicepValue(string Expression, bool IsSecret);

/// <summary>Renders model values for Container Apps: endpoints become the apps' in-environment FQDNs and ports,
/// connection strings are expanded from their expressions (a managed service's from its annotation), and parameters
/// become module parameters, so no value is ever written into a file.</summary>
internal sealed class BicepValueRenderer(IReadOnlyDictionary<IResource, IReadOnlyList<AppPort>> ports)
{
    /// <summary>The module parameter every app gets: the environment's default domain.</summary>
    public const string DomainSymbol = "containerAppsEnvironmentDomain";

    /// <summary>Problems found while rendering.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The rendered value, or null when it refers to something not served in Azure (a project's https endpoint).</summary>
    public BicepValue? Render(IResource owner, string what, object value, ModuleInputs inputs)
    {
        var secret = false;
        var omitted = false;
        var inner = Raw(owner, what, value, inputs, ref secret, ref omitted);
        return omitted ? null : new BicepValue($"'{inner}'", secret);
    }

    private string Raw(IResource owner, string what, object value, ModuleInputs inputs, ref bool secret, ref bool omitted)
    {
        switch (value)
        {
            case string text:
                return BicepText.Escape(text);
            case ParameterResource parameter:
                secret |= parameter.Secret;
                return "${" + inputs.Use(parameter) + "}";
            case IResourceBuilder<IResource> builder:
                return Raw(owner, what, builder.Resource, inputs, ref secret, ref omitted);
            case ConnectionStringReference reference:
                return Raw(owner, what, reference.Resource, inputs, ref secret, ref omitted);
            case IResourceWithConnectionString resource:
                var managed = resource.Annotations.OfType<AzureManagedServiceAnnotation>().LastOrDefault();
                return Raw(owner, what, (object?)managed?.ConnectionString ?? resource.ConnectionStringExpression, inputs, ref secret, ref omitted);
            case ReferenceExpression expression:
                var parts = new List<object>();
                foreach (var provider in expression.ValueProviders)
                    parts.Add(Raw(owner, what, provider, inputs, ref secret, ref omitted));
                return string.Format(CultureInfo.InvariantCulture, BicepText.EscapeFormat(expression.Format), [.. parts]);
            case EndpointReference endpoint:
                return Endpoint(owner, what, endpoint, EndpointProperty.Url, ref omitted);
            case EndpointReferenceExpression part:
                return Endpoint(owner, what, part.Endpoint, part.Property, ref omitted);
            case AzureManagedOutput output:
                return "${" + inputs.UseOutput(output.Resource, output.Output) + "}";
            case AzureManagedKey key:
                secret = true;
                return "${" + inputs.UseKey(key.Resource) + "}";
            case IValueProvider or IManifestExpressionProvider:
                Errors.Add($"Resource '{owner.Name}': {what} is a {value.GetType().Name}, which the Azure publisher cannot render. " +
                    "Fix: use a string, a parameter, an endpoint or a connection string reference.");
                return "";
            default:
                return BicepText.Escape(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        }
    }

    private string Endpoint(IResource owner, string what, EndpointReference endpoint, EndpointProperty property, ref bool omitted)
    {
        if (endpoint.Resource.Annotations.OfType<AzureManagedServiceAnnotation>().Any())
        {
            Errors.Add($"Resource '{owner.Name}': {what} refers to endpoint '{endpoint.EndpointName}' of '{endpoint.Resource.Name}', which is published " +
                $"as a managed Azure service without that endpoint. Fix: use WithReference({endpoint.Resource.Name}) (its connection string) instead.");
            return "";
        }

        var plan = ports.GetValueOrDefault(endpoint.Resource)?
            .FirstOrDefault(p => string.Equals(p.EndpointName, endpoint.EndpointName, StringComparison.OrdinalIgnoreCase));
        if (plan is null)
        {
            omitted = true;
            return "";
        }

        var name = AzureNames.App(endpoint.Resource.Name);
        // The environment's front door serves main-ingress HTTP under the app's FQDN; external apps only over HTTPS
        // (plain HTTP is redirected), internal ones over plain HTTP inside the environment.
        var (scheme, host, port) = plan.IsIngressHttp
            ? plan.IsExternal
                ? ("https", $"{name}.${{{DomainSymbol}}}", 443)
                : (plan.Scheme, $"{name}.internal.${{{DomainSymbol}}}", plan.Scheme == "https" ? 443 : 80)
            : (plan.Scheme, name, plan.TargetPort);
        var portText = port.ToString(CultureInfo.InvariantCulture);
        return property switch
        {
            EndpointProperty.Url => plan.IsIngressHttp ? $"{scheme}://{host}" : $"{scheme}://{host}:{portText}",
            EndpointProperty.Host or EndpointProperty.IPV4Host => host,
            EndpointProperty.Port => portText,
            EndpointProperty.TargetPort => plan.TargetPort.ToString(CultureInfo.InvariantCulture),
            EndpointProperty.Scheme => scheme,
            EndpointProperty.HostAndPort => $"{host}:{portText}",
            _ => throw new InvalidOperationException($"Unknown endpoint property {property}."),
        };
    }
}
