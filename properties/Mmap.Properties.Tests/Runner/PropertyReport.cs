using Mmap.Exploration.Generators;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Mmap.Properties.Tests.Runner;

/// <summary>
/// What a property run reports, built from FsCheck.Xunit's result text: a passing run names its seed and case count
/// ("Name: OK, passed N tests (seed s,g)"); a failing one gets a message holding the shrunk and the original
/// counterexample as scenario files (with the model's outcomes and a header saying where they came from) and the
/// exact command that replays it. The seed and count are the ones the [Property] attribute gave FsCheck.
/// </summary>
public sealed partial class PropertyReport
{
    public const string ProjectPath = "properties/Mmap.Properties.Tests";

    private readonly string _name;
    private readonly string _seed;
    private readonly int _maxTest;

    public PropertyReport(string name, MethodInfo method)
    {
        _name = name;
        var attribute = method.GetCustomAttribute<PropertyAttribute>() ?? throw new InvalidOperationException($"{name} has no [Property]");
        _seed = attribute.Replay;
        _maxTest = attribute.MaxTest;
    }

    [GeneratedRegex(@"^Ok, passed (\d+) tests?\.", RegexOptions.Multiline)]
    private static partial Regex PassedLine();

    [GeneratedRegex(@"Falsifiable, after (\d+) tests? \((\d+) shrinks?\)")]
    private static partial Regex FalsifiableLine();

    /// <summary>FsCheck's test output with its "Ok, passed N tests." line naming the property, the seed and the count.</summary>
    public string Output(string output) =>
        PassedLine().Replace(output, m => $"{_name}: OK, passed {m.Groups[1].Value} tests (seed {_seed}, {_maxTest} cases)");

    /// <summary>The failure message: FsCheck's text (Messages[0]) made into scenario files and a replay command.</summary>
    public string Failure(IFailureInformation failure)
    {
        var fsCheck = failure.Messages[0].Replace("\r\n", "\n").Trim('\n');
        var counts = FalsifiableLine().Match(fsCheck);
        if (!counts.Success) return fsCheck + "\n" + ReplayLine();

        // Messages after the first are the property's own exception (and its inner ones), as xunit flattened them.
        var why = failure.Messages.Length > 1 ? OneLine(failure.Messages[1]) : "the property returned false";
        var original = Section(fsCheck, "Original:\n", "Shrunk:\n");
        var shrunk = Section(fsCheck, "Shrunk:\n", null) ?? original;
        var shortName = _name[(_name.LastIndexOfAny(['.', '+']) + 1)..];
        var corpusName = $"prop-{Kebab(shortName)}-{_seed[.._seed.IndexOf(',')]}";
        var header = new[]
        {
            $"From property {shortName} ({_name}), seed {_seed}, {_maxTest} cases: FsCheck's shrunk counterexample.",
            $"What was wrong: {(why.Length > 400 ? why[..400] + " …" : why)}",
            "Expected outcomes are what the model gives.",
        };
        var text = new StringBuilder();
        text.AppendLine($"Falsifiable: property {_name} after {counts.Groups[1].Value} tests ({counts.Groups[2].Value} shrinks).");
        text.AppendLine($"Why: {why}");
        text.AppendLine(ReplayLine());
        text.AppendLine("FsCheck: " + string.Join(" ", fsCheck.Split('\n').TakeWhile(l => l != "Original:").Select(l => l.Trim())).Trim());
        text.AppendLine($"--- shrunk counterexample (save as properties/counterexamples/{corpusName}.scenario) ---");
        text.AppendLine(CounterexampleText.Corpus(shrunk ?? "", corpusName, header));
        text.AppendLine("--- original counterexample ---");
        header[0] = header[0].Replace("FsCheck's shrunk counterexample", "the counterexample as first found, before shrinking", StringComparison.Ordinal);
        text.Append(CounterexampleText.Corpus(original ?? "", corpusName + "-original", header));
        return text.ToString();
    }

    private string ReplayLine() =>
        $"Replay: {PropertyEnvironment.SeedVariable}={_seed} {PropertyEnvironment.MaxTestVariable}={_maxTest} dotnet test {ProjectPath} --filter \"FullyQualifiedName={_name}\"";

    /// <summary>The arguments FsCheck printed after <paramref name="start"/>, up to <paramref name="end"/> or the end.</summary>
    private static string? Section(string text, string start, string? end)
    {
        var from = text.IndexOf("\n" + start, StringComparison.Ordinal);
        if (from < 0) return null;
        from += start.Length + 1;
        var to = end is null ? -1 : text.IndexOf("\n" + end, from, StringComparison.Ordinal);
        return (to < 0 ? text[from..] : text[from..to]).TrimEnd('\n');
    }

    /// <summary>An exception's message on one line (assertion messages span lines; the scenario header needs one).</summary>
    private static string OneLine(string message) =>
        string.Join(" | ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

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
