namespace Deploy.Hosting.Redis;

/// <summary>The image published for Redis (Aspire 9.5's pin).</summary>
internal static class RedisContainerImageTags
{
    public const string Registry = "docker.io";
    public const string Image = "library/redis";
    public const string Tag = "8.2";
    public const string DataDirectory = "/data";
    public const int Port = 6379;
}
