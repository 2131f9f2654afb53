using System.Collections.Concurrent;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.EndToEnd.Tests;

/// <summary><c>WithGpu</c> in run mode with a fake <c>nvidia-smi</c> on PATH listing two GPUs: DCP starts both replicas
/// with one environment, and each must still see its own device.</summary>
public sealed class LocalGpuTests
{
    [Fact]
    public async Task WithGpuTwoReplicas_TwoGpus_EachReplicaGetsItsOwnDevice()
    {
        using var fake = new TestState();
        var nvidiaSmi = Path.Combine(fake.Path, "nvidia-smi");
        await File.WriteAllTextAsync(nvidiaSmi, "#!/bin/sh\nprintf '0, Fake GPU A\\n1, Fake GPU B\\n'\n");
        File.SetUnixFileMode(nvidiaSmi, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.UserWrite);
        var path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", $"{fake.Path}:{path}");
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            var builder = TestModel.Create();
            builder.AddDeploy();
            builder.AddProject("gpu", SampleProjects.Web).WithHttpEndpoint().WithGpu(1).WithReplicas(2);
            await using var app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);

            var pids = new ConcurrentDictionary<string, int>();
            await foreach (var e in app.ResourceNotifications.WatchAsync(timeout.Token))
            {
                if (e.Resource.Name == "gpu" && e.Snapshot.State?.Text == KnownResourceStates.Running &&
                    e.Snapshot.Properties.Any(p => p.Name == "executable.pid" && p.Value is not null))
                    pids[e.ResourceId] = Processes.PidOf(e);
                if (pids.Count == 2)
                    break;
            }

            // DCP reports the pid of the slot launcher, which execs the app once it holds a slot.
            var devices = new List<Dictionary<string, string>>();
            foreach (var pid in pids.Values)
                devices.Add(await EnvironmentAfterExecAsync(pid, timeout.Token));
            Assert.Equal(["0", "1"], devices.Select(d => d["CUDA_VISIBLE_DEVICES"]).Order(StringComparer.Ordinal));
            Assert.All(devices, d => Assert.Equal("cuda", d["DEPLOY_GPU"]));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }

    private static async Task<Dictionary<string, string>> EnvironmentAfterExecAsync(int pid, CancellationToken cancellationToken)
    {
        while (true)
        {
            var environment = EnvironmentOf(pid);
            if (environment.ContainsKey("CUDA_VISIBLE_DEVICES"))
                return environment;
            await Task.Delay(100, cancellationToken);
        }
    }

    private static Dictionary<string, string> EnvironmentOf(int pid) =>
        File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(v => v.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0])
            .ToDictionary(g => g.Key, g => g.Last()[1]);
}
