using Deploy.Hosting.Orchestration;
using Deploy.Hosting.Tests;

namespace Deploy.Hosting.Tests.Orchestration;

[Collection(ConsoleCollection.Name)]
public class ConsoleNoticesTests
{
    [Fact]
    public void Writer_WhileTableIsLive_KeepsNoticeForTheTableInsteadOfPrinting()
    {
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            ConsoleNotices.SetLive(true);
            ConsoleNotices.Writer.WriteLine("embedder: no GPU found; running on CPU");

            Assert.Equal(["embedder: no GPU found; running on CPU"], ConsoleNotices.Snapshot());
            Assert.Equal("", output.ToString());

            ConsoleNotices.SetLive(false);
            ConsoleNotices.Writer.WriteLine("Stopped.");

            Assert.Empty(ConsoleNotices.Snapshot());
            Assert.Equal("Stopped." + Environment.NewLine, output.ToString());
        }
        finally
        {
            ConsoleNotices.SetLive(false);
            Console.SetOut(previous);
        }
    }
}
