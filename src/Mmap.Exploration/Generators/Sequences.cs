using FsCheck;
using FsCheck.Fluent;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;

namespace Mmap.Exploration.Generators;

/// <summary>
/// Sequences of user syscalls: an mmap of VA first, then up to 8 calls among a second mapping VB, reads and
/// writes, mprotect, munmap and read/write on the fd. Shrinks by dropping calls, then by shrinking each call.
/// </summary>
public static class Sequences
{
    private static readonly string[] Names = ["VA", "VB"];

    private static Gen<MapCall> MapGen(string name) =>
        from type in KernelValues.MapTypeGen
        from prot in KernelValues.ProtGen
        from pages in Mappings.PagesGen(1, 8)
        from offset in Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, 8)))
        select new MapCall(name, type, prot, pages, offset);

    private static Gen<UserCall> CallGen =>
        Gen.Frequency(
            (1, MapGen("VB").Select(c => (UserCall)c)),
            (4, from name in Gen.Elements(Names) from page in Gen.Choose(0, 7) from write in Gen.Elements(false, true) from value in Gen.Choose(1, 255)
                select (UserCall)new AccessCall(name, page, write, (byte)value)),
            (1, from name in Gen.Elements(Names) from page in Gen.Choose(0, 4) from pages in Gen.Choose(1, 4) from prot in KernelValues.ProtGen
                select (UserCall)new ProtectCall(name, page, pages, prot)),
            (1, from name in Gen.Elements(Names) from page in Gen.Choose(0, 4) from pages in Gen.Choose(1, 4)
                select (UserCall)new UnmapCall(name, page, pages)),
            (1, from pages in Gen.Choose(1, 4) from value in Gen.Choose(1, 255) select (UserCall)new FdWriteCall(pages, (byte)value)),
            (1, Gen.Choose(1, 4).Select(pages => (UserCall)new FdReadCall(pages))));

    public static Gen<SyscallSequence> Generate(Gen<DriverStrategy> drivers, Gen<OpenFlags> open) =>
        from driver in drivers
        from mode in open
        from first in MapGen("VA")
        from count in Gen.Choose(0, 8)
        from rest in CallGen.ListOf(count)
        select new SyscallSequence(driver with { Fops = FileOperationsKind.Lab }, mode, new UserCall[] { first }.Concat(rest).ToList()).Normalized();

    public static Gen<SyscallSequence> AnyGen => Generate(DriverStrategies.AnyGen, KernelValues.OpenGen);

    public static IEnumerable<SyscallSequence> Shrink(SyscallSequence s) => Candidates(s).Where(c => c.IsWellFormed());

    private static IEnumerable<SyscallSequence> Candidates(SyscallSequence s)
    {
        foreach (var calls in Shrinking.RemoveOne(s.Calls, keepFirst: 1)) yield return s with { Calls = calls };
        foreach (var driver in DriverStrategies.Shrink(s.Driver)) yield return s with { Driver = driver with { Fops = FileOperationsKind.Lab } };
        foreach (var open in KernelValues.ShrinkOpen(s.Open)) yield return s with { Open = open };
        foreach (var calls in Shrinking.ShrinkOne(s.Calls, ShrinkCall)) yield return s with { Calls = calls };
    }

    private static IEnumerable<UserCall> ShrinkCall(UserCall call) => call switch
    {
        MapCall m => Shrinking.Toward(m.Pages, 1).Select(n => (UserCall)(m with { Pages = n }))
            .Concat(Shrinking.Toward(m.OffsetPages, 0).Select(o => m with { OffsetPages = o }))
            .Concat(KernelValues.ShrinkProt(m.Prot).Select(p => m with { Prot = p }))
            .Concat(KernelValues.ShrinkMapType(m.Type).Select(t => m with { Type = t })),
        AccessCall a => Shrinking.Toward(a.Page, 0).Select(p => (UserCall)(a with { Page = p })),
        ProtectCall p => Shrinking.Toward(p.Page, 0).Select(x => (UserCall)(p with { Page = x }))
            .Concat(Shrinking.Toward(p.Pages, 1).Select(n => p with { Pages = n })),
        UnmapCall u => Shrinking.Toward(u.Page, 0).Select(x => (UserCall)(u with { Page = x }))
            .Concat(Shrinking.Toward(u.Pages, 1).Select(n => u with { Pages = n })),
        FdWriteCall w => Shrinking.Toward(w.Pages, 1).Select(n => (UserCall)(w with { Pages = n })),
        FdReadCall r => Shrinking.Toward(r.Pages, 1).Select(n => (UserCall)(r with { Pages = n })),
        _ => [],
    };

    public static Arbitrary<SyscallSequence> Arbitrary() => Arb.From(AnyGen, Shrink);
}
