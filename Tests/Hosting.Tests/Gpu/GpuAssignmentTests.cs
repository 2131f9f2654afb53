using System.Diagnostics;
using Aspire.Hosting;
using Deploy.Hosting.Gpu;

namespace Deploy.Hosting.Tests.Gpu;

public sealed class GpuAssignmentTests
{
    [Fact]
    public void Assign_TwoDevicesTwoInstances_EachGetsItsOwn() =>
        Assert.Equal(["0", "1"], GpuAssignment.Assign(["0", "1"], countPerInstance: 1, instances: 2));

    [Fact]
    public void Assign_MoreInstancesThanDevices_SharesRoundRobin() =>
        Assert.Equal(["0", "1", "0"], GpuAssignment.Assign(["0", "1"], countPerInstance: 1, instances: 3));

    [Fact]
    public void Assign_TwoPerInstance_DealsPairs() =>
        Assert.Equal(["0,1", "2,3"], GpuAssignment.Assign(["0", "1", "2", "3"], countPerInstance: 2, instances: 2));

    [Fact]
    public void Parse_NvidiaSmiCsv_ReadsIndexAndName()
    {
        var devices = GpuDevices.Parse("0, NVIDIA H200\n1, NVIDIA H200\n\nNo devices were found\n");

        Assert.Equal([new GpuDevices.Device("0", "NVIDIA H200"), new GpuDevices.Device("1", "NVIDIA H200")], devices);
    }

    [Fact]
    public void WithGpu_ZeroCount_ThrowsNamingResourceAndFix()
    {
        var builder = DistributedApplication.CreateBuilder(["--operation", "publish"]);
        var worker = builder.AddExecutable("worker", "sh", ".");

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => worker.WithGpu(0));

        Assert.Contains("Resource 'worker': WithGpu needs at least 1 GPU", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlotScript_TwoReplicasStartTogether_EachSeesOtherDevices()
    {
        var directory = Directory.CreateTempSubdirectory("deploy-gpu-test-").FullName;
        try
        {
            var script = GpuSlotScript.WriteTo(directory);
            var slots = Path.Combine(directory, "slots");
            var runs = Enumerable.Range(0, 2).Select(_ => RunAsync(script, slots)).ToList();

            var seen = await Task.WhenAll(runs);

            Assert.Equal(["0", "1"], seen.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    // Each replica holds its slot while it runs (sleep), as a real worker would.
    private static async Task<string> RunAsync(string script, string slots)
    {
        var start = new ProcessStartInfo("/bin/sh", [script, slots, "0", "1", "--", "/bin/sh", "-c", "echo $CUDA_VISIBLE_DEVICES; sleep 1"])
        {
            RedirectStandardOutput = true, UseShellExecute = false,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output.Trim();
    }
}
