namespace Deploy.Hosting.Native;

/// <summary>Variables the orchestrator adds to a recipe's environment (never passed to a process).</summary>
public static class NativeEnvironment
{
    /// <summary>Present when the data directory outlives the run (a data volume was declared).</summary>
    public const string PersistentDataVariable = "DEPLOY_NATIVE_PERSISTENT_DATA";
}
