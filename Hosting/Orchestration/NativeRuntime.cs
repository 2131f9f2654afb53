using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Native;

namespace Deploy.Hosting.Orchestration;

/// <summary>Resolves what a native recipe needs: its binaries (or one clear error naming the package) and its data directory.</summary>
internal static class NativeRuntime
{
    public static Dictionary<string, string> LocateBinaries(string resourceName, INativeRecipe recipe)
    {
        var found = new Dictionary<string, string>();
        var missing = new List<NativeBinary>();
        foreach (var binary in recipe.Binaries)
        {
            if (NativeBinaryLocator.Find(binary) is { } path)
                found[binary.Name] = path;
            else
                missing.Add(binary);
        }

        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(b => $"'{b.Name}'"));
            var packages = string.Join(" ", missing.Select(b => b.DebianPackage).Distinct());
            throw new InvalidOperationException(
                $"Resource '{resourceName}' runs natively (no container engine answered) but {names} was not found on PATH or in the usual " +
                $"locations. Install it with 'sudo apt-get install {packages}', or install Docker/Podman to run it as a container.");
        }

        return found;
    }

    public static (string Path, bool Persistent) DataDirectory(ContainerResource container, INativeRecipe recipe, StateDirectory state)
    {
        var mount = container.Annotations.OfType<ContainerMountAnnotation>().LastOrDefault(m => m.Target == recipe.DataMountTarget);
        return mount switch
        {
            { Type: ContainerMountType.BindMount, Source: { } source } => (source, true),
            { Type: ContainerMountType.Volume, Source: { } volume } => (state.VolumePath(volume), true),
            _ => (state.TemporaryDataPath(container.Name), false),
        };
    }
}
