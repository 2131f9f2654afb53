namespace Aspire.Hosting.ApplicationModel;

/// <summary>The start-order graph: an edge from a resource to each resource it waits for (a child's wait includes its parent).</summary>
internal static class WaitGraph
{
    public static IEnumerable<IResource> Dependencies(IResource resource)
    {
        foreach (var wait in resource.Annotations.OfType<WaitAnnotation>())
        {
            yield return wait.Resource;
            if (wait.Resource is IResourceWithParent child)
                yield return child.Parent;
        }
    }

    /// <summary>Every distinct cycle, each as the path that closes it (first element repeated at the end).</summary>
    public static List<List<IResource>> FindCycles(IReadOnlyList<IResource> resources)
    {
        var cycles = new List<List<IResource>>();
        var state = new Dictionary<IResource, int>();
        var stack = new List<IResource>();
        foreach (var resource in resources)
            Visit(resource, state, stack, cycles);
        return cycles;
    }

    /// <summary>Resources in an order where each comes after everything it waits for (cycles must be ruled out first).</summary>
    public static List<IResource> TopologicalOrder(IReadOnlyList<IResource> resources)
    {
        var order = new List<IResource>();
        var seen = new HashSet<IResource>();
        void Add(IResource r)
        {
            if (!seen.Add(r))
                return;
            foreach (var d in Dependencies(r))
                Add(d);
            order.Add(r);
        }

        foreach (var resource in resources)
            Add(resource);
        return order;
    }

    private static void Visit(IResource resource, Dictionary<IResource, int> state, List<IResource> stack, List<List<IResource>> cycles)
    {
        if (state.GetValueOrDefault(resource) == 2)
            return;
        if (state.GetValueOrDefault(resource) == 1)
        {
            var start = stack.IndexOf(resource);
            cycles.Add([.. stack.Skip(start), resource]);
            return;
        }

        state[resource] = 1;
        stack.Add(resource);
        foreach (var dependency in Dependencies(resource).Distinct())
            Visit(dependency, state, stack, cycles);
        stack.RemoveAt(stack.Count - 1);
        state[resource] = 2;
    }
}
