using FsCheck;
using FsCheck.Fluent;
using Mmap.Exploration.Scope;
using Mmap.Model.Kernel;

namespace Mmap.Exploration.Generators;

/// <summary>User mappings: open mode, map type, prot, 1..64 pages, offset 0..63 pages. Shrinks to 1–2 pages at offset 0, PROT_READ.</summary>
public static class Mappings
{
    public const int MaxPages = 64;
    public const int MaxOffsetPages = 63;

    public static Gen<int> PagesGen(int min = 1, int max = MaxPages) =>
        Gen.Frequency((3, Gen.Choose(min, Math.Min(max, 4))), (2, Gen.Choose(min, Math.Min(max, 16))), (1, Gen.Choose(min, max)));

    public static Gen<int> OffsetGen => Gen.Frequency((3, Gen.Constant(0)), (1, Gen.Choose(0, MaxOffsetPages)));

    public static Gen<UserMapping> Generate(Gen<OpenFlags> open, Gen<MapFlags> type, Gen<Prot> prot, Gen<int> pages) =>
        from o in open
        from t in type
        from p in prot
        from n in pages
        from off in OffsetGen
        select new UserMapping(o, t, p, n, off);

    public static Gen<UserMapping> AnyGen => Generate(KernelValues.OpenGen, KernelValues.MapTypeGen, KernelValues.ProtGen, PagesGen());

    public static IEnumerable<UserMapping> Shrink(UserMapping m, int minPages = 1)
    {
        foreach (var n in Shrinking.Toward(m.Pages, minPages)) yield return m with { Pages = n };
        foreach (var off in Shrinking.Toward(m.OffsetPages, 0)) yield return m with { OffsetPages = off };
        foreach (var p in KernelValues.ShrinkProt(m.Prot)) yield return m with { Prot = p };
        foreach (var t in KernelValues.ShrinkMapType(m.Type)) yield return m with { Type = t };
        foreach (var o in KernelValues.ShrinkOpen(m.Open)) yield return m with { Open = o };
    }

    public static Arbitrary<UserMapping> Arbitrary() => Arb.From(AnyGen, m => Shrink(m));
}
