using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MigrationService;

/// <summary>One versioned SQL script, named <c>NNNN_description.sql</c>.</summary>
public sealed partial record Migration(int Version, string Name, string Sql)
{
    /// <summary>SHA-256 of the script: an applied migration that was edited afterwards is an error, not a silent skip.
    /// Computed on read, so a copy made with <c>with { Sql = ... }</c> has its own.</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));

    /// <summary>The migrations embedded in this assembly, in version order.</summary>
    /// <exception cref="InvalidOperationException">A resource is misnamed or two share a version.</exception>
    public static IReadOnlyList<Migration> LoadEmbedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Migrations/", StringComparison.Ordinal)))
        {
            var match = FileName().Match(resource["Migrations/".Length..]);
            if (!match.Success)
                throw new InvalidOperationException($"Migration '{resource}' is not named NNNN_description.sql.");
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        var duplicate = migrations.GroupBy(m => m.Version).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Two migrations have version {duplicate.Key}: {string.Join(", ", duplicate.Select(m => m.Name))}.");
        return [.. migrations.OrderBy(m => m.Version)];
    }

    [GeneratedRegex(@"^(\d{4})_([a-z0-9_]+)\.sql$")]
    private static partial Regex FileName();
}
