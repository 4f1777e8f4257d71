using Mmap.Exploration.Checks;
using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Exploration.Generators;
using Mmap.Properties.Tests.Runner;
using Mmap.Scenarios;
using Xunit;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Properties.Tests.Properties;

/// <summary>
/// Model-based sequences: after every step of any syscall sequence the address-space invariants hold, a failed mmap
/// leaves no VMA and no PTE, private mappings never change the device buffer, and shared writes are visible through
/// a second shared mapping and through read().
/// </summary>
public sealed class StatefulProperties
{
    [Property(MaxTest = 300)]
    public void InvariantsHoldAfterEveryStep(SyscallSequence sequence)
    {
        var stepper = new SequenceStepper(sequence.ToScenario());
        foreach (var step in stepper.Steps())
        {
            var violations = StateInvariants.Check(stepper.Machine).ToList();
            Assert.True(violations.Count == 0, $"after '{step}': {string.Join("; ", violations)}");
            if (step.FailedMmap) Assert.True(step.PtesBefore == stepper.Machine.Mm.Ptes.Count && step.VmasBefore == stepper.Machine.Mm.Vmas.Count,
                $"the failed '{step}' changed the address space ({step.VmasBefore}→{stepper.Machine.Mm.Vmas.Count} VMAs, {step.PtesBefore}→{stepper.Machine.Mm.Ptes.Count} PTEs)");
        }
    }

    [Property(MaxTest = 300)]
    public void PrivateMappingsNeverChangeTheDeviceBuffer(SyscallSequence sequence)
    {
        // Only MAP_PRIVATE mappings, no write(2), and a driver that installs PTEs with the VMA's own protection.
        var calls = sequence.Calls.Where(c => c is not FdWriteCall).Select(c => c is MapCall m ? m with { Type = MapFlags.Private } : c).ToList();
        var driver = sequence.Driver with { Prot = RemapProt.VmPageProt };
        var stepper = new SequenceStepper((sequence with { Driver = driver, Calls = calls }).ToScenario());
        var before = Snapshot(stepper.Machine);
        foreach (var _ in stepper.Steps()) { }
        Assert.Equal(before, Snapshot(stepper.Machine));
    }

    private static string Snapshot(Model.Machine machine) => string.Join(" ", machine.Buffer.Pfns.Select(pfn =>
        string.Concat(Enumerable.Range(0, 4).Select(i => machine.Memory[pfn].Read(i)?.ToString("x2") ?? "??"))));

    [Property]
    public void SharedWritesAreVisibleThroughASecondSharedMappingAndRead(Mmap.Exploration.Scope.UserMapping mapping, byte value)
    {
        var pages = Math.Min(mapping.Pages, 16);
        var page = mapping.OffsetPages % pages;
        var driver = DriverStrategy.Seed with { Fops = FileOperationsKind.Lab, ChecksErrors = true };
        var at = new AddressRef("VA", (ulong)page << PageGeometry.PageShift);
        var scenario = new Scenario
        {
            Name = "shared-write",
            Driver = driver,
            Steps =
            [
                new OpenStep(OpenFlags.ReadWrite),
                new MmapStep("VA", (ulong)pages << 12, Prot.Read | Prot.Write, MapFlags.Shared, 0, null),
                new MmapStep("VB", (ulong)pages << 12, Prot.Read, MapFlags.Shared, 0, null),
                new WriteStep(at, ValueType.U8, value),
                new ReadStep(at with { Mapping = "VB" }, ValueType.UChar),
                new FdReadStep((ulong)pages << 12),
            ],
        };
        var run = ScenarioRuns.Run(scenario);
        Assert.Equal(value.ToString("x"), ScenarioRuns.Actuals<ReadStep>(run).Single());
        Assert.Equal(value, run.Machine.UserBuffer[page << PageGeometry.PageShift]);
    }
}
