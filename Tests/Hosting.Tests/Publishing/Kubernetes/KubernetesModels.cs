using Aspire.Hosting;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing.Kubernetes;

/// <summary>The table of small models every golden and validator test runs over.</summary>
public static class KubernetesModels
{
    public static IReadOnlyDictionary<string, Action<IDistributedApplicationBuilder>> All { get; } =
        PublishModels.Table(("parameters", PublishModels.Parameters("$(not-a-variable)")));

    /// <summary>Postgres with a sized volume and a database, Redis, and a project that uses both.</summary>
    public static void PostgresRedis(IDistributedApplicationBuilder builder) => PublishModels.PostgresRedis(builder);

    public static TheoryData<string> Names => new(All.Keys);
}
