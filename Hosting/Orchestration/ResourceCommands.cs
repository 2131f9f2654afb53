namespace Deploy.Hosting.Orchestration;

/// <summary>Names of the commands <see cref="Orchestrator.ExecuteCommandAsync"/> accepts (the dashboard's resource actions).</summary>
public static class ResourceCommands
{
    /// <summary>Stops every instance; the resource shows Finished and is not restarted.</summary>
    public const string Stop = "stop";

    /// <summary>Runs a stopped or finished resource again.</summary>
    public const string Start = "start";

    /// <summary>Stop, then start.</summary>
    public const string Restart = "restart";
}
