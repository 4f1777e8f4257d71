using Mmap.Model.Kernel;
using Mmap.Smt.Terms;

namespace Mmap.Smt.Encoding;

/// <summary>
/// The encodings as SMT functions of their concrete inputs, for evaluation by a solver (the differential check
/// against the executable model). Each output is its own function.
/// </summary>
public static class EncodingFunctions
{
    public static SmtFunction IsCow { get; } = Build("is_cow", b => CowEncoding.IsCowMapping(b.Parameter<W64>("flags")));

    public static SmtFunction MmapErrno { get; } = Mmap("mmap_errno", o => o.Errno);

    public static SmtFunction MmapFlags { get; } = Mmap("mmap_flags", o => o.Flags);

    /// <summary>remap_pfn_range's code, vm_flags and vm_pgoff afterwards, per kernel series (7.3's rule differs: D1).</summary>
    public static IReadOnlyDictionary<KernelVersion, (SmtFunction Code, SmtFunction Flags, SmtFunction PgOff)> RemapOn { get; } =
        Enum.GetValues<KernelVersion>().ToDictionary(v => v, v =>
        {
            var series = "_" + v.ToString().ToLowerInvariant();
            return (Remap("remap_code" + series, o => o.Code, v), Remap("remap_flags" + series, o => o.Vma.Flags, v),
                Remap("remap_pgoff" + series, o => o.Vma.PgOff, v));
        });

    public static SmtFunction MprotectErrno { get; } = Mprotect("mprotect_errno", o => o.Errno);

    public static SmtFunction MprotectFlags { get; } = Mprotect("mprotect_flags", o => o.Flags);

    public static IReadOnlyList<SmtFunction> All { get; } =
        [IsCow, MmapErrno, MmapFlags, .. RemapOn.Values.SelectMany(r => new[] { r.Code, r.Flags, r.PgOff }), MprotectErrno, MprotectFlags];

    public static IReadOnlyList<string> Definitions { get; } = All.Select(f => f.Definition).ToList();

    private static SmtFunction Build(string name, Func<SmtFunction.Builder, Term> body)
    {
        var builder = new SmtFunction.Builder(name);
        return builder.Returns(body(builder));
    }

    /// <summary>(prot, map_flags, open_mode).</summary>
    private static SmtFunction Mmap(string name, Func<MmapOutcome, Term> output) => Build(name, b =>
        output(MmapEncoding.Compute(b.Parameter<W32>("prot"), b.Parameter<W32>("map_flags"), b.Parameter<W32>("open_mode"))));

    /// <summary>(vm_start, vm_end, vm_flags, vm_pgoff, addr, pfn, size).</summary>
    private static SmtFunction Remap(string name, Func<RemapOutcome, Term> output, KernelVersion series) => Build(name, b =>
    {
        var vma = new SymbolicVma(b.Parameter<W64>("vm_start"), b.Parameter<W64>("vm_end"), b.Parameter<W64>("vm_flags"), b.Parameter<W64>("vm_pgoff"));
        return output(RemapEncoding.Call(vma, b.Parameter<W64>("addr"), b.Parameter<W64>("pfn"), b.Parameter<W64>("size"), BoolTerm.False, BoolTerm.False, series));
    });

    /// <summary>(vm_flags, prot).</summary>
    private static SmtFunction Mprotect(string name, Func<MprotectOutcome, Term> output) => Build(name, b =>
        output(MprotectEncoding.Call(b.Parameter<W64>("vm_flags"), b.Parameter<W32>("prot"))));
}
