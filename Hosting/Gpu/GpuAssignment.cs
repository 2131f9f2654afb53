namespace Deploy.Hosting.Gpu;

/// <summary>Which devices each instance of a <c>WithGpu</c> resource sees: <c>count</c> devices per instance, dealt
/// round-robin, so instances share devices only when there are fewer devices than instances need.</summary>
internal static class GpuAssignment
{
    /// <summary>The <c>CUDA_VISIBLE_DEVICES</c> value of each of <paramref name="instances"/> instances.</summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<string> devices, int countPerInstance, int instances)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(countPerInstance, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(instances, 1);
        if (devices.Count == 0)
            return [.. Enumerable.Repeat("", instances)];
        var perInstance = Math.Min(countPerInstance, devices.Count);
        return
        [
            .. Enumerable.Range(0, instances).Select(instance => string.Join(',',
                Enumerable.Range(0, perInstance).Select(k => devices[(instance * perInstance + k) % devices.Count]))),
        ];
    }
}
