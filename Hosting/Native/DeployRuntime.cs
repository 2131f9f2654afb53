namespace Deploy.Hosting.Native;

/// <summary>How server resources (<c>AddPostgres</c>, <c>AddRedis</c>, containers) run locally; configuration key
/// <c>Deploy:Runtime</c>.</summary>
public enum DeployRuntime
{
    /// <summary>A container engine when <c>docker info</c> or <c>podman info</c> answers, else native processes.</summary>
    Auto,
    /// <summary>Native processes, even when an engine answers (CI forces this: engines differ between machines).</summary>
    Native,
    /// <summary>Aspire's containers; Deploy changes nothing.</summary>
    Container,
}
