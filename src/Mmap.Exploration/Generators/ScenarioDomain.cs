using FsCheck;
using FsCheck.Fluent;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Exploration.Generators;

/// <summary>
/// Whole scenarios over the entire scenario language, for differential fuzzing against real kernels: every
/// step kind (open/close sequences, up to three mappings, reads and writes of every type, mprotect and munmap
/// splits, fd-read/fd-write/check-buffer, check, maps, proc-total), every prot (PROT_NONE and PROT_EXEC
/// included), every map type plus MAP_FIXED with and without addr=, address hints without it (just above a mapping,
/// or inside one), MAP_FIXED_NOREPLACE, MAP_ANONYMOUS,
/// MAP_POPULATE, MAP_LOCKED, MAP_NORESERVE, MAP_SYNC and raw hex bits, and every driver knob
/// (<see cref="DriverStrategies"/> plus fills and length limits). Addresses may lie outside every mapping.
/// Deterministic for a seed: <see cref="Sample"/>.
/// </summary>
public static class ScenarioDomain
{
    /// <summary>The mapping names a generated program uses.</summary>
    public static readonly string[] Names = ["VA", "VB", "VC", "VD"];

    public static readonly Prot[] AllProts =
        Enumerable.Range(0, 8).Select(p => (Prot)(uint)p).ToArray();

    private static readonly MapFlags[] Types = [MapFlags.Private, MapFlags.Shared, MapFlags.SharedValidate];

    /// <summary>Extra flag bits: the named ones and a few raw bits (0x40 MAP_32BIT, 0x800 MAP_DENYWRITE, 0x1000 MAP_EXECUTABLE).</summary>
    private static readonly MapFlags[] ExtraFlags =
        [MapFlags.Anonymous, MapFlags.Populate, MapFlags.Locked, MapFlags.NoReserve, MapFlags.Sync, MapFlags.FixedNoReplace,
         MapFlags.Map32Bit, MapFlags.DenyWrite, MapFlags.Executable];

    private static readonly OpenFlags[] OpenModes =
        [OpenFlags.ReadOnly, OpenFlags.ReadWrite, OpenFlags.WriteOnly, OpenFlags.ReadWrite | OpenFlags.Sync, OpenFlags.ReadOnly | OpenFlags.Sync];

    private static readonly Errno[] LimitErrors = [Errno.EIO, Errno.EINVAL, Errno.ENOMEM, Errno.EAGAIN];

    private static ulong Page(int n) => (ulong)n << PageGeometry.PageShift;

    private static Gen<FillPattern> FillGen =>
        Gen.Frequency(
            (3, Gen.Constant(FillPattern.Of(0xdd, 0xcc, 0xbb, 0xaa))),
            (1, Gen.Constant(FillPattern.Empty)),
            (1, from n in Gen.Choose(1, 16) from bytes in Gen.Choose(0, 255).ArrayOf(n) select FillPattern.Of(bytes.Select(b => (byte)b).ToArray())),
            (1, Gen.Constant(new FillPattern(new byte?[] { null, 0x5a }))));

    /// <summary>Every driver knob: the property generators' strategies with any fill and any length limit.</summary>
    public static Gen<DriverStrategy> DriverGen =>
        from driver in DriverStrategies.AnyGen
        from fill in FillGen
        from limit in Gen.Frequency(
            (3, Gen.Constant<LengthLimit?>(null)),
            (1, from pages in Gen.Choose(1, 20) from error in Gen.Elements(LimitErrors) select (LengthLimit?)new LengthLimit(pages, error)))
        select driver with { Fill = fill, Limit = limit };

    private static Gen<Prot> ProtGen => Gen.Elements(AllProts);

    private static Gen<MapFlags> FlagsGen =>
        from type in Gen.Frequency((8, Gen.Elements(Types)), (1, Gen.Elements(MapFlags.None, (MapFlags)0x0f, (MapFlags)0x04, MapFlags.Droppable)))
        from extras in Gen.Frequency((3, Gen.Constant<IList<MapFlags>>([])), (2, Gen.SubListOf(ExtraFlags).Select(l => (IList<MapFlags>)l.Take(2).ToList())))
        from fixedFlag in Gen.Frequency((6, Gen.Constant(MapFlags.None)), (1, Gen.Constant(MapFlags.Fixed)))
        select extras.Aggregate(type | fixedFlag, (a, b) => a | b);

    private static Gen<ulong> LengthGen =>
        Gen.Frequency(
            (10, Gen.Choose(1, 8).Select(Page)),
            (1, Gen.Choose(17, 24).Select(Page)),
            (1, Gen.Elements(0UL, 0x800UL, 0x1800UL)));

    /// <summary>An offset into a mapping: mostly inside its first pages, sometimes past its end.</summary>
    private static Gen<ulong> OffsetGen =>
        Gen.Frequency(
            (6, Gen.Choose(0, 7).Select(Page)),
            (1, from page in Gen.Choose(0, 3) from bytes in Gen.Choose(1, 0xfff) select Page(page) + (ulong)bytes),
            (1, Gen.Choose(8, 40).Select(Page)));

    private static Gen<byte[]> PatternGen =>
        from n in Gen.Choose(1, 4) from bytes in Gen.Choose(0, 255).ArrayOf(n) select bytes.Select(b => (byte)b).ToArray();

    /// <summary>A step whose mapping name is an index, resolved by <see cref="Build"/> to a mapping made earlier.</summary>
    private sealed record Raw(int Kind, int Name, int Other, ulong A, ulong B, uint C, MapFlags Flags, Prot Prot, byte[] Pattern, ValueType Type);

    private static Gen<Raw> RawGen =>
        from kind in Gen.Frequency(
            (4, Gen.Constant(0)),   // mmap
            (6, Gen.Constant(1)),   // read
            (4, Gen.Constant(2)),   // write
            (2, Gen.Constant(3)),   // mprotect
            (2, Gen.Constant(4)),   // munmap
            (1, Gen.Constant(5)),   // check
            (1, Gen.Constant(6)),   // fd-write
            (1, Gen.Constant(7)),   // fd-read
            (1, Gen.Constant(8)),   // check-buffer
            (1, Gen.Constant(9)),   // maps
            (1, Gen.Constant(10)),  // proc-total
            (1, Gen.Constant(11)),  // close
            (1, Gen.Constant(12)))  // open
        from name in Gen.Choose(0, Names.Length - 1)
        from other in Gen.Choose(0, 3)
        from a in OffsetGen
        from b in LengthGen
        from c in Gen.Choose(0, 0xffff)
        from flags in FlagsGen
        from prot in ProtGen
        from pattern in PatternGen
        from type in Gen.Elements(ValueType.Char, ValueType.UChar, ValueType.U8, ValueType.U32)
        select new Raw(kind, name, other, a, b, (uint)c, flags, prot, pattern, type);

    /// <summary>Any scenario of the language: a driver, an open (usually), then 1..12 steps.</summary>
    public static Gen<Scenario> Generate(IReadOnlyList<KernelVersion> kernels) =>
        from driver in DriverGen
        from open in Gen.Frequency((12, Gen.Elements(OpenModes).Select(o => (OpenFlags?)o)), (1, Gen.Constant<OpenFlags?>(null)))
        from first in Gen.Zip(LengthGen, Gen.Zip(ProtGen, FlagsGen))
        from count in Gen.Choose(1, 12)
        from raws in RawGen.ListOf(count)
        select Build(driver, open, first.Item1, first.Item2.Item1, first.Item2.Item2, raws.ToList(), kernels);

    private static Scenario Build(DriverStrategy driver, OpenFlags? open, ulong length, Prot prot, MapFlags flags, IReadOnlyList<Raw> raws, IReadOnlyList<KernelVersion> kernels)
    {
        var steps = new List<Step>();
        if (open is { } mode) steps.Add(new OpenStep(mode));
        steps.Add(new MmapStep("VA", length, prot, flags & ~MapFlags.Fixed, 0, null));
        var mapped = new List<string> { "VA" };
        foreach (var r in raws)
        {
            var name = mapped[r.Name % mapped.Count];
            var at = new AddressRef(name, r.A);
            Step step = r.Kind switch
            {
                0 => MakeMmap(r, mapped, steps),
                1 => new ReadStep(at, r.Type == ValueType.U8 ? ValueType.UChar : r.Type),
                2 => new WriteStep(at, r.Type == ValueType.U32 ? ValueType.U32 : ValueType.U8, r.Type == ValueType.U32 ? r.C * 0x10001u : r.C & 0xff),
                3 => new MprotectStep(at with { Offset = r.A & ~0xfffUL }, r.B, r.Prot),
                4 => new MunmapStep(at with { Offset = r.A & ~0xfffUL }, r.B),
                5 => new CheckStep(name, r.Other == 0 ? r.Pattern : null),
                6 => new FdWriteStep(r.B, r.Pattern),
                7 => new FdReadStep(r.B),
                8 => new CheckBufferStep(r.Pattern),
                9 => new MapsStep(),
                10 => new ProcTotalStep(),
                11 => new CloseStep(),
                _ => new OpenStep(OpenModes[r.Other % OpenModes.Length]),
            };
            steps.Add(step);
        }

        return new Scenario
        {
            Name = "fuzz",
            Kernel = kernels[0],
            Kernels = kernels,
            Device = Scenario.DefaultDevice,
            Driver = driver,
            Steps = steps,
        };
    }

    /// <summary>An mmap of the next unused name (the language names each mapping once); a read when every name is used.</summary>
    private static Step MakeMmap(Raw r, List<string> mapped, IReadOnlyList<Step> earlier)
    {
        if (mapped.Count == Names.Length) return new ReadStep(new AddressRef(mapped[r.Name % mapped.Count], r.A), ValueType.Char);
        var name = Names[mapped.Count];
        var at = mapped[(int)(r.C % (uint)mapped.Count)];
        // MAP_FIXED (or MAP_FIXED_NOREPLACE) mostly with addr= at an existing mapping; sometimes without (address 0).
        // Without either, now and then a hint: just above an existing mapping, where the new one may merge with it (or
        // the kernel may merge it again after ->mmap), or at an offset into one, where the kernel searches elsewhere.
        AddressRef? address = (r.Flags & (MapFlags.Fixed | MapFlags.FixedNoReplace)) != 0
            ? (r.C % 4 != 0 ? new AddressRef(at, r.A & ~0xfffUL) : null)
            : r.C % 5 == 1
                ? new AddressRef(at, r.Other % 2 == 0 ? LengthOf(at, earlier) : r.A & ~0xfffUL)
                : null;
        mapped.Add(name);
        return new MmapStep(name, r.B, r.Prot, r.Flags, Page((int)(r.C % 3u)), address);
    }

    /// <summary>The page-aligned length the mmap step that named <paramref name="name"/> asked for.</summary>
    private static ulong LengthOf(string name, IReadOnlyList<Step> steps) =>
        PageGeometry.Align(steps.OfType<MmapStep>().Last(m => m.Name == name).Length);

    /// <summary>The first <paramref name="count"/> scenarios of the campaign with this seed (same seed, same scenarios), named fuzz-SEED-INDEX.</summary>
    public static IReadOnlyList<Scenario> Sample(ulong seed, int count, IReadOnlyList<KernelVersion> kernels, int size = 30)
    {
        if (count <= 0) return [];
        var rnd = new Rnd(seed);
        return Generate(kernels).Sample(count, rnd, size)
            .Select((s, i) => s with { Name = $"fuzz-{seed}-{i}" }).ToList();
    }
}
