using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Collects everything that keeps a model from becoming Compose files, so that one run reports all of it.</summary>
internal sealed class ComposeProblems
{
    private readonly List<ModelError> _errors = [];

    public IReadOnlyList<ModelError> Errors => _errors;

    public void Add(string resource, string rule, string fix) => _errors.Add(new(resource, rule, fix));

    /// <summary>Throws one exception listing every problem, or returns when there is none.</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count == 0)
            return;
        var lines = _errors.Distinct().Select(e => $"  - {e}");
        throw new DistributedApplicationException(
            $"The model cannot be published to Docker Compose ({_errors.Distinct().Count()} problem{(_errors.Distinct().Count() == 1 ? "" : "s")}); nothing was written.\n"
            + string.Join('\n', lines));
    }
}
