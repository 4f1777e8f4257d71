using System.Globalization;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Matrix;

/// <summary>
/// The generated conformance matrix: every driver knob (mapping method × buffer kind × prot passed × error
/// checking × vm_pgoff handling × VM_MAYWRITE clearing, with the lab's read/write file operations on every other
/// driver) against every open mode × map type × user prot × mapping shape, each running one program that
/// reads every page, writes every page, mprotects to read-write and back to read-only, unmaps a middle page,
/// makes a second mapping, writes and reads through the fd, and prints its maps.
/// A knob is varied only where the driver's code reads it (the prot passed only by the remap methods,
/// error checking only where ->mmap calls something that can fail), so no two drivers are the same program.
/// Deterministic order; <see cref="Slice"/> picks an evenly spread subset.
/// </summary>
public static class ConformanceMatrix
{
    public const int BufferPages = 16;

    private const ulong Page = 0x1000;

    /// <summary>One driver of the matrix, with the short name used in scenario names.</summary>
    public sealed record Driver(string Name, DriverStrategy Strategy);

    /// <summary>A mapping: length in pages and the page offset it starts at.</summary>
    public sealed record Shape(string Name, int Pages, int Offset);

    public static IReadOnlyList<(string Name, OpenFlags Flags)> OpenModes { get; } =
        [("rdonly", OpenFlags.ReadOnly), ("wronly", OpenFlags.WriteOnly), ("rdwr", OpenFlags.ReadWrite)];

    public static IReadOnlyList<(string Name, MapFlags Flags)> MapTypes { get; } =
        [("shared", MapFlags.Shared), ("private", MapFlags.Private)];

    public static IReadOnlyList<(string Name, Prot Prot)> Prots { get; } =
        [("none", Prot.None), ("r", Prot.Read), ("w", Prot.Write), ("rw", Prot.Read | Prot.Write)];

    /// <summary>One page; two pages (the seed's CoW boundary); two pages starting one page in; one page longer than the buffer.</summary>
    public static IReadOnlyList<Shape> Shapes { get; } =
        [new("1p", 1, 0), new("2p", 2, 0), new("2p-off1", 2, 1), new("17p", BufferPages + 1, 0)];

    /// <summary>Every driver of the matrix: each mapping method with every knob it reads.</summary>
    public static IReadOnlyList<Driver> Drivers { get; } = BuildDrivers();

    public static int Count => Drivers.Count * OpenModes.Count * MapTypes.Count * Prots.Count * Shapes.Count;

    /// <summary>Every scenario of the matrix for one kernel version.</summary>
    public static IEnumerable<Scenario> Generate(KernelVersion kernel = KernelVersion.Linux6_1)
    {
        foreach (var driver in Drivers)
        foreach (var open in OpenModes)
        foreach (var type in MapTypes)
        foreach (var prot in Prots)
        foreach (var shape in Shapes)
            yield return Build(kernel, driver, open, type, prot, shape);
    }

    /// <summary>Every <paramref name="step"/>-th scenario of the matrix (a step prime to the dimensions spreads it over every knob).</summary>
    public static IEnumerable<Scenario> Slice(int step, KernelVersion kernel = KernelVersion.Linux6_1) =>
        Generate(kernel).Where((_, i) => i % step == 0);

    private static List<Driver> BuildDrivers()
    {
        var drivers = new List<Driver>();
        foreach (var method in Enum.GetValues<MappingMethod>())
        {
            var remaps = method is MappingMethod.RemapWhole or MappingMethod.RemapPerPage;
            var canFail = method is not (MappingMethod.Fault or MappingMethod.FaultPfn or MappingMethod.None);
            var mmaps = method != MappingMethod.None;
            foreach (var buffer in Buffers(method))
            foreach (var prot in remaps ? [RemapProt.VmPageProt, RemapProt.PageShared] : new[] { RemapProt.VmPageProt })
            foreach (var checks in canFail ? [true, false] : new[] { true })
            foreach (var pgoff in mmaps ? [PgoffPolicy.Ignore, PgoffPolicy.Honour] : new[] { PgoffPolicy.Ignore })
            foreach (var clears in mmaps ? [false, true] : new[] { false })
            {
                var fops = drivers.Count % 2 == 0 ? FileOperationsKind.None : FileOperationsKind.Lab;
                var strategy = new DriverStrategy
                {
                    Buffer = buffer,
                    Pages = BufferPages,
                    Fill = new FillPattern([0xdd, 0xcc, 0xbb, 0xaa, null]),
                    Limit = null,
                    Method = method,
                    Prot = prot,
                    ChecksErrors = checks,
                    Pgoff = pgoff,
                    ClearsMayWrite = clears,
                    Fops = fops,
                };
                var name = string.Join('.',
                    MethodName(method),
                    buffer == BufferKind.Kmalloc ? "km" : "vm",
                    prot == RemapProt.PageShared ? "ps" : "vp",
                    checks ? "chk" : "ign",
                    pgoff == PgoffPolicy.Honour ? "pg" : "p0",
                    clears ? "nomw" : "mw",
                    fops == FileOperationsKind.Lab ? "fops" : "nofops");
                drivers.Add(new Driver(name, strategy));
            }
        }
        return drivers;
    }

    /// <summary>
    /// The buffers a method is tried with. A whole-VMA remap of a vmalloc buffer maps the pages physically after its
    /// first page, which are not the buffer's: what they hold, and whether they happen to be other buffer pages
    /// (vmalloc often takes pages in descending physical order), depends on the allocator. The model reads them as
    /// unknown (<c>?</c>) but cannot know which buffer pages a write through them changes, so the matrix leaves that
    /// driver bug to the corpus and the exhaustive check.
    /// </summary>
    /// A <c>->fault</c> handler that returns a kmalloc page with get_page() is wrong on 7.3, where kmalloc memory is
    /// frozen (refcount 0): the fault takes the count to 1 and the unmap frees the page under kmalloc (mm/slub.c
    /// ___kmalloc_large_node, alloc_frozen_pages), a use-after-free that can corrupt later cases of the same boot. The
    /// matrix tries ->fault with vmalloc buffers only (README, known deviations).
    private static BufferKind[] Buffers(MappingMethod method) => method switch
    {
        MappingMethod.None or MappingMethod.Fault => [BufferKind.Vmalloc],
        MappingMethod.RemapWhole => [BufferKind.Kmalloc],
        _ => [BufferKind.Kmalloc, BufferKind.Vmalloc],
    };

    private static string MethodName(MappingMethod method) => Vocabulary.KeyOf(Vocabulary.Methods, method);

    private static Scenario Build(
        KernelVersion kernel, Driver driver, (string Name, OpenFlags Flags) open, (string Name, MapFlags Flags) type,
        (string Name, Prot Prot) prot, Shape shape)
    {
        AddressRef Va(int page) => new("VA", (ulong)page * Page);
        var length = (ulong)shape.Pages * Page;
        var steps = new List<Step>
        {
            new OpenStep(open.Flags),
            new MmapStep("VA", length, prot.Prot, type.Flags, (ulong)shape.Offset * Page, null),
        };
        for (var i = 0; i < shape.Pages; i++) steps.Add(new ReadStep(Va(i), ValueType.UChar));
        for (var i = 0; i < shape.Pages; i++) steps.Add(new WriteStep(Va(i), ValueType.U8, 0x5a));
        steps.Add(new ReadStep(Va(0), ValueType.UChar));
        steps.Add(new MapsStep());
        steps.Add(new MprotectStep(Va(0), length, Prot.Read | Prot.Write));
        steps.Add(new WriteStep(Va(0), ValueType.U8, 0x6b));
        steps.Add(new ReadStep(Va(0), ValueType.UChar));
        steps.Add(new MprotectStep(Va(0), length, Prot.Read));
        steps.Add(new ReadStep(Va(shape.Pages - 1), ValueType.UChar));
        if (shape.Pages > 1)
        {
            steps.Add(new MunmapStep(Va(shape.Pages / 2), Page));
            steps.Add(new ReadStep(Va(0), ValueType.UChar));
        }
        steps.Add(new MmapStep("VB", Page, Prot.Read, MapFlags.Shared, 0, null));
        steps.Add(new ReadStep(new AddressRef("VB", 0), ValueType.UChar));
        steps.Add(new MapsStep());
        steps.Add(new FdWriteStep(Page, [0x11, 0x22]));
        steps.Add(new FdReadStep(Page));
        steps.Add(new ReadStep(new AddressRef("VB", 0), ValueType.UChar));
        var name = string.Join('-', "m", driver.Name, open.Name, type.Name, prot.Name, shape.Name);
        return new Scenario
        {
            Name = name,
            Kernel = kernel,
            Device = "/dev/mymmap",
            Driver = driver.Strategy,
            Steps = steps,
        };
    }
}
