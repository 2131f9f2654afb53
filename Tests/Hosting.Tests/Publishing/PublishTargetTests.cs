using Aspire.Hosting;
using Deploy.Hosting.Publishing;
using Deploy.Hosting.Tests.TestSupport;

namespace Deploy.Hosting.Tests.Publishing;

public sealed class PublishTargetTests
{
    [Fact]
    public async Task Publish_TwoTargets_EachWritesIntoItsOwnFolder()
    {
        using var output = new TestDirectory();

        await PublishRun.RunAsync(builder =>
        {
            builder.AddPublishTarget(new FileTarget("first"));
            builder.AddPublishTarget(new FileTarget("second"));
        }, output.Path);

        Assert.Equal("first", File.ReadAllText(output.Combine("first", "target.txt")));
        Assert.Equal("second", File.ReadAllText(output.Combine("second", "target.txt")));
        Assert.Empty(Directory.GetDirectories(output.Path, ".*"));
    }

    [Fact]
    public async Task Publish_StepOfOneTarget_WritesOnlyThatTarget()
    {
        using var output = new TestDirectory();

        await PublishRun.RunAsync(builder =>
        {
            builder.AddPublishTarget(new FileTarget("first"));
            builder.AddPublishTarget(new FileTarget("second"));
        }, output.Path, step: "publish-second");

        Assert.False(Directory.Exists(output.Combine("first")));
        Assert.True(File.Exists(output.Combine("second", "target.txt")));
    }

    [Fact]
    public async Task Publish_TargetThrows_NothingWrittenAndFilesBesideOutputKept()
    {
        using var output = new TestDirectory();
        Directory.CreateDirectory(output.Combine("broken"));
        File.WriteAllText(output.Combine("broken", "parameters.env"), "kept");

        var failure = await Assert.ThrowsAsync<PublishFailedException>(() => PublishRun.RunAsync(
            builder => builder.AddPublishTarget(new FileTarget("broken", fail: true)), output.Path));

        Assert.Contains("Target 'broken' failed on purpose.", failure.Message, StringComparison.Ordinal);
        Assert.Equal(["parameters.env"], Directory.GetFiles(output.Combine("broken")).Select(Path.GetFileName));
        Assert.Empty(Directory.GetDirectories(output.Path, ".*"));
    }

    private sealed class FileTarget(string name, bool fail = false) : PublishTargetResource(name)
    {
        public override string TargetDisplayName => "Test";

        internal override Task PublishAsync(PublishContext context)
        {
            File.WriteAllText(Path.Combine(context.OutputPath, "target.txt"), Name);
            if (fail)
                throw new InvalidOperationException($"Target '{Name}' failed on purpose.");
            return Task.CompletedTask;
        }
    }
}
