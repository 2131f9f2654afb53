namespace Deploy.Hosting.Publishing.Compose;

/// <summary>The files a publish writes, by path relative to the output directory; collected first and written only when
/// the whole model could be published, so that a failed publish writes nothing.</summary>
internal sealed class ComposeOutputFiles
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);

    /// <summary>Every file, in path order.</summary>
    public IReadOnlyDictionary<string, string> Files => _files;

    public void Add(string relativePath, string contents)
    {
        if (!_files.TryAdd(relativePath, contents))
            throw new InvalidOperationException($"The Compose publisher wrote '{relativePath}' twice.");
    }

    /// <summary>Writes every file below <paramref name="directory"/> with Unix line endings.</summary>
    public async Task WriteAsync(string directory, CancellationToken cancellationToken)
    {
        foreach (var (path, contents) in _files)
        {
            var full = Path.Combine(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, contents.Replace("\r\n", "\n", StringComparison.Ordinal), cancellationToken);
        }
    }
}
