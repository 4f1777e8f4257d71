using FsCheck;
using FsCheck.Fluent;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;

namespace Mmap.Exploration.Generators;

/// <summary>Driver strategies as data. Shrinks every field toward the question's seed driver, and the buffer toward 2 pages.</summary>
public static class DriverStrategies
{
    private static readonly FillPattern LabFill = FillPattern.Of(0xdd, 0xcc, 0xbb, 0xaa);

    public static readonly MappingMethod[] MappingMethods =
        [MappingMethod.RemapPerPage, MappingMethod.RemapWhole, MappingMethod.InsertPage, MappingMethod.MapPages, MappingMethod.Fault, MappingMethod.FaultPfn, MappingMethod.None];

    public static Gen<DriverStrategy> Generate(Gen<MappingMethod> methods) =>
        from buffer in Gen.Elements(BufferKind.Vmalloc, BufferKind.Kmalloc)
        from pages in Mappings.PagesGen(1, 64)
        from method in methods
        from prot in Gen.Elements(RemapProt.VmPageProt, RemapProt.PageShared)
        from checks in Gen.Elements(false, true)
        from pgoff in Gen.Elements(PgoffPolicy.Ignore, PgoffPolicy.Honour)
        from clear in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from limit in Gen.Frequency((2, Gen.Constant<LengthLimit?>(null)), (1, Gen.Constant<LengthLimit?>(new LengthLimit(16, Errno.EIO))))
        from fops in Gen.Elements(FileOperationsKind.None, FileOperationsKind.Lab)
        select new DriverStrategy
        {
            Buffer = buffer, Pages = pages, Fill = LabFill, Limit = limit, Method = method, Prot = prot,
            ChecksErrors = checks, Pgoff = pgoff, ClearsMayWrite = clear, Fops = fops,
        };

    public static Gen<DriverStrategy> AnyGen => Generate(Gen.Elements(MappingMethods));

    public static IEnumerable<DriverStrategy> Shrink(DriverStrategy d)
    {
        var seed = DriverStrategy.Seed;
        foreach (var n in Shrinking.Toward(d.Pages, 2)) yield return d with { Pages = n };
        if (d.Limit is not null) yield return d with { Limit = null };
        if (d.Method != MappingMethod.RemapPerPage) yield return d with { Method = MappingMethod.RemapPerPage };
        if (d.Prot != seed.Prot) yield return d with { Prot = seed.Prot };
        if (d.ClearsMayWrite) yield return d with { ClearsMayWrite = false };
        if (d.Pgoff != seed.Pgoff) yield return d with { Pgoff = seed.Pgoff };
        if (d.Fops != FileOperationsKind.None) yield return d with { Fops = FileOperationsKind.None };
        if (d.Buffer != seed.Buffer) yield return d with { Buffer = seed.Buffer };
        if (d.ChecksErrors != seed.ChecksErrors) yield return d with { ChecksErrors = seed.ChecksErrors };
    }

    public static Arbitrary<DriverStrategy> Arbitrary() => Arb.From(AnyGen, Shrink);
}
