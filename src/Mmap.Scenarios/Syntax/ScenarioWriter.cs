using System.Text;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;

namespace Mmap.Scenarios.Syntax;

/// <summary>
/// Writes a scenario in the file format. The output parses back to an equal scenario, so shrunk
/// counterexamples and solver models can be pasted straight into the corpus.
/// </summary>
public static class ScenarioWriter
{
    public static string Write(Scenario scenario)
    {
        var text = new StringBuilder();
        foreach (var comment in scenario.Comments) text.Append("# ").Append(comment).Append('\n');
        text.Append("scenario: ").Append(scenario.Name).Append('\n');
        text.Append("kernel: ").Append(SeriesList.Write(scenario.Kernels)).Append('\n');
        if (scenario.Device != Scenario.DefaultDevice) text.Append("device: ").Append(scenario.Device).Append('\n');
        text.Append('\n');
        WriteDriver(text, scenario.Driver);
        text.Append('\n').Append("program:\n");
        foreach (var step in scenario.Steps)
        {
            var line = "  " + StepText(step);
            if (step.Expected is { } expected) line = line.PadRight(62) + " => " + expected.Text;
            text.Append(line).Append('\n');
        }

        if (scenario.Expectations.Count > 0)
        {
            text.Append('\n').Append("expect:\n");
            foreach (var e in scenario.Expectations) text.Append("  ").Append(e).Append('\n');
        }

        return text.ToString();
    }

    private static void WriteDriver(StringBuilder text, DriverStrategy d)
    {
        text.Append("driver:\n");
        text.Append("  buffer: ").Append(Vocabulary.KeyOf(Vocabulary.Buffers, d.Buffer)).Append(" pages=").Append(d.Pages).Append('\n');
        if (!d.Fill.IsEmpty) text.Append("  fill: ").Append(d.Fill).Append('\n');
        if (d.Limit is { } limit) text.Append($"  length-limit: pages={limit.MaxPages} error={limit.Error}\n");
        text.Append("  mmap: ").Append(Vocabulary.KeyOf(Vocabulary.Methods, d.Method)).Append('\n');
        text.Append("  prot: ").Append(Vocabulary.KeyOf(Vocabulary.RemapProts, d.Prot)).Append('\n');
        text.Append("  check-errors: ").Append(d.ChecksErrors ? "yes" : "no").Append('\n');
        text.Append("  pgoff: ").Append(Vocabulary.KeyOf(Vocabulary.Pgoffs, d.Pgoff)).Append('\n');
        text.Append("  clear-maywrite: ").Append(d.ClearsMayWrite ? "yes" : "no").Append('\n');
        if (d.Fops != FileOperationsKind.None) text.Append("  fops: ").Append(Vocabulary.KeyOf(Vocabulary.Fops, d.Fops)).Append('\n');
    }

    public static string StepText(Step step) => step switch
    {
        OpenStep o => "open " + KernelNames.Spell(o.Flags),
        CloseStep => "close",
        MmapStep m => $"mmap {m.Name} length={Size(m.Length)} prot={KernelNames.Spell(m.Prot)} flags={KernelNames.Spell(m.Flags)}"
                      + (m.Offset != 0 ? $" offset={Size(m.Offset)}" : " offset=0")
                      + (m.Address is { } a ? $" addr={Address(a)}" : ""),
        ReadStep r => $"read {Address(r.Address)} {r.Type.ToKeywordText()}",
        WriteStep w => $"write {Address(w.Address)} {w.Type.ToKeywordText()} 0x{w.Value:x}",
        MprotectStep p => $"mprotect {Address(p.Address)} length={Size(p.Length)} prot={KernelNames.Spell(p.Prot)}",
        MunmapStep u => $"munmap {Address(u.Address)} length={Size(u.Length)}",
        CheckStep c => "check " + c.Mapping + (c.Pattern is { } p ? " pattern=" + Bytes(p) : ""),
        FdWriteStep w => $"fd-write length={Size(w.Length)} pattern={Bytes(w.Pattern)}",
        FdReadStep r => $"fd-read length={Size(r.Length)}",
        CheckBufferStep b => "check-buffer pattern=" + Bytes(b.Pattern),
        MapsStep => "maps",
        ProcTotalStep => "proc-total",
        _ => throw new InvalidOperationException("unknown step " + step.GetType().Name),
    };

    /// <summary>Sizes in pages when whole pages, hex otherwise.</summary>
    public static string Size(ulong bytes) =>
        bytes != 0 && bytes % PageGeometry.PageSize == 0 ? $"{bytes / PageGeometry.PageSize}p" : "0x" + bytes.ToString("x");

    private static string Address(AddressRef a) => a.Offset == 0 ? a.Mapping : a.Mapping + "+" + Size(a.Offset);

    private static string Bytes(IReadOnlyList<byte> bytes) => string.Join(',', bytes.Select(b => b.ToString("x2")));

    private static string ToKeywordText(this Model.Faults.ValueType type) => Model.Faults.ValueTypeExtensions.ToKeyword(type);
}
