using System.Reflection;
using System.Text;
using FsCheck;
using Microsoft.FSharp.Core;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// Runs a method's parameters through FsCheck (Check.Method, with shrinking) from a known seed and turns a
/// failure into a message holding the shrunk and the original counterexample as scenario files and the exact
/// replay command. Every run starts from a seed the message names, so replaying it reproduces the same message.
/// </summary>
public static class PropertyRunner
{
    public const string ProjectPath = "properties/Mmap.Properties.Tests";

    public static PropertyReport Check(MethodInfo method, object? target, PropertySettings settings)
    {
        var capture = new ResultCapture(settings.Verbose);
        var config = Config.Default
            .WithName(settings.Name)
            .WithMaxTest(settings.MaxTest)
            .WithEndSize(settings.EndSize)
            .WithQuietOnSuccess(settings.QuietOnSuccess)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(settings.Seed, FSharpOption<int>.None)))
            .WithArbitrary(settings.Arbitraries.Append(typeof(Mmap.Exploration.Generators.MmapArbitraries)))
            .WithRunner(capture);
        FsCheck.Check.Method(config, method, target is null ? FSharpOption<object>.None : FSharpOption<object>.Some(target));

        var seed = SeedText.Format(settings.Seed);
        var output = new StringBuilder();
        if (settings.SeedIsFresh || !settings.QuietOnSuccess) output.AppendLine($"{settings.Name}: seed {seed}, {settings.MaxTest} cases");
        output.Append(capture.Log);
        return capture.Result switch
        {
            TestResult.Failed failed => new PropertyReport(false, FailureMessage(settings, failed), output.ToString()),
            TestResult.Exhausted exhausted => new PropertyReport(false,
                $"Property {settings.Name} gave up after {exhausted.Item.NumberOfTests} tests: too many discarded cases (seed {seed}).", output.ToString()),
            TestResult.Passed passed => new PropertyReport(true, "", output.Append($"{settings.Name}: OK, passed {passed.Item1.NumberOfTests} tests (seed {seed})\n").ToString()),
            _ => new PropertyReport(false, $"Property {settings.Name} produced no result.", output.ToString()),
        };
    }

    private static string FailureMessage(PropertySettings settings, TestResult.Failed failed)
    {
        var seed = SeedText.Format(settings.Seed);
        var shortName = settings.Name[(settings.Name.LastIndexOf('.') + 1)..];
        var corpusName = $"prop-{Kebab(shortName)}-{settings.Seed.Seed}";
        var why = failed.Item4 is Outcome.Failed f ? Describe(f.Item) : "the property returned false";
        var header = new[]
        {
            $"From property {shortName} ({settings.Name}), seed {seed}, {settings.MaxTest} cases: FsCheck's shrunk counterexample.",
            $"What was wrong: {(why.Length > 400 ? why[..400] + " …" : why)}",
            "Expected outcomes are what the model gives.",
        };
        var text = new StringBuilder();
        text.AppendLine($"Property {settings.Name} falsified after {failed.Item1.NumberOfTests} tests ({failed.Item1.NumberOfShrinks} shrinks).");
        text.AppendLine($"Why: {why}");
        text.AppendLine($"Replay: {PropertySettings.SeedVariable}={seed} {PropertySettings.MaxTestVariable}={settings.MaxTest} dotnet test {ProjectPath} --filter \"FullyQualifiedName={settings.Name}\"");
        text.AppendLine($"FsCheck Replay: run seed ({seed}); failing case generated from ({SeedText.Format(failed.Item6)}) at size {failed.Item7}");
        text.AppendLine($"--- shrunk counterexample (save as properties/counterexamples/{corpusName}.scenario) ---");
        text.AppendLine(CounterexampleText.Block(failed.Item3, corpusName, header));
        text.AppendLine("--- original counterexample ---");
        text.Append(CounterexampleText.Block(failed.Item2, corpusName + "-original", header));
        return text.ToString();
    }

    /// <summary>The exception's message on one line (assertion messages span lines; the scenario header needs one).</summary>
    private static string Describe(Exception e) =>
        string.Join(" | ", e.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Kebab(string name)
    {
        var text = new StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0) text.Append('-');
            text.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }

        return text.ToString().Replace("--", "-");
    }
}
