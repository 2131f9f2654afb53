using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Projects;

/// <summary>The variables every .NET project gets (Aspire's project defaults).</summary>
internal static class ProjectEnvironment
{
    public static void Apply(EnvironmentCallbackContext context)
    {
        var env = context.EnvironmentVariables;
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
        env["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";

        var endpoints = context.Resource.Annotations.OfType<EndpointAnnotation>()
            .Where(e => e.UriScheme is "http" or "https").ToList();
        if (context.ExecutionContext.IsRunMode)
        {
            env["DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION"] = "true";
            env["LOGGING__CONSOLE__FORMATTERNAME"] = "simple";
            if (endpoints.Count > 0 && !env.ContainsKey("ASPNETCORE_URLS"))
                env["ASPNETCORE_URLS"] = UrlsExpression(context.Resource, endpoints);
            return;
        }

        // Publish mode, in Aspire's order: behind an ingress the app must trust X-Forwarded-*; then the ports the publisher
        // assigns (8080 by convention). The default https endpoint is served on ASP.NET Core's default port, so it is skipped.
        if (context.Resource.Annotations.OfType<EndpointAnnotation>().Any())
            env["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        var defaultHttps = context.Resource.Annotations.OfType<DefaultHttpsEndpointAnnotation>().Select(a => a.EndpointName).ToHashSet(StringComparer.Ordinal);
        AddPorts(env, context.Resource, endpoints, "http", "HTTP_PORTS");
        AddPorts(env, context.Resource, endpoints.Where(e => !defaultHttps.Contains(e.Name)).ToList(), "https", "HTTPS_PORTS");
    }

    private static ReferenceExpression UrlsExpression(IResource resource, List<EndpointAnnotation> endpoints)
    {
        var builder = new List<ReferenceExpression>();
        foreach (var endpoint in endpoints)
        {
            var targetPort = new EndpointReference((IResourceWithEndpoints)resource, endpoint.Name).Property(EndpointProperty.TargetPort);
            builder.Add(ReferenceExpression.Create($"{endpoint.UriScheme}://localhost:{targetPort}"));
        }

        return Join(builder, ";");
    }

    private static void AddPorts(Dictionary<string, object> env, IResource resource, List<EndpointAnnotation> endpoints, string scheme, string variable)
    {
        var ports = endpoints.Where(e => e.UriScheme == scheme)
            .Select(e => ReferenceExpression.Create($"{new EndpointReference((IResourceWithEndpoints)resource, e.Name).Property(EndpointProperty.TargetPort)}"))
            .ToList();
        if (ports.Count > 0)
            env[variable] = Join(ports, ";");
    }

    private static ReferenceExpression Join(List<ReferenceExpression> parts, string separator)
    {
        var result = parts[0];
        foreach (var part in parts.Skip(1))
            result = ReferenceExpression.Create($"{result}{separator}{part}");
        return result;
    }
}
