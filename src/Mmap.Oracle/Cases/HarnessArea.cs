using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Scenarios;
using Mmap.Scenarios.Running;

namespace Mmap.Oracle.Cases;

/// <summary>
/// The part of the address space a scenario's steps may touch on the real kernel, so that no step can reach the
/// harness. The harness keeps nothing in the top-down mmap area (see mmapv_run.c clear_mmap_area: its data lives in
/// the static binary's segments and brk heap near 4 MiB, the transport's counter at
/// <see cref="Logs.RecordTransport.SequenceCounterAddress"/>), and above mmap_base the kernel leaves at least 128 MiB
/// unmapped before the stack. Every address a step names — an mmap's hint or fixed address, an mprotect or munmap
/// range, a read or write — is resolved as the model resolves it (the kernel places mappings as the model does,
/// relative to mmap_base) and must lie within [mmap_base − <see cref="Below"/>, mmap_base + <see cref="Above"/>);
/// a scenario with a step outside is refused before the run, with the reason.
/// </summary>
public static class HarnessArea
{
    /// <summary>How far below mmap_base a step may reach: far above the counter page and the binary, far below the top.</summary>
    public const ulong Below = 64UL << 40;

    /// <summary>How far above mmap_base a step may reach: less than the kernel's smallest gap below the stack (128 MiB).</summary>
    public const ulong Above = 64UL << 20;

    public static ulong Low => PageGeometry.MmapBase - Below;

    public static ulong High => PageGeometry.MmapBase + Above;

    /// <summary>Null when every step stays inside the area, else the reason the scenario is refused.</summary>
    public static string? Refusal(Scenario scenario)
    {
        // Without hints and fixed addresses every mapping lies below mmap_base (top-down), so an address within Above of
        // its mapping's start is inside: no need to run the model.
        if (scenario.Steps.All(s => s is not MmapStep m || (m.Address is null && (m.Flags & (MapFlags.Fixed | MapFlags.FixedNoReplace)) == 0))
            && scenario.Steps.All(s => Reach(s) <= Above))
            return null;

        IReadOnlyDictionary<string, ulong> addresses;
        try
        {
            addresses = ScenarioRunner.Run(scenario).MappingAddresses;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return null; // the model cannot run it: the oracle reports that on its own
        }

        foreach (var step in scenario.Steps)
        {
            var (address, length) = step switch
            {
                MmapStep { Address: null } m when (m.Flags & (MapFlags.Fixed | MapFlags.FixedNoReplace)) != 0 => (0UL, m.Length),
                MmapStep { Address: { } a } m => (Resolve(a), m.Length),
                MprotectStep p => (Resolve(p.Address), p.Length),
                MunmapStep u => (Resolve(u.Address), u.Length),
                ReadStep r => (Resolve(r.Address), (ulong)r.Type.Size()),
                WriteStep w => (Resolve(w.Address), (ulong)w.Type.Size()),
                _ => ((ulong?)null, 0UL),
            };
            if (address is not { } start) continue;
            var end = start + Math.Max(length, 1);
            if (start < Low || end < start || end > High)
                return $"line {step.Line}: {Mmap.Scenarios.Syntax.ScenarioWriter.StepText(step)} reaches {Relative(start)}, outside the area a step may touch on the real kernel "
                       + $"(mmap_base − {Below >> 40} TiB .. mmap_base + {Above >> 20} MiB; the harness lives outside it)";
        }

        return null;

        ulong? Resolve(AddressRef a) => addresses.TryGetValue(a.Mapping, out var b) ? b + a.Offset : null;
    }

    /// <summary>How far past its mapping's start a step reaches (0 for steps without an address).</summary>
    private static ulong Reach(Step step) => step switch
    {
        MprotectStep p => Sum(p.Address.Offset, p.Length),
        MunmapStep u => Sum(u.Address.Offset, u.Length),
        ReadStep r => Sum(r.Address.Offset, (ulong)r.Type.Size()),
        WriteStep w => Sum(w.Address.Offset, (ulong)w.Type.Size()),
        _ => 0,
    };

    private static string Relative(ulong address) =>
        address >= PageGeometry.MmapBase ? $"mmap_base+0x{address - PageGeometry.MmapBase:x}" : $"mmap_base-0x{PageGeometry.MmapBase - address:x}";

    private static ulong Sum(ulong a, ulong b) => a > ulong.MaxValue - b ? ulong.MaxValue : a + b;
}
