using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Orchestration;

/// <summary>Settles every parameter's value: configuration first, then a value persisted by an earlier run, then a
/// newly generated one (persisted so passwords stay stable across runs).</summary>
internal static class ParameterResolver
{
    public static void Resolve(IEnumerable<IResource> resources, StateDirectory state)
    {
        var persisted = state.ReadParameters();
        var changed = false;
        foreach (var parameter in resources.OfType<ParameterResource>())
        {
            var key = parameter.ConfigurationKey;
            if (parameter.ConfiguredValue is { Length: > 0 } configured)
            {
                parameter.ResolvedValue = configured;
            }
            else if (persisted.TryGetValue(key, out var saved))
            {
                parameter.ResolvedValue = saved;
            }
            else if (parameter.Default is { } generator)
            {
                parameter.ResolvedValue = generator.GetDefaultValue();
                if (generator is GenerateParameterDefault)
                {
                    persisted[key] = parameter.ResolvedValue;
                    changed = true;
                }
            }
        }

        if (changed)
            state.WriteParameters(persisted);
    }
}
