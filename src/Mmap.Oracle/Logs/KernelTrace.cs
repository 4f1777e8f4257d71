using Mmap.Model.Tracing;

namespace Mmap.Oracle.Logs;

/// <summary>
/// A real kernel's trace of one scenario in the model's vocabulary. <see cref="Replacements"/> holds,
/// by event index, the line to print instead of the model's rendering when the kernel did something
/// the model's types cannot express (e.g. a SIGBUS with a different si_code).
/// </summary>
public sealed record KernelTrace(IReadOnlyList<TraceEvent> Events, IReadOnlyDictionary<int, string> Replacements, IReadOnlyList<string> KernelMessages)
{
    /// <summary>What each step did, in the words of the model's step results ("ok", "EINVAL", "2a", "SIGBUS:ADRERR", "not-run").</summary>
    public IReadOnlyList<string> StepOutcomes { get; init; } = [];

    /// <summary>The rendered lines, symbolic, without explanations.</summary>
    public IReadOnlyList<string> Lines()
    {
        var rendered = TraceRenderer.Render(Events, withExplanations: false).Split('\n');
        var lines = new List<string>(Events.Count);
        for (var i = 0; i < Events.Count && i < rendered.Length; i++)
            lines.Add(Replacements.TryGetValue(i, out var replacement) ? replacement : rendered[i]);
        return lines;
    }
}
