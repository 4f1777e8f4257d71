using System.Text.Json;
using Mmap.Model.Tracing;
using Mmap.Scenarios.Running;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli.Commands;

/// <summary>The machine-readable form of a run: one per scenario, in <see cref="Document"/>.</summary>
public sealed record RunJson(
    string Scenario,
    string File,
    string Kernel,
    string Verdict,
    bool Passed,
    string? LimitError,
    IReadOnlyList<string> Trace,
    IReadOnlyList<RunJson.StepJson> Steps,
    IReadOnlyList<RunJson.ExpectationJson> Expectations)
{
    public sealed record StepJson(int Line, string Step, string? Expected, string Actual, bool Passed);

    public sealed record ExpectationJson(int Line, string Expectation, int MatchingLines, bool Passed);

    /// <summary>The whole document of <c>mmapv run --json</c>: the verdict of the batch first.</summary>
    public sealed record DocumentJson(string Verdict, int ExitCode, int Passed, int Failed, int BadInput, IReadOnlyList<string> Errors, IReadOnlyList<RunJson> Scenarios);

    /// <summary>Indented, camelCase, and readable: '+', '>' and quotes are not escaped as \u002B (control characters still are).</summary>
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The verdict words of every --json document, from the exit code.</summary>
    public static string VerdictOf(int exitCode) => exitCode switch
    {
        ExitCodes.Success => "pass",
        ExitCodes.Failed => "fail",
        ExitCodes.BadInput => "bad-input",
        ExitCodes.Environment => "environment",
        _ => "internal-error",
    };

    public static DocumentJson Document(int exitCode, ScenarioBatch batch, IReadOnlyList<(string Path, RunResult Result)> results)
    {
        var limited = results.Count(r => r.Result.LimitError is not null);
        var passed = results.Count(r => r.Result.Passed);
        return new DocumentJson(VerdictOf(exitCode), exitCode, passed, results.Count - passed - limited, batch.BadInputs + limited,
            batch.Errors.Concat(results.Where(r => r.Result.LimitError is not null).Select(r => $"{r.Path}: limit: {r.Result.LimitError}")).ToList(),
            results.Select(r => From(r.Path, r.Result)).ToList());
    }

    public static RunJson From(string path, RunResult result) => new(
        result.Scenario.Name,
        path,
        Model.Kernel.KernelVersionExtensions.ToDisplay(result.Scenario.Kernel),
        result.LimitError is not null ? "bad-input" : result.Passed ? "pass" : "fail",
        result.Passed,
        result.LimitError,
        result.LimitError is not null ? [] : TraceRenderer.Render(result.Trace).Split('\n', StringSplitOptions.RemoveEmptyEntries),
        result.Steps.Select(s => new StepJson(s.Step.Line, ScenarioWriter.StepText(s.Step), s.Step.Expected?.Text, s.Actual, s.Passed)).ToList(),
        result.Expectations.Select(e => new ExpectationJson(e.Expectation.Line, e.Expectation.ToString(), e.MatchingLines, e.Passed)).ToList());
}
