using Mmap.Model;
using Mmap.Model.Faults;
using Mmap.Model.Syscalls;
using Mmap.Scenarios;
using Mmap.Scenarios.Syntax;

namespace Mmap.Properties.Tests.Properties;

/// <summary>
/// Runs a scenario's program one step at a time on a machine the caller can inspect between steps, with the
/// runner's rules: a step on a mapping whose mmap failed does not run, nothing runs after a kernel BUG.
/// </summary>
public sealed class SequenceStepper(Scenario scenario)
{
    public sealed record StepRecord(Step Step, bool FailedMmap, int VmasBefore, int PtesBefore)
    {
        public override string ToString() => ScenarioWriter.StepText(Step);
    }

    private readonly Dictionary<string, ulong> _addresses = new();

    public Machine Machine { get; } = new(scenario.Driver, scenario.Kernel, scenario.Device);

    public IEnumerable<StepRecord> Steps()
    {
        foreach (var step in scenario.Steps)
        {
            if (Machine.IsDead) yield break;
            var vmas = Machine.Mm.Vmas.Count;
            var ptes = Machine.Mm.Ptes.Count;
            var failedMmap = Perform(step);
            yield return new StepRecord(step, failedMmap, vmas, ptes);
        }
    }

    /// <summary>Performs one step; true when it was an mmap that failed.</summary>
    private bool Perform(Step step)
    {
        switch (step)
        {
            case OpenStep o: DeviceFileSyscalls.Open(Machine, o.Flags); break;
            case CloseStep: DeviceFileSyscalls.Close(Machine); break;
            case MmapStep m:
                var result = MmapSyscall.Mmap(Machine, new MmapRequest(m.Name, 0, m.Length, m.Prot, m.Flags, m.Offset));
                if (result.Succeeded) _addresses[m.Name] = result.Value;
                else _addresses.Remove(m.Name);
                return !result.Succeeded && !result.KernelBug;
            case ReadStep r when Resolve(r.Address) is { } a: UserMemory.Read(Machine, a, r.Type); break;
            case WriteStep w when Resolve(w.Address) is { } a: UserMemory.Write(Machine, a, w.Type, w.Value); break;
            case MprotectStep p when Resolve(p.Address) is { } a: MprotectSyscall.Mprotect(Machine, a, p.Length, p.Prot); break;
            case MunmapStep u when Resolve(u.Address) is { } a: MunmapSyscall.Munmap(Machine, a, u.Length); break;
            case FdWriteStep fw: DeviceFileSyscalls.Write(Machine, fw.Length, fw.Pattern); break;
            case FdReadStep fr: DeviceFileSyscalls.Read(Machine, fr.Length); break;
        }

        return false;
    }

    private ulong? Resolve(AddressRef address) => _addresses.TryGetValue(address.Mapping, out var start) ? start + address.Offset : null;
}
