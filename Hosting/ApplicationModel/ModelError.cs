namespace Aspire.Hosting.ApplicationModel;

/// <summary>One problem in the model: which resource, which rule it breaks, and how to fix it.</summary>
public sealed record ModelError(string Resource, string Rule, string Fix)
{
    /// <inheritdoc />
    public override string ToString() => $"Resource '{Resource}': {Rule} Fix: {Fix}";
}

/// <summary>The model has errors; nothing was started or written.</summary>
public sealed class ModelValidationException(IReadOnlyList<ModelError> errors)
    : Exception(Format(errors))
{
    /// <summary>Every problem found.</summary>
    public IReadOnlyList<ModelError> Errors { get; } = errors;

    private static string Format(IReadOnlyList<ModelError> errors) =>
        $"The application model has {errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was started.\n" +
        string.Join('\n', errors.Select(e => $"  - {e}"));
}
