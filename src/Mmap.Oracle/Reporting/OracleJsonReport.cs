using System.Text.Json;
using System.Text.Json.Serialization;
using Mmap.Oracle.Running;

namespace Mmap.Oracle.Reporting;

/// <summary>The machine-readable oracle report (one JSON document).</summary>
public static class OracleJsonReport
{
    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public sealed record Difference(string Side, int Line, string Text);

    public sealed record Verdict(
        string Scenario, [property: JsonPropertyName("verdict")] string Kind, string? Failure, string? Message, IReadOnlyList<Difference> Differences,
        IReadOnlyList<string> KernelMessages, Expectations? Expectations);

    /// <summary>The file's own expectations on the kernel: how many were judged, and the ones not met.</summary>
    public sealed record Expectations(int Checked, bool Held, IReadOnlyList<string> Failures);

    public sealed record Kernel(
        string Series, string Release, string DebianVersion, string Accelerator, int Boots,
        double BuildSeconds, double BootSeconds, double WallSeconds, int Agree, int Disagree, int Error, IReadOnlyList<Verdict> Verdicts);

    public static string Serialize(IReadOnlyList<OracleReport> reports) =>
        JsonSerializer.Serialize(new
        {
            allAgree = reports.All(r => r.AllAgree),
            expectationsHeld = reports.All(r => r.ExpectationsFailed == 0),
            kernels = reports.Select(r => new Kernel(
                r.Kernel.Series.Name, r.Kernel.Release, r.Kernel.PackageVersion, r.Accelerator.ToString().ToLowerInvariant(), r.Boots,
                Math.Round(r.BuildTime.TotalSeconds, 2), Math.Round(r.BootTime.TotalSeconds, 2), Math.Round(r.WallTime.TotalSeconds, 2),
                r.Agreed, r.Disagreed, r.Errors,
                r.Verdicts.Select(v => new Verdict(
                    v.Scenario, v.Kind.ToString().ToLowerInvariant(), v.Failure?.ToString(), v.Message,
                    v.Comparison?.Differences.Select(d => new Difference(d.Side == '-' ? "model" : "kernel", d.LineNumber, d.Text)).ToList() ?? [],
                    v.KernelMessages,
                    v.Expectations is { } e ? new Expectations(e.Checked, e.Held, e.Failures) : null)).ToList())).ToList(),
        }, Options);
}
