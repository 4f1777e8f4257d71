using System.Text.Json;
using Mmap.Model.Tracing;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli.Commands;

/// <summary>The machine-readable form of a run.</summary>
public sealed record RunJson(
    string Scenario,
    string File,
    string Kernel,
    bool Passed,
    IReadOnlyList<string> Trace,
    IReadOnlyList<RunJson.StepJson> Steps,
    IReadOnlyList<RunJson.ExpectationJson> Expectations)
{
    public sealed record StepJson(int Line, string Step, string? Expected, string Actual, bool Passed);

    public sealed record ExpectationJson(int Line, string Expectation, int MatchingLines, bool Passed);

    public static readonly JsonSerializerOptions Options = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static RunJson From(string path, RunResult result) => new(
        result.Scenario.Name,
        path,
        Model.Kernel.KernelVersionExtensions.ToDisplay(result.Scenario.Kernel),
        result.Passed,
        TraceRenderer.Render(result.Trace).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        result.Steps.Select(s => new StepJson(s.Step.Line, ScenarioWriter.StepText(s.Step), s.Step.Expected?.Text, s.Actual, s.Passed)).ToList(),
        result.Expectations.Select(e => new ExpectationJson(e.Expectation.Line, e.Expectation.ToString(), e.MatchingLines, e.Passed)).ToList());
}
