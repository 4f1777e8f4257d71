using FsCheck;
using FsCheck.Fluent;
using Mmap.Exploration.Scope;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Exploration.Generators;
using Mmap.Properties.Tests.Runner;
using Mmap.Scenarios;
using Xunit;

namespace Mmap.Properties.Tests.Properties;

/// <summary>
/// The question's driver: every private mapping of ≥ 2 pages SIGBUSes on every page; the checked variant fails
/// mmap with EINVAL; each of the three fixes (MAP_SHARED, single-page private mappings, clearing VM_MAYWRITE)
/// makes every page read the fill pattern.
/// </summary>
public sealed class SeedDriverProperties
{
    /// <summary>Readable open modes and prots that include PROT_READ, within the seed driver's 16 pages.</summary>
    public static class SeedMappings
    {
        private static Gen<UserMapping> Generate(MapFlags type, int minPages, int maxPages) => Mappings.Generate(
            Gen.Elements(OpenFlags.ReadOnly, OpenFlags.ReadWrite), Gen.Constant(type),
            Gen.Elements(Prot.Read, Prot.Read | Prot.Write, Prot.Read | Prot.Exec), Gen.Choose(minPages, maxPages));

        public static Arbitrary<UserMapping> Private() => Arb.From(Generate(MapFlags.Private, 2, 16), m => Mappings.Shrink(m, minPages: 2).Where(s => s.Type == MapFlags.Private && (s.Prot & Prot.Read) != 0 && s.Open != OpenFlags.WriteOnly));
    }

    private static Scenario WithCheck(UserMapping mapping, DriverStrategy driver)
    {
        var scenario = new MappingCase(driver, mapping, UserAction.ReadEachPage).ToScenario();
        return scenario with { Steps = scenario.Steps.Append(new CheckStep("VA", null)).ToList() };
    }

    [Property(Arbitrary = [typeof(SeedMappings)])]
    public void EveryPrivateMultiPageMappingSigbusesOnEveryPage(UserMapping mapping)
    {
        var run = ScenarioRuns.Run(new MappingCase(DriverStrategy.Seed, mapping, UserAction.ReadEachPage).ToScenario());
        Assert.Equal("ok", ScenarioRuns.MmapOutcome(run));
        Assert.All(ScenarioRuns.Actuals<ReadStep>(run), actual => Assert.Equal("SIGBUS:ADRERR", actual));
    }

    [Property(Arbitrary = [typeof(SeedMappings)])]
    public void CheckedVariantFailsMmapWithEinval(UserMapping mapping)
    {
        var run = ScenarioRuns.Run(new MappingCase(DriverStrategy.Seed with { ChecksErrors = true }, mapping, UserAction.ReadEachPage).ToScenario());
        Assert.Equal("EINVAL", ScenarioRuns.MmapOutcome(run));
    }

    [Property(Arbitrary = [typeof(SeedMappings)])]
    public void FixMapSharedReadsTheFillOnEveryPage(UserMapping mapping)
    {
        var shared = mapping with { Type = MapFlags.Shared, Prot = mapping.Prot & ~Prot.Write };
        var run = ScenarioRuns.Run(WithCheck(shared, DriverStrategy.Seed));
        Assert.Equal("matched", ScenarioRuns.Actuals<CheckStep>(run).Single());
    }

    [Property(Arbitrary = [typeof(SeedMappings)])]
    public void FixSinglePagePrivateMappingsReadTheFill(UserMapping mapping)
    {
        var run = ScenarioRuns.Run(WithCheck(mapping with { Pages = 1 }, DriverStrategy.Seed));
        Assert.Equal("matched", ScenarioRuns.Actuals<CheckStep>(run).Single());
    }

    [Property(Arbitrary = [typeof(SeedMappings)])]
    public void FixClearMayWriteReadsTheFillOnEveryPage(UserMapping mapping)
    {
        var run = ScenarioRuns.Run(WithCheck(mapping, DriverStrategy.Seed with { ClearsMayWrite = true }));
        Assert.Equal("ok", ScenarioRuns.MmapOutcome(run));
        Assert.Equal("matched", ScenarioRuns.Actuals<CheckStep>(run).Single());
    }
}
