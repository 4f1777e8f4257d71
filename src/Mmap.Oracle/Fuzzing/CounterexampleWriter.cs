using System.Security.Cryptography;
using System.Text;
using Mmap.Model.Kernel;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Oracle.Fuzzing;

/// <summary>
/// Saves a shrunk kernel disagreement as <c>kernel-SERIES-HASH.scenario</c> in the counterexample folder, with a
/// header naming the campaign seed, the kernel release and the first differing line. The file states no outcomes:
/// the regression replay runs it on the model (and on the kernel when present); the header says what differed.
/// </summary>
public static class CounterexampleWriter
{
    public static string FileName(string series, Scenario scenario) => $"kernel-{series}-{ShortHash(scenario)}";

    public static string ShortHash(Scenario scenario)
    {
        var body = ScenarioWriter.Write(scenario with { Name = "x", Comments = [] });
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..10];
    }

    public static string Text(Scenario shrunk, KernelVersion version, string series, string release, ulong? seed, string firstDifference, string? originalName)
    {
        var name = FileName(series, shrunk);
        var comments = new List<string>
        {
            $"Differential fuzzing (mmapv fuzz): the model and Linux {release} disagree.",
            $"Seed: {(seed is { } s ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")}" + (originalName is null ? "" : $", scenario {originalName}, shrunk on the kernel."),
            $"Kernel release: {release}",
            $"First differing line (- model, + kernel): {firstDifference}",
        };
        var scenario = shrunk with
        {
            Name = name,
            Kernel = version,
            Kernels = [version],
            Comments = comments,
            Steps = shrunk.Steps.Select(step => step with { Expected = null }).ToList(),
            Expectations = [],
        };
        return ScenarioWriter.Write(scenario);
    }

    /// <summary>Writes the file (same content, same name: idempotent) and returns its path.</summary>
    public static string Write(string folder, Scenario shrunk, KernelVersion version, string series, string release, ulong? seed, string firstDifference, string? originalName = null)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName(series, shrunk) + ".scenario");
        File.WriteAllText(path, Text(shrunk, version, series, release, seed, firstDifference, originalName));
        return path;
    }
}
