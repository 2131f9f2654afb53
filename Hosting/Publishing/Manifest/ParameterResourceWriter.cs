using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Manifest;

/// <summary>Writes <c>parameter.v0</c> and <c>value.v0</c>. A parameter's value is never written: the deployment tool asks
/// for it (or generates it, for <c>default.generate</c>) and stores secrets as secrets.</summary>
internal static class ParameterResourceWriter
{
    public static void WriteParameter(Utf8JsonWriter json, ParameterResource parameter, ManifestValues values)
    {
        json.WriteString("type", "parameter.v0");
        if (parameter is ConnectionStringParameterResource connectionString)
            json.WriteString("connectionString", values.ConnectionString(connectionString));
        json.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        json.WriteStartObject("inputs");
        json.WriteStartObject("value");
        json.WriteString("type", "string");
        if (parameter.Secret)
            json.WriteBoolean("secret", true);
        if (parameter.Default is GenerateParameterDefault generate)
            WriteGenerate(json, generate);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    public static void WriteValue(Utf8JsonWriter json, IResourceWithConnectionString resource, ManifestValues values)
    {
        json.WriteString("type", "value.v0");
        json.WriteString("connectionString", values.ConnectionString(resource));
    }

    /// <summary>Aspire's <c>GenerateParameterDefault.WriteToManifest</c>: the length always, each character set only when it is
    /// turned off, each minimum only when set.</summary>
    private static void WriteGenerate(Utf8JsonWriter json, GenerateParameterDefault generate)
    {
        json.WriteStartObject("default");
        json.WriteStartObject("generate");
        json.WriteNumber("minLength", generate.MinLength);
        WriteDisabled(json, "lower", generate.Lower);
        WriteDisabled(json, "upper", generate.Upper);
        WriteDisabled(json, "numeric", generate.Numeric);
        WriteDisabled(json, "special", generate.Special);
        WriteMinimum(json, "minLower", generate.MinLower);
        WriteMinimum(json, "minUpper", generate.MinUpper);
        WriteMinimum(json, "minNumeric", generate.MinNumeric);
        WriteMinimum(json, "minSpecial", generate.MinSpecial);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDisabled(Utf8JsonWriter json, string name, bool enabled)
    {
        if (!enabled)
            json.WriteBoolean(name, false);
    }

    private static void WriteMinimum(Utf8JsonWriter json, string name, int minimum)
    {
        if (minimum != 0)
            json.WriteNumber(name, minimum);
    }
}
