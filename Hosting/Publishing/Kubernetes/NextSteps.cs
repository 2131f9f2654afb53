using System.Text;
using Aspire.Hosting.ApplicationModel;

namespace Deploy.Hosting.Publishing.Kubernetes;

/// <summary>The text printed after a publish: exactly what to run next, with paths relative to the current directory.</summary>
internal static class NextSteps
{
    public static string Build(string finalRoot, IReadOnlyList<WorkloadPlan> plans, IReadOnlyList<ParameterResource> parameters,
        KubernetesOptions options, IReadOnlyList<string>? stillEmpty)
    {
        var output = Relative(finalRoot);
        var environment = options.NextStepsEnvironment;
        var overlay = $"{output}/overlays/{environment}";
        var text = new StringBuilder();
        text.Append("Kubernetes manifests (kustomize) written to ").Append(output).Append(": base/ (")
            .Append(string.Join(", ", plans.Select(p => p.Name))).Append("), overlays/ (").Append(string.Join(", ", options.Environments)).Append(").\n");
        text.Append("Next steps for the '").Append(environment).Append("' overlay (the others work the same way):\n");
        var step = 0;
        var projects = plans.Where(p => p.Build is not null || p.Dockerfile is not null).ToList();
        // With a registry configured the overlays already name the pushed images; otherwise the user picks one.
        var (registry, tag) = options.ImageRegistry is { } configured ? (configured, options.ImageTag) : ("<registry>", "<tag>");
        if (projects.Count > 0)
        {
            text.Append("  ").Append(++step).Append(". Build and push the images:\n");
            foreach (var plan in projects)
            {
                var (dockerfile, context, target) = plan.Dockerfile is { } own
                    ? (Relative(own.DockerfilePath), Relative(own.ContextPath), own.Stage is null ? "" : $" --target {own.Stage}")
                    : ($"{output}/images/{plan.Name}.Dockerfile", Relative(plan.Build!.ContextDirectory), "");
                var image = $"{registry}/{plan.Name}:{tag}";
                text.Append("       docker build -f ").Append(dockerfile).Append(target).Append(" -t ").Append(image).Append(' ').Append(context).Append('\n');
                text.Append("       docker push ").Append(image).Append('\n');
            }
        }

        if (projects.Count > 0 && options.ImageRegistry is null)
        {
            text.Append("  ").Append(++step).Append(". Point the overlay at them (images: newName/newTag in ").Append(overlay).Append("/kustomization.yaml), e.g.:\n");
            text.Append("       (cd ").Append(overlay).Append(" && kustomize edit set image ")
                .Append(string.Join(' ', projects.Select(p => $"{p.Name}=<registry>/{p.Name}:<tag>"))).Append(")\n");
        }

        if (parameters.Count > 0)
        {
            if (stillEmpty is null)
            {
                text.Append("  ").Append(++step).Append(". Fill in the secrets (the file is git-ignored):\n");
                text.Append("       cp ").Append(overlay).Append('/').Append(SecretsFile.ExampleFileName).Append(' ').Append(overlay).Append('/').Append(SecretsFile.FileName).Append('\n');
                foreach (var parameter in parameters)
                    text.Append("       ").Append(parameter.Name).Append(": ").Append(SecretsFile.Source(parameter)).Append('\n');
            }
            else if (stillEmpty.Count > 0)
            {
                text.Append("  ").Append(++step).Append(". Secrets were filled into overlays/*/").Append(SecretsFile.FileName).Append(" (git-ignored); still empty, set them there: ")
                    .Append(string.Join(", ", stillEmpty)).Append('\n');
            }
            else
            {
                text.Append("     Secrets were filled into overlays/*/").Append(SecretsFile.FileName).Append(" (git-ignored; never commit them).\n");
            }
        }

        text.Append("  ").Append(++step).Append(". Deploy:\n");
        text.Append("       kubectl apply -k ").Append(overlay).Append('\n');
        foreach (var plan in plans.Where(p => p.Omitted.Count > 0))
        {
            text.Append("Note: ").Append(plan.Name).Append(" does not get ").Append(string.Join(", ", plan.Omitted))
                .Append(": they refer to https endpoints of projects, which are not served inside the cluster (TLS ends at the Ingress).\n");
        }

        foreach (var plan in plans.Where(p => p.IsJob))
        {
            var dependents = plans.Where(p => p.JobWaits.Contains(plan.Name, StringComparer.Ordinal)).Select(p => p.Name).ToList();
            text.Append("Note: ").Append(plan.Name).Append(" runs as a Job named ").Append(plan.Name)
                .Append("-<hash of its spec and image> in each overlay, so applying a changed overlay runs it again");
            if (dependents.Count > 0)
            {
                text.Append("; ").Append(string.Join(", ", dependents)).Append(" start only after it succeeded (an init container waits for it, ")
                    .Append("with the ServiceAccount ").Append(JobWaits.ServiceAccount).Append(", which may only read Jobs)");
            }

            text.Append(".\n");
        }

        foreach (var plan in plans.Where(p => p.FilesNotCopied.Count > 0))
        {
            text.Append("Note: ").Append(plan.Name).Append(" copies files into its container at ").Append(string.Join(", ", plan.FilesNotCopied))
                .Append(" (WithContainerFiles), which the manifests do not carry: build them into its image, or mount a ConfigMap there in an overlay.\n");
        }

        return text.ToString();
    }

    /// <summary>Relative to the current directory when below it (short, copy-pasteable), absolute otherwise.</summary>
    private static string Relative(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) ? path : relative;
    }
}
