using Mmap.Audit.Analysis;
using Mmap.Model;
using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Syscalls;
using Mmap.Model.Tracing;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Audit.Verdicts;

/// <summary>What the audit concludes about a handler.</summary>
public enum VerdictStatus
{
    /// <summary>Classified and run through the model: no hazard.</summary>
    Clean,

    /// <summary>Classified and run through the model: at least one hazard.</summary>
    Hazardous,

    /// <summary>The extraction could not classify the handler.</summary>
    Unknown,

    /// <summary>Classified, but the model's driver vocabulary cannot express it.</summary>
    Unsupported,
}

/// <summary>A handler's strategy record, the model strategy it became and the hazards the model shows.</summary>
public sealed record HandlerVerdict(StrategyRecord Record, VerdictStatus Status, string? Reason, DriverStrategy? Strategy, IReadOnlyList<Hazard> Hazards, int Points);

/// <summary>
/// Runs a handler's strategy on the model over every way user space can map it: open mode × map type × prot ×
/// {1 page, N pages, longer than the buffer} × {pgoff 0, > 0}; after each successful mmap: read every page, write
/// the first page, and mprotect(PROT_READ|PROT_WRITE) then write. CoW and write guards in ->mmap are applied
/// before the model's mmap path runs the driver (the kernel calls ->mmap after its own checks, so the model first
/// runs the point without a driver to learn whether the kernel itself refuses it).
/// </summary>
public static class HazardEvaluator
{
    public static IReadOnlyList<int> PageCounts { get; } = [1, 4, ModelMapping.BufferPages + 1];

    public static IReadOnlyList<int> OffsetPages { get; } = [0, 2];

    private static readonly OpenFlags[] Opens = [OpenFlags.ReadOnly, OpenFlags.ReadWrite];
    private static readonly MapFlags[] Types = [MapFlags.Shared, MapFlags.Private];
    private static readonly Prot[] Prots = [Prot.Read, Prot.Read | Prot.Write];

    private const byte Stored = 0x5a;

    public static HandlerVerdict Evaluate(StrategyRecord record, KernelVersion version)
    {
        if (record.Unknown is { } why) return new(record, VerdictStatus.Unknown, why, null, [], 0);
        var (strategy, unsupported) = ModelMapping.ToStrategy(record);
        if (strategy is null) return new(record, VerdictStatus.Unsupported, unsupported, null, [], 0);

        var found = new Dictionary<(HazardKind, string), List<string>>();
        void Add(HazardKind kind, string detail, string call)
        {
            if (!found.TryGetValue((kind, detail), out var calls)) found[(kind, detail)] = calls = [];
            calls.Add(call);
        }

        var points = 0;
        var noDriver = strategy with { Method = MappingMethod.None, Limit = null };
        foreach (var open in Opens)
        foreach (var type in Types)
        foreach (var prot in Prots)
        foreach (var pages in PageCounts)
        foreach (var offset in OffsetPages)
        {
            points++;
            var call = $"{KernelNames.Spell(open)} {KernelNames.Spell(type)} {KernelNames.Spell(prot)} {pages}p @{offset}p";
            var request = new MmapRequest("VA", 0, (ulong)pages << PageGeometry.PageShift, prot, type, (ulong)offset << PageGeometry.PageShift);
            var insideBuffer = pages + offset <= ModelMapping.BufferPages;

            // The kernel's own checks: the same point with no ->mmap fails with ENODEV only when they all pass.
            var kernelOnly = Run(noDriver, version, open, request, _ => { });
            if (kernelOnly.Mmap.Error != Errno.ENODEV) continue;

            var guarded = type == MapFlags.Private && record.Guard is CowGuard.RejectsPrivate or CowGuard.RejectsCow
                          || (prot & Prot.Write) != 0 && record.RejectsWrite;
            if (guarded) continue; // ->mmap refuses it on purpose: mmap fails with the guard's errno, nothing is mapped

            // A driver that sets VM_SHARED on a private VMA maps it as a shared one: the kernel's checks above were the
            // private mapping's, the driver and the accesses then see a shared, writable-if-asked VMA (VM_MAYWRITE is
            // always set on a private VMA, so the fd's mode no longer matters).
            var (driverOpen, driverRequest) = type == MapFlags.Private && record.Guard == CowGuard.MakesShared
                ? (OpenFlags.ReadWrite, request with { Flags = MapFlags.Shared })
                : (open, request);

            // 1: read every page.
            var read = Run(strategy, version, driverOpen, driverRequest, m =>
            {
                for (var page = 0; page < pages && !m.Machine.IsDead; page++)
                {
                    var outcome = UserMemory.Read(m.Machine, m.Start + ((ulong)page << PageGeometry.PageShift), ValueType.Char, trace: false);
                    m.Accesses.Add(outcome);
                    if (outcome.Kind is not (OutcomeKind.Done or OutcomeKind.UnknownValue)) break;
                }
            });
            if (read.Mmap.KernelBug) Add(HazardKind.KernelBug, "BUG in ->mmap", call);
            if (read.Mmap.Error is { } errno)
            {
                if (insideBuffer) Add(HazardKind.MmapFails, $"mmap fails with {errno}", call);
                continue;
            }

            for (var page = 0; page < read.Accesses.Count; page++)
            {
                var access = read.Accesses[page];
                var where = page + offset < ModelMapping.BufferPages ? "inside the buffer" : "past the buffer's end";
                var pastEnd = page + offset >= ModelMapping.BufferPages;
                if (access.Kind == OutcomeKind.SigBus && pastEnd)
                {
                    // Past the buffer's end the model stops every strategy (README, "Simplifications"): no PTE, SIGBUS,
                    // which is what a fault handler that checks the offset gives (like a file mapped past its end).
                    // A driver that computes pfns or pages from a base without any length check maps whatever
                    // memory follows the buffer instead.
                    if (strategy.Method is not MappingMethod.Fault && !record.FaultChecksOffset)
                        Add(HazardKind.PtesBeyondBuffer, "no length check: the VMA's tail maps pfns computed past the buffer (the model leaves it unmapped and shows SIGBUS)", call);
                }
                else if (access.Kind == OutcomeKind.SigBus)
                {
                    Add(HazardKind.SigBus, $"reading a page {where} dies with SIGBUS", call);
                }

                if (access.Kind == OutcomeKind.KernelBug) Add(HazardKind.KernelBug, "BUG on the first read fault", call);
            }

            if (read.PtesBeyondBuffer > 0) Add(HazardKind.PtesBeyondBuffer, "PTEs map memory past the buffer", call);
            if (read.PtesBeyondVma > 0) Add(HazardKind.PtesBeyondBuffer, "PTEs outside the VMA", call);

            // 2: write the first page; 3: mprotect(PROT_READ|PROT_WRITE), then write it.
            foreach (var protectFirst in new[] { false, true })
            {
                var write = Run(strategy, version, driverOpen, driverRequest, m =>
                {
                    if (protectFirst && MprotectSyscall.Mprotect(m.Machine, m.Start, request.Length, Prot.Read | Prot.Write).Error is not null) return;
                    m.Accesses.Add(UserMemory.Write(m.Machine, m.Start, ValueType.U8, Stored, trace: false));
                });
                if (write.Accesses.Count == 0) continue;
                var outcome = write.Accesses[0];
                var label = protectFirst ? $"{call}, mprotect RW" : call;
                if (outcome.Kind == OutcomeKind.KernelBug) Add(HazardKind.KernelBug, "BUG on the first write fault", label);
                if (outcome.Kind == OutcomeKind.SigBus && offset < ModelMapping.BufferPages) Add(HazardKind.SigBus, "writing the first page dies with SIGBUS", label);
                var reachedDevice = write.DeviceWritten;
                var mayNotWrite = open == OpenFlags.ReadOnly || type == MapFlags.Private || (!protectFirst && (prot & Prot.Write) == 0);
                if (outcome.Kind == OutcomeKind.Done && reachedDevice && mayNotWrite)
                {
                    var through = type == MapFlags.Private ? "a private mapping" : open == OpenFlags.ReadOnly ? "an O_RDONLY fd" : "a PROT_READ mapping";
                    Add(HazardKind.DeviceWrite, $"a store through {through} reaches the device", label);
                }
            }
        }

        var hazards = found.Select(h => new Hazard(h.Key.Item1, h.Key.Item2, h.Value)).OrderBy(h => h.Kind).ThenBy(h => h.Detail, StringComparer.Ordinal).ToList();
        return new(record, hazards.Count == 0 ? VerdictStatus.Clean : VerdictStatus.Hazardous, null, strategy, hazards, points);
    }

    private sealed class RunState(Machine machine)
    {
        public Machine Machine { get; } = machine;
        public ulong Start { get; set; }
        public SyscallResult Mmap { get; set; }
        public List<AccessOutcome> Accesses { get; } = [];
        public int PtesBeyondBuffer { get; set; }
        public int PtesBeyondVma { get; set; }
        public bool DeviceWritten { get; set; }
    }

    private static RunState Run(DriverStrategy strategy, KernelVersion version, OpenFlags open, MmapRequest request, Action<RunState> actions)
    {
        var machine = new Machine(strategy, version, trace: Trace.Keeping());
        var state = new RunState(machine);
        DeviceFileSyscalls.Open(machine, open);
        state.Mmap = MmapSyscall.Mmap(machine, request);
        if (!state.Mmap.Succeeded) return state;
        state.Start = state.Mmap.Value;
        actions(state);
        foreach (var address in machine.Mm.PteAddressesIn(0, ulong.MaxValue))
        {
            if (machine.Mm.Find(address) is null) state.PtesBeyondVma++;
            else if (machine.Mm.PteAt(address) is { } pte && pte.Kind != Model.Mm.PteKind.Anonymous && machine.Buffer.IndexOf(pte.Pfn) < 0) state.PtesBeyondBuffer++;
        }

        for (var page = 0; page < machine.Buffer.PageCount; page++)
        {
            if (machine.Buffer.Read(page, 0) == Stored) state.DeviceWritten = true;
        }

        return state;
    }
}
