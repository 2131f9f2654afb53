using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Azure;

/// <summary>What one container app's module needs from <c>main.bicep</c> beyond the common parameters: model parameters,
/// managed services' outputs, and managed services whose access key it reads itself.</summary>
internal sealed class ModuleInputs(BicepSymbols symbols)
{
    /// <summary>Model parameters by symbol.</summary>
    public SortedDictionary<string, ParameterResource> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>Managed services' outputs by symbol: the resource and the output's name.</summary>
    public SortedDictionary<string, (IResource Resource, string Output)> ServiceOutputs { get; } = new(StringComparer.Ordinal);

    /// <summary>Managed services read with <c>existing</c> (for <c>listKeys()</c>), by the existing resource's symbol.</summary>
    public SortedDictionary<string, IResource> ServiceKeys { get; } = new(StringComparer.Ordinal);

    /// <summary>The symbol to use for <paramref name="parameter"/>, noting that the module needs it.</summary>
    public string Use(ParameterResource parameter)
    {
        var symbol = symbols.Parameter(parameter);
        Parameters[symbol] = parameter;
        return symbol;
    }

    /// <summary>The symbol to use for a managed service's output.</summary>
    public string UseOutput(IResource resource, string output)
    {
        var symbol = symbols.ServiceOutput(resource, output);
        ServiceOutputs[symbol] = (resource, output);
        return symbol;
    }

    /// <summary>An expression for a managed service's primary key: the module looks the service up by its name.</summary>
    public string UseKey(IResource resource)
    {
        UseOutput(resource, "name");
        var symbol = symbols.ServiceResource(resource);
        ServiceKeys[symbol] = resource;
        return $"{symbol}.listKeys().primaryKey";
    }
}
