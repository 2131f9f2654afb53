namespace Deploy.ServiceDefaults.Redis;

/// <summary>One entry of a Redis stream.</summary>
/// <param name="Id">The entry id, e.g. <c>1700000000000-0</c>.</param>
/// <param name="Fields">The field/value pairs in the order they were added.</param>
public sealed record StreamEntry(string Id, IReadOnlyList<KeyValuePair<string, string>> Fields)
{
    /// <summary>The value of the first field named <paramref name="field"/>, or <c>null</c>.</summary>
    public string? this[string field]
    {
        get
        {
            foreach (var pair in Fields)
            {
                if (string.Equals(pair.Key, field, StringComparison.Ordinal))
                {
                    return pair.Value;
                }
            }

            return null;
        }
    }
}
