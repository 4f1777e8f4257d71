using Mmap.Exploration.Checks;
using Mmap.Exploration.Scope;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;
using Mmap.Exploration.Generators;
using Mmap.Properties.Tests.Runner;
using Xunit;

namespace Mmap.Properties.Tests.Properties;

/// <summary>
/// The core claim at model level (R3.4, R9.1): per-page remap_pfn_range of every page of an N ≥ 2 page VMA succeeds
/// exactly when the VMA is not CoW; N = 1 always succeeds; a whole-VMA remap succeeds for every VMA mmap produces.
/// </summary>
public sealed class CoreClaimProperties
{
    private const ulong Start = 0x7f0000000000UL;

    private static (int Succeeded, int Pages) RemapEachPage(VmFlags flags, int pages)
    {
        var mm = new AddressSpace();
        var vma = new Vma(Start, Start + ((ulong)pages << PageGeometry.PageShift), flags, 0, VmOps.Dummy, null);
        var succeeded = 0;
        for (var i = 0; i < pages; i++)
        {
            var r = RemapPfnRange.Call(mm, vma, vma.Start + ((ulong)i << PageGeometry.PageShift), 0x100000UL + (ulong)i * 0x1000, PageGeometry.PageSize, PageProt.ReadOnly);
            if (r.Code == 0) succeeded++;
        }

        return (succeeded, pages);
    }

    [Property]
    public void PerPageRemapOfEveryPageSucceedsIffNotCow(VmFlags flags, UserMapping mapping)
    {
        var pages = Math.Max(2, mapping.Pages);
        var (succeeded, _) = RemapEachPage(flags, pages);
        var cow = ReferenceRules.IsCow((ulong)flags);
        Assert.True((succeeded == pages) == !cow, $"vm_flags={flags.ToHex()} CoW={cow}: {succeeded}/{pages} per-page calls succeeded");
        Assert.True(!cow || succeeded == 0, $"a CoW VMA accepted a partial remap ({succeeded}/{pages})");
    }

    [Property]
    public bool SinglePageRemapAlwaysSucceeds(VmFlags flags) => RemapEachPage(flags, 1).Succeeded == 1;

    [Property]
    public void WholeVmaRemapSucceedsForEveryMmapProducedVma(UserMapping mapping)
    {
        var driver = new NamedDriver("whole", "remap-whole", NamedDriver.Find("remap-whole")!.Strategy);
        var evaluation = Mmap.Exploration.Evaluation.PointEvaluator.Evaluate(new ScopePoint(driver, mapping, UserAction.ReadEachPage));
        var remaps = evaluation.Machine.Trace.Events.OfType<RemapPfnRangeCalled>().ToList();
        var reachedDriver = evaluation.Machine.Trace.Events.OfType<DriverMmapEntered>().Any();
        Assert.Equal(reachedDriver ? 1 : 0, remaps.Count);
        Assert.All(remaps, r => Assert.Equal(0, r.Result));
        Assert.Equal(reachedDriver, evaluation.Mmap.Succeeded);
    }
}
