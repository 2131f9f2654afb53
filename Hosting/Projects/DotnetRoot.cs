namespace Deploy.Hosting.Projects;

/// <summary>The .NET installation the AppHost runs on, for apps started without the <c>dotnet</c> muxer.</summary>
internal static class DotnetRoot
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } configured)
            return configured;
        // 'dotnet AppHost.dll' and 'dotnet run' run the AppHost under the muxer itself.
        if (Environment.ProcessPath is { } process && Path.GetFileNameWithoutExtension(process) == "dotnet")
            return Path.GetDirectoryName(ResolveLinks(process));
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "dotnet"))
            .Where(File.Exists)
            .Select(f => Path.GetDirectoryName(ResolveLinks(f)))
            .FirstOrDefault();
    }

    private static string ResolveLinks(string file) =>
        new FileInfo(file).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file;
}
