namespace Deploy.Hosting.Publishing.Azure;

/// <summary>Writes a Container App's <c>template</c>: its one container (image, command, env, size, probes, mounts),
/// its volumes and its scale.</summary>
internal static class ContainerAppTemplate
{
    public static void Write(BicepBuilder b, AppPlan plan)
    {
        b.Open("template: {").Open("containers: [").Open("{").Line($"name: {BicepText.Quote(plan.Name)}");
        b.Line(plan.IsService
            ? $"image: empty(imageName) ? {BicepText.Quote(ContainerAppModule.PlaceholderImage)} : imageName"
            : $"image: {BicepText.Quote(plan.FixedImage!)}");
        if (plan.Command is not null)
            b.Line($"command: [ {string.Join(", ", plan.Command)} ]");
        if (plan.Args.Count > 0)
        {
            b.Open("args: [");
            foreach (var arg in plan.Args)
                b.Line(arg);
            b.Close("]");
        }

        b.Open("env: [");
        foreach (var env in plan.Env)
        {
            b.Open("{").Line($"name: {BicepText.Quote(env.Name)}")
                .Line(env.SecretName is null ? $"value: {env.Expression}" : $"secretRef: {BicepText.Quote(env.SecretName)}").Close();
        }

        b.Close("]");
        b.Open("resources: {").Line($"cpu: {BicepText.Cpu(plan.Cpu)}").Line($"memory: {BicepText.Quote(plan.Memory)}").Close();
        WriteProbes(b, plan);
        if (plan.Volumes.Count > 0)
        {
            b.Open("volumeMounts: [");
            foreach (var volume in plan.Volumes)
                b.Open("{").Line($"volumeName: {BicepText.Quote(volume.Name)}").Line($"mountPath: {BicepText.Quote(volume.MountPath)}").Close();
            b.Close("]");
        }

        b.Close().Close("]");
        if (!plan.IsJob)
            WriteScale(b, plan);
        WriteVolumes(b, plan);
        b.Close();
    }

    private static void WriteProbes(BicepBuilder b, AppPlan plan)
    {
        var probes = new[] { ("Readiness", plan.Readiness), ("Liveness", plan.Liveness) }.Where(p => p.Item2 is not null).ToList();
        if (probes.Count == 0)
            return;
        // Until azd deploys the real image the placeholder answers no health endpoint, so a built app gets no probes yet.
        b.Open(plan.IsService ? "probes: empty(imageName) ? [] : [" : "probes: [");
        foreach (var (type, probe) in probes)
        {
            b.Open("{").Line($"type: '{type}'");
            if (probe!.HttpPath is { } path)
                b.Open("httpGet: {").Line($"path: {BicepText.Quote(path)}").Line($"port: {BicepText.Number(probe.Port)}").Close();
            else
                b.Open("tcpSocket: {").Line($"port: {BicepText.Number(probe.Port)}").Close();
            if (probe.InitialDelaySeconds is { } delay)
                b.Line($"initialDelaySeconds: {BicepText.Number(delay)}");
            if (probe.TimeoutSeconds is { } timeout)
                b.Line($"timeoutSeconds: {BicepText.Number(timeout)}");
            b.Line($"periodSeconds: {BicepText.Number(probe.PeriodSeconds)}").Line($"failureThreshold: {BicepText.Number(probe.FailureThreshold)}").Close();
        }

        b.Close("]");
    }

    private static void WriteScale(BicepBuilder b, AppPlan plan)
    {
        b.Open("scale: {").Line($"minReplicas: {BicepText.Number(plan.MinReplicas)}").Line($"maxReplicas: {BicepText.Number(plan.MaxReplicas)}");
        if (plan.CpuPercent is { } percent)
        {
            b.Open("rules: [").Open("{").Line("name: 'cpu'").Open("custom: {").Line("type: 'cpu'")
                .Open("metadata: {").Line("type: 'Utilization'").Line($"value: '{BicepText.Number(percent)}'").Close().Close().Close().Close("]");
        }

        b.Close();
    }

    private static void WriteVolumes(BicepBuilder b, AppPlan plan)
    {
        if (plan.Volumes.Count == 0)
            return;
        b.Open("volumes: [");
        foreach (var volume in plan.Volumes)
        {
            b.Open("{").Line($"name: {BicepText.Quote(volume.Name)}");
            if (volume.StorageName is { } storage)
            {
                b.Line("storageType: 'AzureFile'").Line($"storageName: {BicepText.Quote(storage)}");
            }
            else
            {
                b.Line("storageType: 'EmptyDir'");
            }

            b.Close();
        }

        b.Close("]");
    }
}
