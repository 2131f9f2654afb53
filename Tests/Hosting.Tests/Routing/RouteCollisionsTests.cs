using Deploy.Hosting.Routing;

namespace Deploy.Hosting.Tests.Routing;

public sealed class RouteCollisionsTests
{
    [Fact]
    public void Find_TwoResourcesOnAnyHostAndRoot_NamesBothAndTheFix()
    {
        var problems = RouteCollisions.Find([new("web", null, "/"), new("api", null, "/")], "staging");

        var problem = Assert.Single(problems);
        Assert.Contains("Resources 'api' and 'web' are both routed from any host, path '/', in environment 'staging'", problem, StringComparison.Ordinal);
        Assert.Contains("Fix: give 'web' a path of its own (WithRoute(\"/web\"))", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Find_SamePathWrittenDifferently_Collides() =>
        Assert.Single(RouteCollisions.Find([new("a", "Docs.Example.com", "/api/"), new("b", "docs.example.com", "api")], "production"));

    [Theory]
    [InlineData("a.example.com", "/", "b.example.com", "/")]
    [InlineData("docs.example.com", "/", "docs.example.com", "/api")]
    [InlineData(null, "/", null, "/api")]
    public void Find_DistinctHostOrPath_NoProblem(string? hostA, string pathA, string? hostB, string pathB) =>
        Assert.Empty(RouteCollisions.Find([new("a", hostA, pathA), new("b", hostB, pathB)], "production"));

    [Fact]
    public void Find_ThreeOnOneRoute_OneProblemPerExtraResource() =>
        Assert.Equal(2, RouteCollisions.Find([new("a", null, "/"), new("b", null, "/"), new("c", null, "/")], "production").Count);
}
