using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Fuzzing;

/// <summary>
/// Candidate reductions of a scenario, biggest first: drop a mapping and every step on it, drop a step, then
/// simplify one step (fewer pages, simpler flags and prot, offsets toward 0, simpler values) and one driver knob
/// (toward the question's seed driver with one page). Every candidate names only mappings an earlier mmap made.
/// </summary>
public static class Reductions
{
    private const ulong Page = PageGeometry.PageSize;

    public static IEnumerable<Scenario> Of(Scenario s)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { Key(s) };
        foreach (var c in Raw(s).Where(WellFormed))
            if (seen.Add(Key(c))) yield return c;
    }

    private static string Key(Scenario s) => Scenarios.Syntax.ScenarioWriter.Write(s);

    private static IEnumerable<Scenario> Raw(Scenario s)
    {
        foreach (var name in s.Steps.OfType<MmapStep>().Select(m => m.Name).Distinct().Reverse())
            yield return s with { Steps = s.Steps.Where(step => MappingOf(step) != name).ToList() };
        // Delta debugging: drop blocks of half, a quarter, an eighth of the steps, then single steps.
        for (var block = s.Steps.Count / 2; block >= 2; block /= 2)
            for (var start = 0; start + block <= s.Steps.Count; start += block)
                yield return s with { Steps = s.Steps.Where((_, j) => j < start || j >= start + block).ToList() };
        for (var i = s.Steps.Count - 1; i >= 0; i--)
            yield return s with { Steps = s.Steps.Where((_, j) => j != i).ToList() };
        for (var i = 0; i < s.Steps.Count; i++)
            foreach (var simpler in Simpler(s.Steps[i]))
                yield return s with { Steps = s.Steps.Select((step, j) => j == i ? simpler with { Expected = step.Expected } : step).ToList() };
        foreach (var driver in Simpler(s.Driver))
            yield return s with { Driver = driver };
    }

    /// <summary>Whether every step names only mappings an earlier mmap step made.</summary>
    public static bool WellFormed(Scenario s)
    {
        var mapped = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in s.Steps)
        {
            foreach (var used in Uses(step))
                if (!mapped.Contains(used)) return false;
            if (step is MmapStep m) mapped.Add(m.Name);
        }
        return true;
    }

    private static IEnumerable<string> Uses(Step step) => step switch
    {
        MmapStep { Address: { } a } => [a.Mapping],
        ReadStep r => [r.Address.Mapping],
        WriteStep w => [w.Address.Mapping],
        MprotectStep p => [p.Address.Mapping],
        MunmapStep u => [u.Address.Mapping],
        CheckStep c => [c.Mapping],
        _ => [],
    };

    private static string? MappingOf(Step step) => step is MmapStep m ? m.Name : Uses(step).FirstOrDefault();

    private static IEnumerable<ulong> Toward(ulong value, ulong target, ulong unit)
    {
        if (value <= target) yield break;
        yield return target;
        var half = (target + (value - target) / 2) / unit * unit;
        if (half > target && half < value) yield return half;
    }

    private static IEnumerable<Prot> SimplerProt(Prot prot)
    {
        if (prot == Prot.Read) yield break;
        yield return Prot.Read;
        foreach (var bit in new[] { Prot.Exec, Prot.Write, Prot.Read })
            if ((prot & bit) != 0 && (prot & ~bit) != Prot.Read) yield return prot & ~bit;
    }

    private static IEnumerable<MapFlags> SimplerFlags(MapFlags flags)
    {
        var type = flags & MapFlags.TypeMask;
        var extras = flags & ~MapFlags.TypeMask;
        foreach (var bit in Enumerable.Range(4, 28).Select(b => (MapFlags)(1u << b)))
            if ((extras & bit) != 0) yield return flags & ~bit;
        if (type != MapFlags.Private) yield return extras | MapFlags.Private;
        if (type == MapFlags.SharedValidate) yield return extras | MapFlags.Shared;
    }

    private static IEnumerable<AddressRef> SimplerAddress(AddressRef a) => Toward(a.Offset, 0, Page).Concat(a.Offset % Page != 0 ? [a.Offset / Page * Page] : []).Select(o => a with { Offset = o });

    private static IEnumerable<Step> Simpler(Step step) => step switch
    {
        MmapStep m => Toward(m.Length, Page, Page).Select(l => (Step)(m with { Length = l }))
            .Concat(SimplerFlags(m.Flags).Select(f => m with { Flags = f }))
            .Concat(SimplerProt(m.Prot).Select(p => m with { Prot = p }))
            .Concat(Toward(m.Offset, 0, Page).Select(o => m with { Offset = o }))
            .Concat(m.Address is { } a ? SimplerAddress(a).Select(x => m with { Address = x }) : []),
        ReadStep r => SimplerAddress(r.Address).Select(a => (Step)(r with { Address = a }))
            .Concat(r.Type != ValueType.Char ? [r with { Type = ValueType.Char }] : []),
        WriteStep w => SimplerAddress(w.Address).Select(a => (Step)(w with { Address = a }))
            .Concat(w.Type != ValueType.U8 || w.Value != 1 ? [w with { Type = ValueType.U8, Value = 1 }] : []),
        MprotectStep p => SimplerAddress(p.Address).Select(a => (Step)(p with { Address = a }))
            .Concat(Toward(p.Length, Page, Page).Select(l => p with { Length = l }))
            .Concat(SimplerProt(p.Prot).Select(x => p with { Prot = x })),
        MunmapStep u => SimplerAddress(u.Address).Select(a => (Step)(u with { Address = a }))
            .Concat(Toward(u.Length, Page, Page).Select(l => u with { Length = l })),
        FdWriteStep fw => Toward(fw.Length, Page, Page).Select(l => (Step)(fw with { Length = l }))
            .Concat(fw.Pattern.Count > 1 ? [fw with { Pattern = [fw.Pattern[0]] }] : []),
        FdReadStep fr => Toward(fr.Length, Page, Page).Select(l => (Step)(fr with { Length = l })),
        CheckBufferStep cb => cb.Pattern.Count > 1 ? [cb with { Pattern = [cb.Pattern[0]] }] : [],
        CheckStep c => c.Pattern is not null ? [c with { Pattern = null }] : [],
        OpenStep o => o.Flags != OpenFlags.ReadOnly ? [o with { Flags = OpenFlags.ReadOnly }, o with { Flags = OpenFlags.ReadWrite }] : [],
        _ => [],
    };

    private static IEnumerable<DriverStrategy> Simpler(DriverStrategy d)
    {
        var seed = DriverStrategy.Seed;
        foreach (var n in Toward((ulong)d.Pages, 1, 1)) yield return d with { Pages = (int)n };
        if (d.Limit is not null) yield return d with { Limit = null };
        if (d.Method != MappingMethod.RemapWhole) yield return d with { Method = MappingMethod.RemapWhole };
        if (d.Prot != seed.Prot) yield return d with { Prot = seed.Prot };
        if (d.ClearsMayWrite) yield return d with { ClearsMayWrite = false };
        if (d.Pgoff != seed.Pgoff) yield return d with { Pgoff = seed.Pgoff };
        if (d.Fops != FileOperationsKind.None) yield return d with { Fops = FileOperationsKind.None };
        if (d.Buffer != seed.Buffer) yield return d with { Buffer = seed.Buffer };
        if (!d.ChecksErrors) yield return d with { ChecksErrors = true };
        if (d.Fill != seed.Fill) yield return d with { Fill = seed.Fill };
    }
}
