namespace Deploy.Hosting.Supervision;

/// <summary>What to do about one exit: restart after <see cref="Delay"/>, or not, with the reason.</summary>
/// <param name="Restart">Whether to start the process again.</param>
/// <param name="Delay">How long to wait first.</param>
/// <param name="Attempt">Which restart this is (1 for the first), counted across the whole run.</param>
/// <param name="Reason">Why not, when <see cref="Restart"/> is false: shown in the resource's state.</param>
public sealed record RestartDecision(bool Restart, TimeSpan Delay, int Attempt, string? Reason);
