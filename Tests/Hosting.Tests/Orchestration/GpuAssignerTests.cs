using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Deploy.Hosting.Orchestration;

namespace Deploy.Hosting.Tests.Orchestration;

public sealed class GpuAssignerTests
{
    private static readonly GpuDevice[] TwoGpus = [new(0, "NVIDIA H100 80GB HBM3", "81559 MiB"), new(1, "NVIDIA H100 80GB HBM3", "81559 MiB")];

    [Fact]
    public void Parse_NvidiaSmiCsv_ReadsEachGpu()
    {
        var devices = GpuAssigner.Parse("0, NVIDIA H100 80GB HBM3, 81559 MiB\n1, Tesla T4, 15360 MiB\n\nNo devices were found\n");

        Assert.Equal([new GpuDevice(0, "NVIDIA H100 80GB HBM3", "81559 MiB"), new GpuDevice(1, "Tesla T4", "15360 MiB")], devices);
    }

    [Fact]
    public void Apply_NoGpu_CpuVariablesAndOneConsoleLine()
    {
        using var console = new StringWriter();
        var assigner = new GpuAssigner([], console);
        var resource = GpuResource("embedder", 1);

        var first = Assign(assigner, resource, 0);
        var second = Assign(assigner, resource, 1);

        Assert.Equal("none", first["DEPLOY_GPU"]);
        Assert.Equal("", first["CUDA_VISIBLE_DEVICES"]);
        Assert.Equal("none", second["DEPLOY_GPU"]);
        Assert.Equal("embedder: no GPU found; running on CPU" + Environment.NewLine, console.ToString());
    }

    [Fact]
    public void Apply_TwoGpusTwoReplicas_OneGpuEach()
    {
        var assigner = new GpuAssigner(TwoGpus, TextWriter.Null);
        var resource = GpuResource("embedder", 1);

        Assert.Equal("0", Assign(assigner, resource, 0)["CUDA_VISIBLE_DEVICES"]);
        Assert.Equal("1", Assign(assigner, resource, 1)["CUDA_VISIBLE_DEVICES"]);
    }

    [Fact]
    public void Apply_Restart_KeepsTheSameGpu()
    {
        var assigner = new GpuAssigner(TwoGpus, TextWriter.Null);
        var resource = GpuResource("embedder", 1);
        Assign(assigner, resource, 0);
        Assign(assigner, resource, 1);

        Assert.Equal("1", Assign(assigner, resource, 1)["CUDA_VISIBLE_DEVICES"]);
        Assert.Equal("0", Assign(assigner, resource, 0)["DEPLOY_GPU"]);
    }

    [Fact]
    public void Apply_MoreInstancesThanGpus_Shares()
    {
        var assigner = new GpuAssigner([TwoGpus[0]], TextWriter.Null);
        var resource = GpuResource("embedder", 2);

        Assert.Equal("0", Assign(assigner, resource, 0)["CUDA_VISIBLE_DEVICES"]);
        Assert.Equal("0", Assign(assigner, resource, 1)["CUDA_VISIBLE_DEVICES"]);
    }

    [Fact]
    public void Apply_CountTwo_TwoGpus()
    {
        var assigner = new GpuAssigner(TwoGpus, TextWriter.Null);

        Assert.Equal("0,1", Assign(assigner, GpuResource("trainer", 2), 0)["CUDA_VISIBLE_DEVICES"]);
    }

    [Fact]
    public void AssignTo_NoGpuAnnotation_LeavesEnvironmentAlone()
    {
        var environment = new Dictionary<string, string>();

        GpuAssigner.AssignTo(new ProjectResource("api"), 0, environment, _ => { });

        Assert.Empty(environment);
    }

    private static ProjectResource GpuResource(string name, int count)
    {
        var resource = new ProjectResource(name);
        resource.Annotations.Add(new GpuAnnotation(count));
        return resource;
    }

    private static Dictionary<string, string> Assign(GpuAssigner assigner, IResource resource, int index)
    {
        var environment = new Dictionary<string, string>();
        var log = new List<string>();
        assigner.Apply(resource, index, environment, log.Add);
        Assert.Single(log);
        return environment;
    }
}
