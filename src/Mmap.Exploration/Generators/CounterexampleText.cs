using Mmap.Exploration.Corpus;
using Mmap.Scenarios.Syntax;

namespace Mmap.Exploration.Generators;

/// <summary>
/// How a counterexample is shown. A generated scenario case prints (through FsCheck, which formats arguments with
/// %A and so with [StructuredFormatDisplay]) as a scenario file between marker lines, with the model's outcomes as
/// its expectations; the property report (properties/Mmap.Properties.Tests) later names it and adds the header of a corpus file.
/// </summary>
public static class CounterexampleText
{
    public const string Begin = "--- scenario file ---";
    public const string End = "--- end of scenario file ---";
    private const string PlaceholderName = "counterexample";

    /// <summary>The case as a marked scenario file.</summary>
    public static string Marked(IScenarioCase value) =>
        $"{Begin}\n{ScenarioWriter.Write(CounterexampleScenario.Annotate(value.ToScenario(), PlaceholderName, [value.ToString() ?? ""])).TrimEnd()}\n{End}";

    /// <summary>
    /// FsCheck's printed arguments as corpus-ready text: each marked scenario file parsed back and re-annotated with
    /// <paramref name="name"/> and <paramref name="header"/>; other arguments as FsCheck printed them.
    /// </summary>
    public static string Corpus(string printedArguments, string name, IReadOnlyList<string> header)
    {
        var parts = new List<string>();
        var lines = printedArguments.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i] != Begin)
            {
                parts.Add(lines[i]);
                continue;
            }

            var end = Array.IndexOf(lines, End, i + 1);
            if (end < 0) end = lines.Length;
            var file = string.Join("\n", lines[(i + 1)..end]) + "\n";
            var parsed = ScenarioParser.Parse(file, name + ".scenario");
            parts.Add(parsed.Succeeded
                ? ScenarioWriter.Write(CounterexampleScenario.Annotate(parsed.Scenario! with { Comments = [] }, name, header)).TrimEnd()
                : file.TrimEnd());
            i = end;
        }

        return string.Join("\n", parts);
    }
}
