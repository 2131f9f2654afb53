namespace Deploy.Hosting.Native;

/// <summary>A program a native launcher needs.</summary>
/// <param name="Name">The executable's file name.</param>
/// <param name="DebianPackage">The package that provides it, named in the error when it is missing.</param>
/// <param name="ExtraDirectories">Where to look besides PATH; a <c>*</c> segment matches every version, newest first
/// (<c>/usr/lib/postgresql/*/bin</c>).</param>
internal sealed record NativeBinary(string Name, string DebianPackage, IReadOnlyList<string> ExtraDirectories);
