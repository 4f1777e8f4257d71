using FsCheck;
using FsCheck.Fluent;
using Mmap.Exploration.Scope;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Scenarios;

namespace Mmap.Exploration.Generators;

/// <summary>
/// The arbitraries every [Property] gets (FsCheck picks one per parameter type): kernel values, mappings,
/// driver strategies, mapping cases, syscall sequences and parser inputs, each with a shrinker.
/// </summary>
public static class MmapArbitraries
{
    public static Arbitrary<VmFlags> VmFlags() => KernelValues.VmFlagsArbitrary();

    public static Arbitrary<Prot> Prot() => Arb.From(KernelValues.ProtGen, KernelValues.ShrinkProt);

    public static Arbitrary<MapFlags> MapType() => Arb.From(KernelValues.MapTypeGen, KernelValues.ShrinkMapType);

    public static Arbitrary<OpenFlags> OpenMode() => Arb.From(KernelValues.OpenGen, KernelValues.ShrinkOpen);

    public static Arbitrary<UserMapping> UserMapping() => Mappings.Arbitrary();

    public static Arbitrary<DriverStrategy> DriverStrategy() => DriverStrategies.Arbitrary();

    public static Arbitrary<MappingCase> MappingCase() => Arb.From(
        from driver in DriverStrategies.AnyGen
        from mapping in Mappings.AnyGen
        from action in Gen.Elements(Enum.GetValues<UserAction>())
        select new MappingCase(driver, mapping, action),
        c => DriverStrategies.Shrink(c.Driver).Select(d => c with { Driver = d })
            .Concat(Mappings.Shrink(c.Mapping).Select(m => c with { Mapping = m }))
            .Concat(c.Action == UserAction.ReadEachPage ? [] : [c with { Action = UserAction.ReadEachPage }]));

    public static Arbitrary<SyscallSequence> SyscallSequence() => Sequences.Arbitrary();

    public static Arbitrary<ScenarioText> ScenarioText() => ScenarioTexts.Arbitrary();
}
