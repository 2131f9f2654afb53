using System.Diagnostics;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Base class of every resource. Names are checked by the model validator, not here, so that
/// every problem in a model is reported at once.</summary>
[DebuggerDisplay("{GetType().Name,nq} {Name}")]
public abstract class Resource(string name) : IResource
{
    /// <inheritdoc />
    public string Name { get; } = name;

    /// <inheritdoc />
    public ResourceAnnotationCollection Annotations { get; } = [];

    /// <inheritdoc />
    public override string ToString() => Name;
}
