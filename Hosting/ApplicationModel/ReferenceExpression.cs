using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A string with holes for values known only later (ports, hosts, passwords). Run mode resolves the holes
/// to real values; publishers render them as placeholders. One expression drives both.
/// </summary>
public sealed class ReferenceExpression : IManifestExpressionProvider, IValueProvider, IValueWithReferences
{
    private ReferenceExpression(string format, IReadOnlyList<object> valueProviders)
    {
        Format = format;
        ValueProviders = valueProviders;
    }

    /// <summary>A composite format string: literal text with <c>{0}</c>, <c>{1}</c>… for the values.</summary>
    public string Format { get; }

    /// <summary>The values, each an <see cref="IValueProvider"/> that is also an <see cref="IManifestExpressionProvider"/>.</summary>
    public IReadOnlyList<object> ValueProviders { get; }

    /// <inheritdoc />
    public IEnumerable<object> References => ValueProviders;

    /// <inheritdoc />
    public string ValueExpression => Render(p => ((IManifestExpressionProvider)p).ValueExpression);

    /// <summary>Builds an expression from an interpolated string.</summary>
    public static ReferenceExpression Create(in ExpressionInterpolatedStringHandler handler) => handler.Build();

    /// <summary>An expression made of literal text only.</summary>
    public static ReferenceExpression Literal(string text) =>
        new(text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal), []);

    /// <inheritdoc />
    public async ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default)
    {
        var values = new string?[ValueProviders.Count];
        for (var i = 0; i < values.Length; i++)
            values[i] = await ((IValueProvider)ValueProviders[i]).GetValueAsync(cancellationToken);
        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    /// <summary>Renders the expression with each value mapped by <paramref name="render"/> (publishers use this).</summary>
    public string Render(Func<object, string> render)
    {
        var values = ValueProviders.Select(render).ToArray<object>();
        return string.Format(CultureInfo.InvariantCulture, Format, values);
    }

    /// <inheritdoc />
    public override string ToString() => ValueExpression;

    /// <summary>Collects literal text and values from an interpolated string.</summary>
    [InterpolatedStringHandler]
    public ref struct ExpressionInterpolatedStringHandler
    {
        private readonly StringBuilder _format;
        private readonly List<object> _providers;

        /// <summary>Called by the compiler.</summary>
        public ExpressionInterpolatedStringHandler(int literalLength, int formattedCount)
        {
            _format = new StringBuilder(literalLength + (formattedCount * 4));
            _providers = new List<object>(formattedCount);
        }

        /// <summary>Appends literal text.</summary>
        public readonly void AppendLiteral(string value) =>
            _format.Append(value.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));

        /// <summary>Appends plain text known now.</summary>
        public readonly void AppendFormatted(string? value) => AppendLiteral(value ?? "");

        /// <summary>Appends a value: a deferred value provider, or anything formattable known now.</summary>
        public readonly void AppendFormatted<T>(T value)
        {
            if (value is IValueProvider and IManifestExpressionProvider)
            {
                _format.Append('{').Append(_providers.Count.ToString(CultureInfo.InvariantCulture)).Append('}');
                _providers.Add(value);
                return;
            }

            if (value is IResourceBuilder<IResource> builder && builder.Resource is IValueProvider and IManifestExpressionProvider)
            {
                AppendFormatted(builder.Resource);
                return;
            }

            AppendLiteral(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "");
        }

        internal readonly ReferenceExpression Build() => new(_format.ToString(), _providers);
    }
}
