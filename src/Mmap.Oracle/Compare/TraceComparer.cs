using System.Text.RegularExpressions;
using Mmap.Model.Tracing;

namespace Mmap.Oracle.Compare;

/// <summary>
/// Compares two rendered traces line by line (a longest-common-subsequence diff), after removing the
/// model's " # " explanations. Two allowances, both because the kernel knows more than the model says:
/// a model value of "?" (memory whose contents the model does not track) matches any value, and a
/// kernel BUG is compared by the function that hit it (the kernel reports file:line, not the condition). One
/// because the harness knows less: a step's kernel warnings are compared as a set at the end of the step's
/// in-kernel lines (<see cref="Normalize"/>).
/// </summary>
public static partial class TraceComparer
{
    public static TraceComparison Compare(IReadOnlyList<string> modelTrace, IReadOnlyList<string> kernelTrace)
    {
        var model = Normalize(modelTrace);
        var kernel = Normalize(kernelTrace);
        var n = model.Count;
        var m = kernel.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                lcs[i, j] = Same(model[i], kernel[j]) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);

        var differences = new List<LineDifference>();
        var hunk = new List<LineDifference>();
        int a = 0, b = 0;
        while (a < n || b < m)
        {
            if (a < n && b < m && Same(model[a], kernel[b]))
            {
                Flush(hunk, differences);
                a++;
                b++;
            }
            else if (b < m && (a == n || lcs[a, b + 1] >= lcs[a + 1, b]))
            {
                hunk.Add(new LineDifference('+', b + 1, kernel[b]));
                b++;
            }
            else
            {
                hunk.Add(new LineDifference('-', a + 1, model[a]));
                a++;
            }
        }
        Flush(hunk, differences);
        return new TraceComparison(model, kernel, differences);
    }

    /// <summary>Within a hunk the model's lines come first, then the kernel's.</summary>
    private static void Flush(List<LineDifference> hunk, List<LineDifference> into)
    {
        into.AddRange(hunk.Where(d => d.Side == '-'));
        into.AddRange(hunk.Where(d => d.Side == '+'));
        hunk.Clear();
    }

    /// <summary>
    /// Explanations removed, blank and comment lines dropped, and in every run of indented (in-kernel) lines the kernel
    /// warnings moved to the run's end, in their order: the harness learns a step's warnings from the kernel log after
    /// the step, so it cannot say where among the step's driver lines the kernel printed them, and the model's place
    /// for them (the moment the rule fires) is not compared.
    /// </summary>
    public static IReadOnlyList<string> Normalize(IEnumerable<string> lines)
    {
        var kept = lines.Select(TraceRenderer.StripExplanation).Where(l => l.Trim().Length > 0).ToList();
        var result = new List<string>(kept.Count);
        var warnings = new List<string>();
        foreach (var line in kept)
        {
            if (!line.StartsWith("  ", StringComparison.Ordinal))
            {
                result.AddRange(warnings);
                warnings.Clear();
                result.Add(line);
            }
            else if (line.StartsWith(WarningIndent, StringComparison.Ordinal)) warnings.Add(line);
            else result.Add(line);
        }
        result.AddRange(warnings);
        return result;
    }

    private const string WarningIndent = "  WARNING ";

    internal static bool Same(string model, string kernel)
    {
        if (model == kernel) return true;
        if (model.EndsWith(" = ?", StringComparison.Ordinal))
        {
            var prefix = model[..^1];
            return kernel.StartsWith(prefix, StringComparison.Ordinal) && !kernel[prefix.Length..].Contains(' ', StringComparison.Ordinal);
        }
        var bugModel = Bug().Match(model);
        var bugKernel = Bug().Match(kernel);
        return bugModel.Success && bugKernel.Success && bugModel.Groups[1].Value == bugKernel.Groups[1].Value;
    }

    /// <summary>For a kernel BUG line, the part a real kernel can confirm ("BUG: kernel BUG in F:"); otherwise null.</summary>
    public static string? BugPrefix(string line) => Bug().Match(line) is { Success: true } m ? m.Value : null;

    [GeneratedRegex(@"^BUG: kernel BUG in (\S+?):")]
    private static partial Regex Bug();
}
