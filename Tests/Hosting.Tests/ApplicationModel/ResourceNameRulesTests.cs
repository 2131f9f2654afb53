using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Tests.ApplicationModel;

public class ResourceNameRulesTests
{
    [Theory]
    [InlineData("api")]
    [InlineData("my-api-2")]
    [InlineData("A")]
    public void Check_ValidName_ReturnsNull(string name) => Assert.Null(ResourceNameRules.Check(name));

    [Theory]
    [InlineData("", "must not be empty")]
    [InlineData("2api", "must start with an ASCII letter")]
    [InlineData("my_api", "only ASCII letters, digits and hyphens")]
    [InlineData("my--api", "consecutive hyphens")]
    [InlineData("api-", "must not end with a hyphen")]
    public void Check_InvalidName_NamesTheRule(string name, string rule) =>
        Assert.Contains(rule, ResourceNameRules.Check(name), StringComparison.Ordinal);

    [Fact]
    public void Check_NameLongerThan64_IsInvalid() =>
        Assert.Contains("at most 64", ResourceNameRules.Check(new string('a', 65)), StringComparison.Ordinal);

    [Theory]
    [InlineData("my_api", "my-api")]
    [InlineData("2api", "r-2api")]
    [InlineData("api--", "api")]
    public void Suggest_InvalidName_GivesValidName(string name, string expected)
    {
        Assert.Equal(expected, ResourceNameRules.Suggest(name));
        Assert.Null(ResourceNameRules.Check(ResourceNameRules.Suggest(name)));
    }
}
