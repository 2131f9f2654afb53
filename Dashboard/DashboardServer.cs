using System.Net;
using System.Net.Sockets;
using Deploy.Dashboard.Api;
using Deploy.Dashboard.Otlp;
using Deploy.Dashboard.Resources;
using Deploy.Dashboard.Security;
using Deploy.Dashboard.Storage;
using Deploy.Dashboard.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Deploy.Dashboard;

/// <summary>
/// The dashboard as a component: OTLP receivers, the telemetry store, the JSON/SSE API and the UI on one Kestrel
/// server with one port per kind of traffic. The AppHost starts it in-process; <c>dotnet run --project Dashboard</c>
/// starts it standalone.
/// </summary>
public sealed class DashboardServer : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private WebApplication? _app;

    /// <summary>Creates a server; nothing listens until <see cref="StartAsync"/>.</summary>
    /// <param name="options">Ports, secrets and limits.</param>
    /// <param name="resources">Source of resources, console logs and commands; an empty in-memory one when null.</param>
    /// <param name="loggerFactory">Where the dashboard and its Kestrel log; nowhere when null.</param>
    /// <param name="timeProvider">Clock (tests); the system clock when null.</param>
    public DashboardServer(DashboardOptions options, IResourceService? resources = null, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
    {
        options.Validate();
        Options = options;
        Resources = resources ?? new InMemoryResourceService();
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger("Deploy.Dashboard");
        _time = timeProvider ?? TimeProvider.System;
        BrowserToken = options.BrowserToken ?? TokenGenerator.Create();
        Store = new TelemetryStore(options.Limits);
    }

    /// <summary>The options the server was created with.</summary>
    public DashboardOptions Options { get; }

    /// <summary>The token of the login link (generated when the options had none).</summary>
    public string BrowserToken { get; }

    /// <summary>The resource source the UI shows.</summary>
    public IResourceService Resources { get; }

    /// <summary>The bound URLs; null until started.</summary>
    public DashboardUrls? Urls { get; private set; }

    internal TelemetryStore Store { get; }

    /// <summary>Binds the listeners and starts serving; returns the URLs with the ports actually bound.</summary>
    public async Task<DashboardUrls> StartAsync(CancellationToken cancellationToken = default)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The dashboard is already started.");
        }

        var listeners = new Dictionary<ListenerKind, ListenOptions>();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(DashboardServer).Assembly.GetName().Name });
        builder.Services.Replace(ServiceDescriptor.Singleton(_loggerFactory));
        builder.Services.AddRouting();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // A backstop only: the receivers enforce the limit themselves and answer with OTLP errors.
            kestrel.Limits.MaxRequestBodySize = Options.MaxOtlpRequestBytes + 64 * 1024;
            Listen(kestrel, listeners, ListenerKind.Frontend, Options.UiPort, HttpProtocols.Http1);
            Listen(kestrel, listeners, ListenerKind.OtlpHttp, Options.OtlpHttpPort, HttpProtocols.Http1);
            // Cleartext HTTP/2 needs an HTTP/2-only endpoint (prior knowledge); OTLP exporters connect that way.
            Listen(kestrel, listeners, ListenerKind.OtlpGrpc, Options.OtlpGrpcPort, HttpProtocols.Http2);
        });

        var app = builder.Build();
        Configure(app);
        await app.StartAsync(cancellationToken);
        _app = app;

        var host = HostText(Options.BindAddress);
        string? Url(ListenerKind kind) => listeners.TryGetValue(kind, out var l) ? $"http://{host}:{l.IPEndPoint!.Port}" : null;
        var ui = Url(ListenerKind.Frontend)!;
        Urls = new DashboardUrls(ui, $"{ui}/login?t={BrowserToken}", Url(ListenerKind.OtlpHttp), Url(ListenerKind.OtlpGrpc));
        if (Options.OtlpApiKey is null)
        {
            _logger.LogWarning("OTLP endpoints are unsecured (no API key): any process that can reach them can send telemetry.");
        }

        return Urls;
    }

    /// <summary>Stops listening; open streams are closed.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (_app is { } app)
        {
            _app = null;
            await app.StopAsync(cancellationToken);
            await app.DisposeAsync();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await StopAsync(timeout.Token);
    }

    private void Configure(WebApplication app)
    {
        var signals = new OtlpSignals(Store, _time);
        var apiKey = new OtlpApiKey(Options.OtlpApiKey);
        var otlpLogger = _loggerFactory.CreateLogger("Deploy.Dashboard.Otlp");
        var http = new OtlpHttpReceiver(signals, apiKey, Options.MaxOtlpRequestBytes, otlpLogger);
        var grpc = new OtlpGrpcReceiver(signals, apiKey, Options.MaxOtlpRequestBytes, otlpLogger);
        var auth = new BrowserAuth(BrowserToken);

        app.Use(async (context, next) =>
        {
            switch (context.Features.Get<ListenerKindFeature>()?.Kind)
            {
                case ListenerKind.OtlpHttp:
                    await http.HandleAsync(context);
                    break;
                case ListenerKind.OtlpGrpc:
                    await grpc.HandleAsync(context);
                    break;
                default:
                    await next(context);
                    break;
            }
        });
        app.Use(auth.InvokeAsync);
        app.UseRouting();
        new UiAssets().Map(app);
        ResourceEndpoints.Map(app, Resources);
        TelemetryEndpoints.Map(app, Store);
        MetricEndpoints.Map(app, Store, _time);
    }

    private void Listen(KestrelServerOptions kestrel, Dictionary<ListenerKind, ListenOptions> listeners, ListenerKind kind, int? port, HttpProtocols protocols)
    {
        if (port is not { } value)
        {
            return;
        }

        kestrel.Listen(Options.BindAddress, value, listen =>
        {
            listen.Protocols = protocols;
            listen.Use(next => connection =>
            {
                connection.Features.Set(new ListenerKindFeature(kind));
                return next(connection);
            });
            listeners[kind] = listen;
        });
    }

    private static string HostText(IPAddress address) =>
        address.Equals(IPAddress.Any) ? "127.0.0.1"
        : address.Equals(IPAddress.IPv6Any) ? "[::1]"
        : address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]"
        : address.ToString();
}
