namespace Deploy.Hosting.Native;

/// <summary>A native server could not be started; the message names the resource, the cause and the fix, and is shown
/// in the resource's console log and state.</summary>
internal sealed class NativeLaunchException(string message) : Exception(message);
