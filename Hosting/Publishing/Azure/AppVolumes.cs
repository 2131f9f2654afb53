using System.Globalization;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Resources;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Mounts on Container Apps: a named volume becomes an Azure Files share (it outlives revisions), an anonymous
/// one an empty directory.</summary>
internal static partial class AppVolumes
{
    /// <summary>The share size when the model gives none: standard shares bill for what is used, not the quota.</summary>
    public const int DefaultQuotaGiB = 1024;

    public static List<AppVolume> Plan(IResource resource, string appName)
    {
        var result = new List<AppVolume>();
        var sizes = resource.Annotations.OfType<VolumeSizeAnnotation>().ToList();
        foreach (var mount in resource.Annotations.OfType<ContainerMountAnnotation>().Where(m => m.Type == ContainerMountType.Volume))
        {
            var name = Unique(AzureNames.Label(mount.Target.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "data"), result);
            if (mount.Source is null)
            {
                result.Add(new AppVolume(name, mount.Target, mount.IsReadOnly, null, null, 0));
                continue;
            }

            // Storage names in the environment are limited to 32 characters; share names to 63.
            var share = AzureNames.Label($"{appName}-{name}");
            var quota = sizes.LastOrDefault(s => s.Target == mount.Target) is { } size ? QuotaGiB(size.Size) ?? DefaultQuotaGiB : DefaultQuotaGiB;
            result.Add(new AppVolume(name, mount.Target, mount.IsReadOnly, AzureNames.Label(share, 32), share, quota));
        }

        return result;
    }

    /// <summary>A Kubernetes-style quantity (<c>5Gi</c>, <c>500Mi</c>) in whole GiB, rounded up; null when it is not one.</summary>
    public static int? QuotaGiB(string size)
    {
        var match = Quantity().Match(size);
        if (!match.Success)
            return null;
        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var bytes = value * match.Groups[2].Value switch
        {
            "Ki" => 1024d, "Mi" => 1024d * 1024, "Gi" => 1024d * 1024 * 1024, "Ti" => 1024d * 1024 * 1024 * 1024,
            "k" => 1e3, "M" => 1e6, "G" => 1e9, "T" => 1e12, _ => 1d,
        };
        return Math.Max(1, (int)Math.Ceiling(bytes / (1024d * 1024 * 1024)));
    }

    private static string Unique(string wanted, List<AppVolume> existing)
    {
        var name = wanted;
        for (var i = 2; existing.Any(v => v.Name == name); i++)
            name = string.Create(CultureInfo.InvariantCulture, $"{wanted}-{i}");
        return name;
    }

    [GeneratedRegex("^([0-9]+(?:\\.[0-9]+)?)(Ki|Mi|Gi|Ti|k|M|G|T)?$")]
    private static partial Regex Quantity();
}
