using Aspire.Hosting;

namespace Deploy.Hosting.Publishing;

/// <summary>Collects everything that keeps a model from becoming a target's artifacts, so that one run reports all of
/// it and writes nothing.</summary>
/// <param name="targetKind">The kind of target in the failure message, such as <c>Docker Compose</c>.</param>
internal abstract class PublishProblems(string targetKind)
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Adds a problem of <paramref name="resource"/>: the rule it breaks and how to fix it.</summary>
    public void Add(string resource, string rule, string fix) => Add($"Resource '{resource}': {rule} Fix: {fix}");

    /// <summary>Adds a problem already worded as "Resource 'x': rule. Fix: ...".</summary>
    public void Add(string message)
    {
        if (!_errors.Contains(message, StringComparer.Ordinal))
            _errors.Add(message);
    }

    /// <summary>Throws one exception listing every problem, or returns when there is none.</summary>
    public void ThrowIfAny(string targetName)
    {
        if (_errors.Count == 0)
            return;
        var count = _errors.Count == 1 ? "1 problem" : $"{_errors.Count} problems";
        throw new DistributedApplicationException(
            $"The model cannot be published to {targetKind} target '{targetName}' ({count}); nothing was written.\n"
            + string.Join('\n', _errors.Select(e => $"  - {e}")));
    }
}
