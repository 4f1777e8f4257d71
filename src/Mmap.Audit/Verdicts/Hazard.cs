namespace Mmap.Audit.Verdicts;

/// <summary>The user-visible hazards the audit reports, one declaration for the table, JSON, HTML and README.</summary>
public enum HazardKind
{
    /// <summary>mmap fails inside the buffer for a call a correct driver accepts (a mapping call failed and the error was returned).</summary>
    MmapFails,

    /// <summary>mmap succeeds but an access to a page of the mapping dies with SIGBUS.</summary>
    SigBus,

    /// <summary>A store reaches the device buffer through a read-only mapping, a read-only fd or a private mapping.</summary>
    DeviceWrite,

    /// <summary>The kernel hits a BUG() (the process is killed, the kernel may oops).</summary>
    KernelBug,

    /// <summary>PTEs map memory past the end of the driver's buffer (or past the VMA).</summary>
    PtesBeyondBuffer,
}

public static class HazardKinds
{
    public static string Name(this HazardKind kind) => kind switch
    {
        HazardKind.MmapFails => "mmap-fails",
        HazardKind.SigBus => "sigbus",
        HazardKind.DeviceWrite => "device-write",
        HazardKind.KernelBug => "kernel-bug",
        HazardKind.PtesBeyondBuffer => "ptes-beyond-buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Description(this HazardKind kind) => kind switch
    {
        HazardKind.MmapFails => "mmap fails for a call inside the buffer (a mapping call failed)",
        HazardKind.SigBus => "a page of a successful mapping dies with SIGBUS",
        HazardKind.DeviceWrite => "a store reaches the device through a read-only mapping or fd, or a private mapping",
        HazardKind.KernelBug => "the kernel hits BUG()",
        HazardKind.PtesBeyondBuffer => "PTEs map memory past the end of the buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static HazardKind? Parse(string name) => Enum.GetValues<HazardKind>().Select(k => (HazardKind?)k).FirstOrDefault(k => k!.Value.Name() == name);
}

/// <summary>One hazard of a handler: what happens and for which user calls (open mode, map type, prot, pages, offset).</summary>
public sealed record Hazard(HazardKind Kind, string Detail, IReadOnlyList<string> Calls);
