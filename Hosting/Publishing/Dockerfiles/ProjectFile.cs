using System.Xml.Linq;

namespace Deploy.Hosting.Publishing.Dockerfiles;

/// <summary>What image generation needs from a project file: its assembly name and the projects it references.</summary>
/// <remarks>Read without MSBuild (publishing must not build anything). A project file that does not exist, as in tests
/// with fixed paths, reads as a project named after its file with no references.</remarks>
internal sealed record ProjectFile(string Path, string AssemblyName, IReadOnlyList<string> ProjectReferences, bool IsAspireSharedProject)
{
    public static ProjectFile Read(string path)
    {
        var fallbackName = System.IO.Path.GetFileNameWithoutExtension(path);
        if (!File.Exists(path))
            return new(path, fallbackName, [], false);

        XDocument document;
        try
        {
            document = XDocument.Load(path);
        }
        catch (System.Xml.XmlException)
        {
            // A project file MSBuild could not read either; the image build will report it properly.
            return new(path, fallbackName, [], false);
        }

        var directory = System.IO.Path.GetDirectoryName(path) ?? "";
        var elements = document.Descendants().ToList();
        var assemblyName = elements.LastOrDefault(e => e.Name.LocalName == "AssemblyName")?.Value.Trim();
        var references = elements.Where(e => e.Name.LocalName == "ProjectReference")
            .Select(e => e.Attribute("Include")?.Value)
            .OfType<string>()
            .Select(include => System.IO.Path.GetFullPath(System.IO.Path.Combine(directory, include.Replace('\\', '/'))))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var shared = elements.Any(e => e.Name.LocalName == "IsAspireSharedProject" && e.Value.Trim().Equals("true", StringComparison.OrdinalIgnoreCase));
        return new(path, string.IsNullOrEmpty(assemblyName) || assemblyName.Contains('$', StringComparison.Ordinal) ? fallbackName : assemblyName,
            references, shared);
    }

    /// <summary>This project and every project it references, directly or not, in a stable order (itself first).</summary>
    public static IReadOnlyList<ProjectFile> ReadClosure(string path)
    {
        var result = new List<ProjectFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>([path]);
        while (pending.Count > 0)
        {
            var next = pending.Dequeue();
            if (!seen.Add(next))
                continue;
            var project = Read(next);
            result.Add(project);
            foreach (var reference in project.ProjectReferences)
                pending.Enqueue(reference);
        }

        return [result[0], .. result.Skip(1).OrderBy(p => p.Path, StringComparer.Ordinal)];
    }
}
