using FsCheck;
using FsCheck.Fluent;
using Mmap.Exploration.Scope;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Tracing;
using Mmap.Exploration.Generators;
using Mmap.Properties.Tests.Properties;
using Mmap.Properties.Tests.Runner;
using Xunit;

namespace Mmap.Properties.Tests.Corpus;

/// <summary>
/// Plausible but false conjectures, written as properties. FsCheck refutes each one; its shrunk counterexample is
/// committed as properties/counterexamples/prop-&lt;conjecture&gt;-&lt;seed&gt;.scenario and replayed on every run.
/// Each is a [Property] with a fixed seed, run by <see cref="RefutedConjectureTests"/> through
/// <see cref="Runner.PropertyHarness"/>; the class is not public, so xunit does not run them as (failing) tests.
/// </summary>
#pragma warning disable xUnit1000 // not public on purpose: these properties must fail, and are run only by the harness
internal static class RefutedConjectures
{
    /// <summary>The seed driver (or a variant) with readable mappings of 1..16 pages, read page by page.</summary>
    public static Arbitrary<MappingCase> SeedCases(DriverStrategy driver, Gen<OpenFlags> open) => Arb.From(
        from mapping in Mappings.Generate(open, KernelValues.MapTypeGen, Gen.Elements(Prot.Read, Prot.Read | Prot.Exec), Gen.Choose(1, 16))
        select new MappingCase(driver, mapping, UserAction.ReadEachPage),
        c => Mappings.Shrink(c.Mapping).Where(m => m.Open == c.Mapping.Open || m.Open != OpenFlags.WriteOnly)
            .Where(m => (m.Prot & Prot.Read) != 0).Select(m => c with { Mapping = m }));

    public static class ReadOnlyOpenCases
    {
        public static Arbitrary<MappingCase> Arbitrary() => SeedCases(DriverStrategy.Seed, Gen.Constant(OpenFlags.ReadOnly));
    }

    public static class CheckedPerPageCases
    {
        public static Arbitrary<MappingCase> Arbitrary() =>
            SeedCases(DriverStrategy.Seed with { ChecksErrors = true }, Gen.Elements(OpenFlags.ReadOnly, OpenFlags.ReadWrite));
    }

    /// <summary>"Opening the device O_RDONLY makes the mapping read-only, so it is not CoW." False: MAP_PRIVATE sets VM_MAYWRITE (R1.3).</summary>
    [Property(Replay = "1042259286202740444,6960674875900522285", Arbitrary = [typeof(ReadOnlyOpenCases)])]
    public static void ORdonlyImpliesNotCow(MappingCase readOnlyOpen)
    {
        var run = ScenarioRuns.Run(readOnlyOpen.ToScenario());
        var entered = run.Trace.Events.OfType<DriverMmapEntered>().SingleOrDefault();
        Assert.False(entered is not null && entered.Flags.IsCowMapping(), $"O_RDONLY, yet ->mmap saw CoW vm_flags {entered?.Flags.ToHex()}");
    }

    /// <summary>"Mapping page by page with remap_pfn_range works for every page count." False for a CoW VMA of ≥ 2 pages (R3.4).</summary>
    [Property(Replay = "12960043881813295928,8123790058743889009", Arbitrary = [typeof(CheckedPerPageCases)])]
    public static void PerPageWorksForEveryN(MappingCase checkedPerPage)
    {
        var run = ScenarioRuns.Run(checkedPerPage.ToScenario());
        Assert.True(ScenarioRuns.MmapOutcome(run) == "ok", $"mmap of {checkedPerPage.Mapping.Pages} pages failed with {ScenarioRuns.MmapOutcome(run)}");
    }

    /// <summary>Private mappings with a write access: the only cases the next conjecture is about.</summary>
    public static class PrivateWriteCases
    {
        public static Arbitrary<MappingCase> Arbitrary() => Arb.From(
            from driver in DriverStrategies.Generate(Gen.Elements(MappingMethod.RemapPerPage, MappingMethod.RemapWhole, MappingMethod.InsertPage, MappingMethod.Fault))
            from pages in Gen.Choose(1, 16)
            select new MappingCase(driver with { Limit = null, ClearsMayWrite = false }, new UserMapping(OpenFlags.ReadWrite, MapFlags.Private, Prot.Read | Prot.Write, pages, 0), UserAction.WriteFirstPage),
            c => DriverStrategies.Shrink(c.Driver).Select(d => c with { Driver = d with { Limit = null, ClearsMayWrite = false } })
                .Concat(Shrinking.Toward(c.Mapping.Pages, 1).Select(n => c with { Mapping = c.Mapping with { Pages = n } })));
    }

    /// <summary>"A write through a MAP_PRIVATE mapping never reaches the device buffer." False when the driver remaps with PAGE_SHARED (R5.6).</summary>
    [Property(Replay = "5944357845596753904,718246801934200545", Arbitrary = [typeof(PrivateWriteCases)])]
    public static void PrivateWritesNeverChangeTheDeviceBuffer(MappingCase privateWrite)
    {
        var run = ScenarioRuns.Run(privateWrite.ToScenario());
        var page = run.Machine.Memory[run.Machine.Buffer.Pfns[0]];
        Assert.True(page.Read(0) == 0xdd, $"the device buffer's first byte became {page.Read(0):x2} after a private write");
    }
}
