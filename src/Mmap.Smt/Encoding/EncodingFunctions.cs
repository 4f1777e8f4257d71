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

    public static SmtFunction RemapCode { get; } = Remap("remap_code", o => o.Code);

    public static SmtFunction RemapFlags { get; } = Remap("remap_flags", o => o.Vma.Flags);

    public static SmtFunction RemapPgoff { get; } = Remap("remap_pgoff", o => o.Vma.PgOff);

    public static SmtFunction MprotectErrno { get; } = Mprotect("mprotect_errno", o => o.Errno);

    public static SmtFunction MprotectFlags { get; } = Mprotect("mprotect_flags", o => o.Flags);

    public static IReadOnlyList<SmtFunction> All { get; } =
        [IsCow, MmapErrno, MmapFlags, RemapCode, RemapFlags, RemapPgoff, MprotectErrno, MprotectFlags];

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
    private static SmtFunction Remap(string name, Func<RemapOutcome, Term> output) => Build(name, b =>
    {
        var vma = new SymbolicVma(b.Parameter<W64>("vm_start"), b.Parameter<W64>("vm_end"), b.Parameter<W64>("vm_flags"), b.Parameter<W64>("vm_pgoff"));
        return output(RemapEncoding.Call(vma, b.Parameter<W64>("addr"), b.Parameter<W64>("pfn"), b.Parameter<W64>("size"), BoolTerm.False, BoolTerm.False));
    });

    /// <summary>(vm_flags, prot).</summary>
    private static SmtFunction Mprotect(string name, Func<MprotectOutcome, Term> output) => Build(name, b =>
        output(MprotectEncoding.Call(b.Parameter<W64>("vm_flags"), b.Parameter<W32>("prot"))));
}
