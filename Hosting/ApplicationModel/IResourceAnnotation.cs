namespace Aspire.Hosting.ApplicationModel;

/// <summary>Marker for a piece of metadata attached to a resource.</summary>
#pragma warning disable CA1040 // A marker interface is the contract (as in Aspire).
public interface IResourceAnnotation;
#pragma warning restore CA1040
