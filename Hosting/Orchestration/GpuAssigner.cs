using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Orchestration;

/// <summary>One GPU as <c>nvidia-smi</c> lists it.</summary>
internal sealed record GpuDevice(int Index, string Name, string Memory);

/// <summary>Local GPU assignment for <c>WithGpu</c> resources: each instance gets <c>count</c> of the GPUs
/// <c>nvidia-smi</c> lists, round-robin (shared when there are more instances than GPUs, as on a laptop), through
/// <c>CUDA_VISIBLE_DEVICES</c>. With none it gets <c>DEPLOY_GPU=none</c> and an empty <c>CUDA_VISIBLE_DEVICES</c>,
/// so the service takes its CPU path, and the console says so once per resource.</summary>
internal sealed class GpuAssigner(IReadOnlyList<GpuDevice> devices, TextWriter console)
{
    /// <summary>Tells a GPU resource what it got: <c>none</c>, or the assigned indices.</summary>
    public const string Variable = "DEPLOY_GPU";

    private static readonly Lazy<GpuAssigner> Detected = new(() => new GpuAssigner(Detect(), ConsoleNotices.Writer));
    private readonly Dictionary<(string Resource, int Index), string> _assigned = [];
    private readonly HashSet<string> _announced = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _gate = new();
    private int _next;

    /// <summary>The machine's GPUs, listed once per AppHost run (only when some resource asks for one).</summary>
    public static GpuAssigner Shared => Detected.Value;

    public IReadOnlyList<GpuDevice> Devices => devices;

    /// <summary>The supervisor's hook: assigns through <see cref="Shared"/>, so <c>nvidia-smi</c> runs only when a resource has <c>WithGpu</c>.</summary>
    public static void AssignTo(IResource resource, int index, IDictionary<string, string> environment, Action<string> log)
    {
        if (resource.Annotations.OfType<GpuAnnotation>().Any())
            Shared.Apply(resource, index, environment, log);
    }

    /// <summary>Adds the GPU variables for instance <paramref name="index"/> of <paramref name="resource"/> (nothing when it
    /// has no <see cref="GpuAnnotation"/>). An instance keeps its devices across restarts.</summary>
    public void Apply(IResource resource, int index, IDictionary<string, string> environment, Action<string> log)
    {
        if (resource.Annotations.OfType<GpuAnnotation>().LastOrDefault() is not { } gpu)
            return;
        string visible;
        lock (_gate)
        {
            if (devices.Count == 0)
            {
                if (_announced.Add(resource.Name))
                    console.WriteLine($"{resource.Name}: no GPU found; running on CPU");
                visible = "";
            }
            else if (!_assigned.TryGetValue((resource.Name, index), out visible!))
            {
                var picked = Enumerable.Range(0, Math.Min(Math.Max(gpu.Count, 1), devices.Count)).Select(_ => devices[_next++ % devices.Count].Index);
                visible = string.Join(',', picked.Distinct().Order());
                _assigned[(resource.Name, index)] = visible;
            }
        }

        environment["CUDA_VISIBLE_DEVICES"] = visible;
        environment[Variable] = visible.Length == 0 ? "none" : visible;
        log(visible.Length == 0
            ? "[deploy] No GPU found (nvidia-smi lists none): DEPLOY_GPU=none, the CPU path is used."
            : $"[deploy] GPU assigned: CUDA_VISIBLE_DEVICES={visible} ({string.Join(", ", devices.Where(d => visible.Split(',').Contains(d.Index.ToString(CultureInfo.InvariantCulture))).Select(d => d.Name))}).");
    }

    /// <summary>Parses <c>nvidia-smi --query-gpu=index,name,memory.total --format=csv,noheader</c>; skips lines it cannot read.</summary>
    public static List<GpuDevice> Parse(string output)
    {
        var result = new List<GpuDevice>();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (fields.Length >= 3 && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                result.Add(new GpuDevice(index, fields[1], fields[2]));
        }

        return result;
    }

    // No nvidia-smi, no driver, or a hung driver: all mean "no GPU" for a local run; never fail the AppHost over it.
    private static List<GpuDevice> Detect()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("nvidia-smi", ["--query-gpu=index,name,memory.total", "--format=csv,noheader"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            });
            if (process is null)
                return [];
            var output = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill();
                return [];
            }

            return process.ExitCode == 0 ? Parse(output.Result) : [];
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return [];
        }
    }
}
