using Deploy.Hosting.Publishing.GitHub;

namespace Deploy.Hosting.Tests.Publishing.GitHub;

/// <summary>The one naming rule for secrets and variables, and the names GitHub refuses.</summary>
public sealed class GitHubNamesTests
{
    [Theory]
    [InlineData("api-key", "API_KEY")]
    [InlineData("postgres-password", "POSTGRES_PASSWORD")]
    [InlineData("my.db_conn", "MY_DB_CONN")]
    public void Secret_ParameterName_IsUpperSnakeCase(string parameter, string expected) => Assert.Equal(expected, GitHubNames.Secret(parameter));

    [Theory]
    [InlineData("API_KEY", true)]
    [InlineData("GITHUB_TOKEN", false)]
    [InlineData("1KEY", false)]
    [InlineData("", false)]
    public void IsValidSecret_Name_FollowsGitHubRules(string name, bool valid) => Assert.Equal(valid, GitHubNames.IsValidSecret(name));

    [Theory]
    [InlineData("staging", true)]
    [InlineData("prod-eu_1", true)]
    [InlineData("prod env", false)]
    [InlineData("-prod", false)]
    public void IsValidEnvironment_Name_AllowsLettersDigitsDashUnderscore(string name, bool valid) =>
        Assert.Equal(valid, GitHubNames.IsValidEnvironment(name));
}
