using System.Globalization;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Matrix;

/// <summary>
/// The generated conformance matrix: every mapping strategy × open mode × map type × prot ×
/// {1, 2, 16, 17} pages × {0, 1, 3} page offsets × {read all, write page 0, mprotect RW}.
/// The driver is the lab's 16-page buffer with "dd cc bb aa i" at every page start, checking errors and
/// honouring vm_pgoff, so offsets and lengths past the buffer are exercised. Deterministic order.
/// </summary>
public static class ConformanceMatrix
{
    public const int BufferPages = 16;

    /// <summary>A mapping strategy: how ->mmap maps, and the buffer it is naturally used with.</summary>
    public sealed record Strategy(string Name, MappingMethod Method, BufferKind Buffer);

    public static IReadOnlyList<Strategy> Strategies { get; } =
    [
        new("remap-whole", MappingMethod.RemapWhole, BufferKind.Kmalloc),
        new("remap-per-page", MappingMethod.RemapPerPage, BufferKind.Vmalloc),
        new("insert-page", MappingMethod.InsertPage, BufferKind.Vmalloc),
        new("map-pages", MappingMethod.MapPages, BufferKind.Vmalloc),
        new("fault", MappingMethod.Fault, BufferKind.Vmalloc),
        new("fault-pfn", MappingMethod.FaultPfn, BufferKind.Vmalloc),
    ];

    public static IReadOnlyList<(string Name, OpenFlags Flags)> OpenModes { get; } =
        [("rdonly", OpenFlags.ReadOnly), ("wronly", OpenFlags.WriteOnly), ("rdwr", OpenFlags.ReadWrite)];

    public static IReadOnlyList<(string Name, MapFlags Flags)> MapTypes { get; } =
        [("shared", MapFlags.Shared), ("private", MapFlags.Private)];

    public static IReadOnlyList<(string Name, Prot Prot)> Prots { get; } =
        [("r", Prot.Read), ("rw", Prot.Read | Prot.Write)];

    public static IReadOnlyList<int> PageCounts { get; } = [1, 2, 16, 17];

    public static IReadOnlyList<int> PageOffsets { get; } = [0, 1, 3];

    public enum Action
    {
        ReadAll,
        WritePage0,
        MprotectRw,
    }

    public static IReadOnlyList<(string Name, Action Action)> Actions { get; } =
        [("read-all", Action.ReadAll), ("write0", Action.WritePage0), ("mprotect-rw", Action.MprotectRw)];

    public static int Count => Strategies.Count * OpenModes.Count * MapTypes.Count * Prots.Count * PageCounts.Count * PageOffsets.Count * Actions.Count;

    /// <summary>Every scenario of the matrix for one kernel version.</summary>
    public static IEnumerable<Scenario> Generate(KernelVersion kernel = KernelVersion.Linux6_1)
    {
        foreach (var strategy in Strategies)
        foreach (var open in OpenModes)
        foreach (var type in MapTypes)
        foreach (var prot in Prots)
        foreach (var pages in PageCounts)
        foreach (var offset in PageOffsets)
        foreach (var action in Actions)
            yield return Build(kernel, strategy, open, type, prot, pages, offset, action);
    }

    public static DriverStrategy Driver(Strategy strategy) => new()
    {
        Buffer = strategy.Buffer,
        Pages = BufferPages,
        Fill = new FillPattern([0xdd, 0xcc, 0xbb, 0xaa, null]),
        Limit = null,
        Method = strategy.Method,
        Prot = RemapProt.VmPageProt,
        ChecksErrors = true,
        Pgoff = PgoffPolicy.Honour,
        ClearsMayWrite = false,
        Fops = FileOperationsKind.None,
    };

    private static Scenario Build(
        KernelVersion kernel, Strategy strategy, (string Name, OpenFlags Flags) open, (string Name, MapFlags Flags) type,
        (string Name, Prot Prot) prot, int pages, int offset, (string Name, Action Action) action)
    {
        const ulong page = 0x1000;
        var va = new AddressRef("VA", 0);
        var steps = new List<Step>
        {
            new OpenStep(open.Flags),
            new MmapStep("VA", (ulong)pages * page, prot.Prot, type.Flags, (ulong)offset * page, null),
        };
        switch (action.Action)
        {
            case Action.ReadAll:
                for (var i = 0; i < pages; i++) steps.Add(new ReadStep(new AddressRef("VA", (ulong)i * page), ValueType.UChar));
                break;
            case Action.WritePage0:
                steps.Add(new WriteStep(va, ValueType.U8, 0x5a));
                steps.Add(new ReadStep(va, ValueType.UChar));
                break;
            case Action.MprotectRw:
                steps.Add(new MprotectStep(va, (ulong)pages * page, Prot.Read | Prot.Write));
                steps.Add(new WriteStep(va, ValueType.U8, 0x5a));
                steps.Add(new ReadStep(va, ValueType.UChar));
                break;
        }
        steps.Add(new MapsStep());
        var name = string.Join('-', "m", strategy.Name, open.Name, type.Name, prot.Name,
            pages.ToString(CultureInfo.InvariantCulture) + "p", "off" + offset.ToString(CultureInfo.InvariantCulture), action.Name);
        return new Scenario
        {
            Name = name,
            Kernel = kernel,
            Device = "/dev/mymmap",
            Driver = Driver(strategy),
            Steps = steps,
        };
    }
}
