namespace Deploy.Dashboard.Otlp;

/// <summary>The gRPC status codes the receiver answers with (values from the gRPC spec).</summary>
internal static class GrpcStatus
{
    public const int Ok = 0;
    public const int InvalidArgument = 3;
    public const int ResourceExhausted = 8;
    public const int Unimplemented = 12;
    public const int Unauthenticated = 16;
}
