using System.Diagnostics;

namespace Deploy.Hosting.Gpu;

/// <summary>The machine's NVIDIA GPUs, as <c>nvidia-smi</c> lists them; none when it is missing or fails.</summary>
internal static class GpuDevices
{
    /// <summary>One GPU: its index (what <c>CUDA_VISIBLE_DEVICES</c> takes) and its model name.</summary>
    public sealed record Device(string Index, string Name);

    public static IReadOnlyList<Device> Discover()
    {
        try
        {
            var start = new ProcessStartInfo("nvidia-smi") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { "--query-gpu=index,name", "--format=csv,noheader" })
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start);
            if (process is null)
                return [];
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)) || process.ExitCode != 0)
                return [];
            return Parse(output);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return [];
        }
    }

    /// <summary>Reads <c>index, name</c> lines.</summary>
    public static IReadOnlyList<Device> Parse(string csv) =>
    [
        .. csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split(',', 2, StringSplitOptions.TrimEntries))
            .Where(fields => fields.Length == 2 && fields[0].All(char.IsAsciiDigit) && fields[0].Length > 0)
            .Select(fields => new Device(fields[0], fields[1])),
    ];
}
