using Deploy.Hosting.Native;

namespace Deploy.Hosting.Orchestration;

/// <summary>Everything needed to start one process.</summary>
/// <param name="FileName">The program.</param>
/// <param name="Args">Its arguments.</param>
/// <param name="WorkingDirectory">Its working directory.</param>
/// <param name="Environment">Variables added to the inherited environment.</param>
/// <param name="RunAs">An account to drop to (the AppHost is root), or null.</param>
/// <param name="StopSignal">The signal that asks it to stop.</param>
internal sealed record ProcessLaunch(
    string FileName,
    IReadOnlyList<string> Args,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> Environment,
    NativeUser? RunAs = null,
    int StopSignal = Posix.SigTerm);
