using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.GitHub;

/// <summary>Every parameter the model's resources use, including those integrations create without adding them to the
/// model (such as <c>postgres-password</c>), found by walking environment values, arguments and connection strings.</summary>
internal static class ModelParameters
{
    public static async Task<IReadOnlyList<ParameterResource>> FindAsync(PublishContext context)
    {
        var found = new HashSet<ParameterResource>(context.Model.Resources.OfType<ParameterResource>());
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var resource in context.Model.Resources.Where(r => r is not PublishTargetResource and not ParameterResource))
        {
            var environment = await context.GetEnvironmentAsync(resource).ConfigureAwait(false);
            var args = await context.GetArgsAsync(resource).ConfigureAwait(false);
            foreach (var value in environment.Values.Concat(args).Append(resource))
                Walk(value, found, seen);
        }

        return [.. found.OrderBy(p => p.Name, StringComparer.Ordinal)];
    }

    private static void Walk(object? value, HashSet<ParameterResource> found, HashSet<object> seen)
    {
        if (value is null || value is string || !seen.Add(value))
            return;
        if (value is ParameterResource parameter)
            found.Add(parameter);
        if (value is IResourceWithConnectionString withConnection)
            Walk(withConnection.ConnectionStringExpression, found, seen);
        if (value is IValueWithReferences references)
        {
            foreach (var reference in references.References)
                Walk(reference, found, seen);
        }
    }
}
