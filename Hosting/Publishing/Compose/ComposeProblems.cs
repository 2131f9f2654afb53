namespace Deploy.Hosting.Publishing.Compose;

/// <summary>Everything that keeps a model from becoming Compose files.</summary>
internal sealed class ComposeProblems() : PublishProblems("Docker Compose");
