using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.ApplicationModel;

public class ModelValidatorTests
{
    private static IReadOnlyList<ModelError> Validate(DistributedApplicationBuilder builder)
    {
        var app = builder.Build();
        return ModelValidator.Validate(app.Model, app.ExecutionContext);
    }

    [Fact]
    public void Validate_ValidModel_HasNoErrors()
    {
        var builder = TestModels.Run();
        var cache = builder.AddRedis("cache");
        builder.AddProject<ApiProject>("api").WithHttpEndpoint().WithReference(cache).WaitFor(cache);

        Assert.Empty(Validate(builder));
    }

    [Fact]
    public void Validate_InvalidName_NamesResourceRuleAndFix()
    {
        var builder = TestModels.Run();
        builder.AddContainer("my_cache", "redis");

        var error = Assert.Single(Validate(builder));
        Assert.Equal("my_cache", error.Resource);
        Assert.Contains("only ASCII letters, digits and hyphens", error.Rule, StringComparison.Ordinal);
        Assert.Contains("'my-cache'", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateNamesInDifferentCase_ReportsCaseInsensitiveClash()
    {
        var builder = TestModels.Run();
        builder.AddContainer("cache", "redis");
        builder.AddContainer("Cache", "redis");

        var error = Assert.Single(Validate(builder));
        Assert.Contains("case-insensitive", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WaitForCycle_ShowsThePath()
    {
        var builder = TestModels.Run();
        var a = builder.AddContainer("a", "x");
        var b = builder.AddContainer("b", "x").WaitFor(a);
        a.WaitFor(b);

        var error = Assert.Single(Validate(builder));
        Assert.Contains("WaitFor cycle: a -> b -> a", error.Rule, StringComparison.Ordinal);
        Assert.Contains("Remove one of these WaitFor calls", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_WaitForCompletionOnDatabase_SuggestsWaitFor()
    {
        var builder = TestModels.Run();
        var db = builder.AddPostgres("pg").AddDatabase("docs");
        builder.AddContainer("job", "x").WaitForCompletion(db);

        var error = Assert.Single(Validate(builder));
        Assert.Equal("job", error.Resource);
        Assert.Contains("never completes", error.Rule, StringComparison.Ordinal);
        Assert.Contains("WaitFor('docs')", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ReferenceToProjectWithoutEndpoints_AsksForAnEndpoint()
    {
        var builder = TestModels.Run();
        var api = builder.AddProject<ApiProject>("api");
        builder.AddProject<WebProject>("web").WithReference(api);

        var error = Assert.Single(Validate(builder));
        Assert.Equal("web", error.Resource);
        Assert.Contains("'api' has no endpoints", error.Rule, StringComparison.Ordinal);
        Assert.Contains("WithHttpEndpoint()", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_FixedPortUsedTwice_NamesBothEndpoints()
    {
        var builder = TestModels.Run();
        builder.AddContainer("a", "x").WithHttpEndpoint(port: 8000);
        builder.AddContainer("b", "x").WithHttpEndpoint(port: 8000);

        var error = Assert.Single(Validate(builder));
        Assert.Contains("Port 8000 is used by more than one endpoint (a/http, b/http)", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingSecretParameter_SaysWhereToSetIt()
    {
        var builder = TestModels.Run();
        builder.AddParameter("api-key", secret: true);

        var error = Assert.Single(Validate(builder));
        Assert.Equal("api-key", error.Resource);
        Assert.Contains("Secret parameter has no value (configuration key 'Parameters:api-key' is missing)", error.Rule, StringComparison.Ordinal);
        Assert.Contains("dotnet user-secrets set \"Parameters:api-key\"", error.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingParameterInPublishMode_IsAllowed()
    {
        var builder = TestModels.Publish();
        builder.AddParameter("api-key", secret: true);

        Assert.Empty(Validate(builder));
    }

    [Fact]
    public void Validate_ReplicasWithFixedTargetPort_IsRejected()
    {
        var builder = TestModels.Run();
        builder.AddProject<ApiProject>("api").WithHttpEndpoint(targetPort: 5000).WithReplicas(2);

        var error = Assert.Single(Validate(builder));
        Assert.Contains("each replica needs its own port", error.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DuplicateEndpointAndZeroGpu_ReportsEveryProblemAtOnce()
    {
        var builder = TestModels.Run();
        builder.AddContainer("worker", "x").WithHttpEndpoint().WithHttpEndpoint().WithGpu(0);
        builder.AddContainer("bad_name", "x");
        builder.AddParameter("token", secret: true);

        var errors = Validate(builder);

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Rule.Contains("Endpoint 'http' is declared 2 times", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Rule.Contains("WithGpu(0)", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Resource == "bad_name");
        Assert.Contains(errors, e => e.Resource == "token");
    }

    [Fact]
    public void ModelValidationException_Message_ListsEveryError()
    {
        var exception = new ModelValidationException([new("a", "Rule one.", "Fix one."), new("b", "Rule two.", "Fix two.")]);

        Assert.Contains("2 errors; nothing was started", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'a': Rule one. Fix: Fix one.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("Resource 'b': Rule two. Fix: Fix two.", exception.Message, StringComparison.Ordinal);
    }
}
