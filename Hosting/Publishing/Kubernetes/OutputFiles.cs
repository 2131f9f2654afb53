namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>Writes output files with LF line endings and no byte-order mark, so output is byte-for-byte stable.</summary>
internal static class OutputFiles
{
    private static readonly System.Text.UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void Write(string root, string relativePath, string content, bool ownerOnly = false)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"), Utf8);
        if (ownerOnly)
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
