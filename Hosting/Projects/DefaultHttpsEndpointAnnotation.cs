using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Projects;

/// <summary>Marks the https endpoint a project got from its launch profile when publishing: ASP.NET Core serves it on its
/// default https port, so, as in Aspire, it is left out of <c>HTTPS_PORTS</c>.</summary>
internal sealed record DefaultHttpsEndpointAnnotation(string EndpointName) : IResourceAnnotation;
