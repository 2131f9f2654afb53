namespace Aspire.Hosting.ApplicationModel;

/// <summary>A resource of the application: a name plus the annotations that describe it.</summary>
public interface IResource
{
    /// <summary>The resource's name, unique case-insensitively within the model.</summary>
    string Name { get; }

    /// <summary>The annotations the <c>Add*</c> and <c>With*</c> methods attached.</summary>
    ResourceAnnotationCollection Annotations { get; }
}
