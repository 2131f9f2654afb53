namespace Aspire.Hosting.ApplicationModel;

/// <summary>A value supplied from outside the model: configuration <c>Parameters:&lt;name&gt;</c>, or generated.</summary>
public class ParameterResource : Resource, IManifestExpressionProvider, IValueProvider, IResourceWithWaitSupport
{
    private readonly Func<string?> _configuredValue;

    /// <summary>Creates a parameter whose value is read by <paramref name="configuredValue"/>.</summary>
    public ParameterResource(string name, Func<string?> configuredValue, bool secret = false, ParameterDefault? @default = null)
        : base(name)
    {
        _configuredValue = configuredValue;
        Secret = secret;
        Default = @default;
    }

    /// <summary>Whether the value is a secret: masked in logs and the dashboard, never written to artifacts.</summary>
    public bool Secret { get; }

    /// <summary>How a value is produced when configuration has none (e.g. a generated password).</summary>
    public ParameterDefault? Default { get; }

    /// <summary>The configuration key the value is read from.</summary>
    public virtual string ConfigurationKey => $"Parameters:{Name}";

    /// <summary>The value run mode settled on (configured, persisted or generated).</summary>
    public string? ResolvedValue { get; internal set; }

    /// <summary>The value from configuration, if any.</summary>
    public string? ConfiguredValue => _configuredValue();

    /// <summary>The parameter's value in run mode.</summary>
    public string Value => ResolvedValue ?? ConfiguredValue ?? throw new MissingParameterValueException(
        $"Parameter '{Name}' has no value: configuration key '{ConfigurationKey}' is missing and the parameter has no default. " +
        $"Set it in appsettings.json, with 'dotnet user-secrets set {ConfigurationKey} <value>' in the AppHost folder, or as the environment variable '{ConfigurationKey.Replace(":", "__", StringComparison.Ordinal)}'.");

    /// <inheritdoc />
    public virtual string ValueExpression => $"{{{Name}.value}}";

    /// <inheritdoc />
    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Value);
}

/// <summary>Thrown when a parameter is used but has no value.</summary>
public sealed class MissingParameterValueException(string message) : Exception(message);
