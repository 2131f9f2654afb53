using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Deploy.Hosting.Publishing.Compose;

/// <summary>A string always written in double quotes. Port mappings need it: YAML 1.1 readers take <c>22:22</c> for a
/// base-60 number, and Docker's documentation asks for quoted mappings for that reason.</summary>
internal sealed record ComposeQuoted(string Value)
{
    /// <summary>Writes <see cref="ComposeQuoted"/> values; reading them back is never needed.</summary>
    public sealed class Converter : IYamlTypeConverter
    {
        public bool Accepts(Type type) => type == typeof(ComposeQuoted);

        public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
            throw new NotSupportedException("Compose files are only written.");

        public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
            emitter.Emit(new Scalar(null, null, ((ComposeQuoted)value!).Value, ScalarStyle.DoubleQuoted, false, true));
    }
}
