using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Oracle.Cases;
using Mmap.Oracle.Codegen;
using Mmap.Scenarios;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Oracle.Tests.Codegen;

public class GeneratedSourceTests
{
    private const string Hostile = "x\"); system(\"rm -rf /\"); /*";

    private static Scenario HostileScenario() => new()
    {
        Name = "evil_NAME_4711",
        Device = "/dev/evil\"$(reboot)`id`;DEVICE_MARKER",
        Driver = DriverStrategy.Seed,
        Steps =
        [
            new OpenStep(OpenFlags.ReadWrite),
            new MmapStep("MAPPING_MARKER", 0x3000, Prot.Read, MapFlags.Shared, 0, null),
            new ReadStep(new AddressRef("MAPPING_MARKER", 0x1000), ValueType.U32),
            new CheckStep("MAPPING_MARKER", [0xde, 0xad]),
            new MapsStep(),
        ],
    };

    [Fact]
    public void Generation_is_deterministic()
    {
        var cases = Fixtures.RecordedScenarioNames.Select(Fixtures.Load).Select(StepEncoder.Encode).ToList();
        Assert.Equal(ModuleSource.Generate(false), ModuleSource.Generate(false));
        Assert.Equal(ProgramSource.Generate(cases), ProgramSource.Generate(cases));
    }

    [Fact]
    public void No_scenario_text_reaches_the_generated_c()
    {
        var scenario = HostileScenario();
        var cases = new[] { StepEncoder.Encode(scenario) };
        foreach (var source in new[] { ModuleSource.Generate(false), ModuleSource.Generate(true), ProgramSource.Generate(cases) })
        {
            Assert.DoesNotContain("evil", source, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("MARKER", source, StringComparison.Ordinal);
            Assert.DoesNotContain("reboot", source, StringComparison.Ordinal);
            Assert.DoesNotContain("rm -rf", source, StringComparison.Ordinal);
        }
        Assert.Equal("MAPPING_MARKER", Assert.Single(cases[0].SlotNames));
        _ = Hostile;
    }

    [Fact]
    public void The_case_tables_hold_only_integers()
    {
        var cases = new[] { StepEncoder.Encode(HostileScenario()) };
        var program = ProgramSource.Generate(cases);
        var table = program[program.IndexOf("static const struct step steps[] = {", StringComparison.Ordinal)..program.IndexOf("static const struct pcase", StringComparison.Ordinal)];
        var stripped = table.Replace("static const struct step steps[] = {", "", StringComparison.Ordinal)
            .Replace("static const struct pat pats[] = {", "", StringComparison.Ordinal);
        // Rows name their members (".length = 0x3000UL") and ops by the generated OP_* macros; nothing else is text.
        foreach (var (name, _, _) in EncodedStep.Fields) stripped = stripped.Replace("." + name + " =", "", StringComparison.Ordinal);
        foreach (var name in new[] { "len", "bytes" }) stripped = stripped.Replace("." + name + " =", "", StringComparison.Ordinal);
        foreach (var op in Enum.GetValues<StepOp>()) stripped = stripped.Replace("OP_" + CNames.UpperSnake(op.ToString()), "", StringComparison.Ordinal);
        Assert.Matches(@"^[\s{}(),;0-9a-fxUL]*$", stripped);
    }

    [Fact]
    public void Each_kernel_uses_its_own_vm_flags_api()
    {
        var cases = new[] { StepEncoder.Encode(HostileScenario()) };
        var v61 = ModuleSource.Generate(vmFlagsHelpers: false);
        var v612 = ModuleSource.Generate(vmFlagsHelpers: true);
        Assert.Contains("((vma)->vm_flags &= ~(f))", v61, StringComparison.Ordinal);
        Assert.DoesNotContain("vm_flags_clear", v61, StringComparison.Ordinal);
        Assert.Contains("vm_flags_clear((vma), (f))", v612, StringComparison.Ordinal);
        Assert.Contains("vm_flags_set((vma), (f))", v612, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_with_the_same_buffer_share_it()
    {
        var a = StepEncoder.Encode(HostileScenario());
        var b = StepEncoder.Encode(HostileScenario() with { Driver = DriverStrategy.Seed with { Buffer = Mmap.Model.Memory.BufferKind.Kmalloc } });
        var pool = new BufferPool([a, a, b]);
        Assert.Equal(2, pool.Buffers.Count);
        Assert.Equal([0, 0, 1], pool.BufferOfCase);
    }

    [Fact]
    public void Out_of_range_values_are_rejected_not_generated()
    {
        var big = HostileScenario() with { Driver = DriverStrategy.Seed with { Pages = 5000 } };
        var error = Assert.Throws<OracleException>(() => StepEncoder.Encode(big));
        Assert.Equal(OracleFailure.Unsupported, error.Failure);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Steps_are_encoded_with_slots_and_raw_flag_values()
    {
        var encoded = StepEncoder.Encode(HostileScenario());
        Assert.Equal(new EncodedStep(StepOp.Open) { Flags = 2 }, encoded.Steps[0]);
        Assert.Equal(new EncodedStep(StepOp.Mmap) { Slot = 0, Length = 0x3000, Prot = 1, Flags = 1 }, encoded.Steps[1]);
        Assert.Equal(new EncodedStep(StepOp.Read) { Slot = 0, Offset = 0x1000, Type = (int)ValueType.U32 }, encoded.Steps[2]);
        Assert.Equal(StepOp.Check, encoded.Steps[3].Op);
        Assert.Equal([0xde, 0xad], encoded.Patterns[0]);
        Assert.Equal([0xdd, 0xcc, 0xbb, 0xaa], encoded.Driver.Fill);
        Assert.Equal((int)MappingMethod.RemapPerPage, encoded.Driver.Method);
    }
}
