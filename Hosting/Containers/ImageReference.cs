namespace Deploy.Hosting.Containers;

/// <summary>Splits <c>[registry/]name[:tag]</c>; a first segment with a dot, a colon or <c>localhost</c> is a registry.</summary>
internal static class ImageReference
{
    public static (string? Registry, string Image, string? Tag) Parse(string reference)
    {
        string? registry = null;
        var rest = reference;
        var slash = reference.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = reference[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                registry = first;
                rest = reference[(slash + 1)..];
            }
        }

        var colon = rest.LastIndexOf(':');
        return colon > rest.LastIndexOf('/') && colon >= 0 ? (registry, rest[..colon], rest[(colon + 1)..]) : (registry, rest, null);
    }
}
