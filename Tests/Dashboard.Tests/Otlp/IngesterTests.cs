using Deploy.Dashboard.Otlp;
using Deploy.Dashboard.Otlp.Proto.Logs;
using Deploy.Dashboard.Otlp.Proto.Metrics;
using Deploy.Dashboard.Otlp.Proto.Trace;
using Deploy.Dashboard.Storage;
using Google.Protobuf;
using static Deploy.Dashboard.Tests.Infrastructure.Otlp;

namespace Deploy.Dashboard.Tests.Otlp;

public sealed class IngesterTests
{
    private readonly TelemetryStore _store = new(new TelemetryLimits(MaxAttributeCount: 2, MaxAttributeLength: 5));

    [Fact]
    public void Ingest_Spans_StoresHexIdsParentsStatusAndResourceKey()
    {
        var child = Span(1, 2, 1, "child", 1_000, 5, error: true);
        child.Events.Add(new Span.Types.Event { Name = "exception", TimeUnixNano = 1_002_000_000 });
        var request = Traces("api", Span(1, 1, null, "root", 1_000, 10), child);
        request.ResourceSpans[0].Resource.Attributes.Add(Attr("service.instance.id", "abc"));

        var result = new TraceIngester(_store).Ingest(request);

        Assert.Equal(new IngestResult(2, 0, null), result);
        var spans = _store.Spans.GetTrace(Hex(TraceId(1)))!;
        Assert.Equal("00000000000000000000000000000002", spans[0].TraceId);
        Assert.Null(spans[0].ParentSpanId);
        Assert.Equal(Hex(SpanId(1)), spans[1].ParentSpanId);
        Assert.Equal(SpanStatus.Error, spans[1].Status);
        Assert.Equal("api-abc", spans[1].Resource.Key);
        Assert.Equal("exception", spans[1].Events.Single().Name);
        Assert.Equal(5, spans[1].DurationMs);
    }

    [Fact]
    public void Ingest_SpanWithBadIds_RejectsOnlyThatSpan()
    {
        var bad = Span(1, 2, null, "bad", 0, 1);
        bad.TraceId = ByteString.CopyFrom(1, 2, 3);
        var zero = Span(1, 3, null, "zero", 0, 1);
        zero.SpanId = ByteString.CopyFrom(new byte[8]);

        var result = new TraceIngester(_store).Ingest(Traces("api", Span(1, 1, null, "good", 0, 1), bad, zero));

        Assert.Equal(1, result.Accepted);
        Assert.Equal(2, result.Rejected);
        Assert.Contains("bad", result.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Ingest_Attributes_AreBoundedInCountAndLength()
    {
        var span = Span(1, 1, null, "s", 0, 1);
        span.Attributes.Add(Attr("a", "1234567890"));
        span.Attributes.Add(Attr("b", "x"));
        span.Attributes.Add(Attr("c", "dropped"));

        new TraceIngester(_store).Ingest(Traces("api", span));

        var attributes = _store.Spans.GetTrace(Hex(TraceId(1)))![0].Attributes;
        Assert.Equal([new TelemetryAttribute("a", "12345…"), new TelemetryAttribute("b", "x")], attributes);
    }

    [Fact]
    public void Ingest_ResourceWithoutServiceName_UsesUnknownService()
    {
        var request = Traces("ignored", Span(1, 1, null, "s", 0, 1));
        request.ResourceSpans[0].Resource = null;

        new TraceIngester(_store).Ingest(request);

        Assert.Equal(OtlpValues.UnknownService, _store.Resources.Snapshot().Single().Name);
    }

    [Fact]
    public void Ingest_Logs_StoresBodySeverityTraceAndFallsBackToObservedTime()
    {
        var record = Log("hello", SeverityNumber.Warn, trace: 7);
        record.TimeUnixNano = 0;
        record.ObservedTimeUnixNano = 5_000_000;

        var result = new LogIngester(_store, TimeProvider.System).Ingest(Logs("worker", record));

        Assert.Equal(1, result.Accepted);
        var entry = _store.Logs.Query(new LogQuery()).Single();
        Assert.Equal(("hello", 13, "Test.Category", 5_000_000L), (entry.Body, entry.SeverityNumber, entry.Scope, entry.TimeUnixNano));
        Assert.Equal(Hex(TraceId(7)), entry.TraceId);
    }

    [Fact]
    public void Ingest_StructuredBody_RendersAsJsonLikeText()
    {
        var record = Log("x");
        record.Body = new Dashboard.Otlp.Proto.Common.AnyValue
        {
            KvlistValue = new Dashboard.Otlp.Proto.Common.KeyValueList { Values = { Attr("k", "v") } },
        };
        var store = new TelemetryStore(new TelemetryLimits());

        new LogIngester(store, TimeProvider.System).Ingest(Logs("worker", record));

        Assert.Equal("{\"k\":\"v\"}", store.Logs.Query(new LogQuery()).Single().Body);
    }

    [Fact]
    public void Ingest_Metrics_GaugeSumHistogramAndInvalidPoint()
    {
        var sum = new Metric
        {
            Name = "requests",
            Sum = new Sum { IsMonotonic = true, AggregationTemporality = AggregationTemporality.Cumulative, DataPoints = { new NumberDataPoint { AsInt = 42, TimeUnixNano = 1 } } },
        };
        var histogram = new Metric
        {
            Name = "duration",
            Histogram = new Histogram
            {
                AggregationTemporality = AggregationTemporality.Delta,
                DataPoints =
                {
                    new HistogramDataPoint { Count = 3, Sum = 30, ExplicitBounds = { 10, 20 }, BucketCounts = { 1, 1, 1 }, TimeUnixNano = 1 },
                    new HistogramDataPoint { Count = 3, ExplicitBounds = { 10, 20 }, BucketCounts = { 3 }, TimeUnixNano = 2 },
                },
            },
        };
        var noValue = new Metric { Name = "empty", Gauge = new Gauge { DataPoints = { new NumberDataPoint() } } };

        var result = new MetricIngester(_store).Ingest(Metrics("api", Gauge("temp", 21.5, 1), sum, histogram, noValue));

        Assert.Equal(3, result.Accepted);
        Assert.Equal(2, result.Rejected);
        var instruments = _store.Metrics.Instruments("api").ToDictionary(i => i.Descriptor.Name, i => i.Descriptor);
        Assert.Equal(InstrumentKind.Sum, instruments["requests"].Kind);
        Assert.True(instruments["requests"].IsMonotonic && instruments["requests"].IsCumulative);
        Assert.Equal(42, _store.Metrics.Series("api", "requests", null, 0).Single().Points.Single().Value);
        Assert.Equal([1UL, 1, 1], _store.Metrics.Series("api", "duration", null, 0).Single().Points.Single().Histogram!.Counts);
    }

    [Fact]
    public void ExponentialToExplicit_Scale0_BucketsArePowersOfTwo()
    {
        var point = new ExponentialHistogramDataPoint
        {
            Count = 6,
            Sum = 20,
            Scale = 0,
            ZeroCount = 1,
            Positive = new ExponentialHistogramDataPoint.Types.Buckets { Offset = 1, BucketCounts = { 2, 3 } },
        };

        var data = MetricIngester.ExponentialToExplicit(point)!;

        // Zero bucket ≤ 0, then (2,4] holds 2 and (4,8] holds 3.
        Assert.Equal([0, 2, 4, 8], data.Bounds);
        Assert.Equal([1UL, 0, 2, 3, 0], data.Counts);
        Assert.InRange(HistogramMath.Percentile(data, 90)!.Value, 4, 8);
    }
}
