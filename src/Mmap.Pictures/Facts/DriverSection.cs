using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Pictures.Facts;

/// <summary>The driver strategy in the scenario file's own words: <c>buffer: vmalloc pages=16 · mmap: …</c>.</summary>
public static class DriverSection
{
    public static string Describe(Scenario scenario)
    {
        var lines = ScenarioWriter.Write(scenario).Split('\n');
        var start = Array.IndexOf(lines, "driver:");
        if (start < 0) return "";
        return string.Join(" · ", lines.Skip(start + 1).TakeWhile(l => l.Length > 0).Select(l => l.Trim()));
    }
}
