using Aspire.Hosting;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Collects everything that keeps the model from becoming workflows, so that one run reports all of it.</summary>
internal sealed class GitHubProblems
{
    private readonly List<string> _errors = [];

    public IReadOnlyList<string> Errors => _errors;

    public void Add(string resource, string rule, string fix)
    {
        var message = $"Resource '{resource}': {rule} Fix: {fix}";
        if (!_errors.Contains(message, StringComparer.Ordinal))
            _errors.Add(message);
    }

    public void ThrowIfAny(string targetName)
    {
        if (_errors.Count == 0)
            return;
        var count = _errors.Count == 1 ? "1 problem" : $"{_errors.Count} problems";
        throw new DistributedApplicationException(
            $"The model cannot be published to GitHub Actions target '{targetName}' ({count}); nothing was written.\n"
            + string.Join('\n', _errors.Select(e => $"  - {e}")));
    }
}
