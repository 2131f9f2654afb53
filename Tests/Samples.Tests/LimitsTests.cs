using Api;

namespace Deploy.Samples.Tests;

public sealed class LimitsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   \n ")]
    public void Validate_EmptyText_TextError(string? text)
    {
        var errors = Limits.Validate(new NewDocument("title", text));

        Assert.Contains("required", Assert.Single(errors["text"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TooLong_QuotesTheLimit()
    {
        var errors = Limits.Validate(new NewDocument(new string('t', Limits.MaxTitleLength + 1), new string('x', Limits.MaxTextLength + 1)));

        Assert.Contains(Limits.MaxTextLength.ToString(System.Globalization.CultureInfo.InvariantCulture), errors["text"][0], StringComparison.Ordinal);
        Assert.Contains(Limits.MaxTitleLength.ToString(System.Globalization.CultureInfo.InvariantCulture), errors["title"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("101")]
    [InlineData("five")]
    [InlineData("1.5")]
    public void ValidateSearch_BadK_KError(string k)
    {
        var errors = Limits.ValidateSearch("query", k, out _);

        Assert.Contains(k, Assert.Single(errors["k"]), StringComparison.Ordinal);
    }

    [Fact]
    public void ValidateSearch_NoK_DefaultK()
    {
        var errors = Limits.ValidateSearch("query", null, out var k);

        Assert.Empty(errors);
        Assert.Equal(Limits.DefaultK, k);
    }
}
