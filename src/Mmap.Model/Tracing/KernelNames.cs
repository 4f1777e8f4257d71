using Mmap.Model.Driver;
using Mmap.Model.Kernel;

namespace Mmap.Model.Tracing;

/// <summary>The C spellings of constants, as a kernel or C programmer writes them.</summary>
public static class KernelNames
{
    public static string Spell(Prot prot)
    {
        if (prot == Kernel.Prot.None) return "PROT_NONE";
        var parts = new List<string>();
        if ((prot & Kernel.Prot.Read) != 0) parts.Add("PROT_READ");
        if ((prot & Kernel.Prot.Write) != 0) parts.Add("PROT_WRITE");
        if ((prot & Kernel.Prot.Exec) != 0) parts.Add("PROT_EXEC");
        if ((prot & Kernel.Prot.Sem) != 0) parts.Add("PROT_SEM");
        if ((prot & Kernel.Prot.GrowsDown) != 0) parts.Add("PROT_GROWSDOWN");
        if ((prot & Kernel.Prot.GrowsUp) != 0) parts.Add("PROT_GROWSUP");
        var rest = (uint)prot & ~0x0300000fu;
        if (rest != 0) parts.Add("0x" + rest.ToString("x"));
        return string.Join('|', parts);
    }

    private static readonly (Kernel.MapFlags Flag, string Name)[] MapFlagNames =
    [
        (Kernel.MapFlags.Fixed, "MAP_FIXED"), (Kernel.MapFlags.Anonymous, "MAP_ANONYMOUS"), (Kernel.MapFlags.Map32Bit, "MAP_32BIT"),
        (Kernel.MapFlags.GrowsDown, "MAP_GROWSDOWN"), (Kernel.MapFlags.DenyWrite, "MAP_DENYWRITE"),
        (Kernel.MapFlags.Executable, "MAP_EXECUTABLE"), (Kernel.MapFlags.Locked, "MAP_LOCKED"),
        (Kernel.MapFlags.NoReserve, "MAP_NORESERVE"), (Kernel.MapFlags.Populate, "MAP_POPULATE"),
        (Kernel.MapFlags.NonBlock, "MAP_NONBLOCK"), (Kernel.MapFlags.Stack, "MAP_STACK"), (Kernel.MapFlags.HugeTlb, "MAP_HUGETLB"),
        (Kernel.MapFlags.Sync, "MAP_SYNC"), (Kernel.MapFlags.FixedNoReplace, "MAP_FIXED_NOREPLACE"),
        (Kernel.MapFlags.Uninitialized, "MAP_UNINITIALIZED"),
    ];

    public static IReadOnlyList<(Kernel.MapFlags Flag, string Name)> MapFlagSpellings => MapFlagNames;

    /// <summary>The map types (the values of <c>flags &amp; MAP_TYPE</c>) that have a name.</summary>
    private static readonly (Kernel.MapFlags Type, string Name)[] MapTypeNames =
    [
        (Kernel.MapFlags.Shared, "MAP_SHARED"), (Kernel.MapFlags.Private, "MAP_PRIVATE"),
        (Kernel.MapFlags.SharedValidate, "MAP_SHARED_VALIDATE"), (Kernel.MapFlags.Droppable, "MAP_DROPPABLE"),
    ];

    public static IReadOnlyList<(Kernel.MapFlags Type, string Name)> MapTypeSpellings => MapTypeNames;

    public static string Spell(MapFlags flags)
    {
        var parts = new List<string>();
        var type = flags & Kernel.MapFlags.TypeMask;
        parts.Add(MapTypeNames.FirstOrDefault(t => t.Type == type).Name ?? "0x" + ((uint)type).ToString("x"));
        var rest = flags & ~Kernel.MapFlags.TypeMask;
        foreach (var (flag, name) in MapFlagNames)
        {
            if ((rest & flag) != 0)
            {
                parts.Add(name);
                rest &= ~flag;
            }
        }

        if (rest != 0) parts.Add("0x" + ((uint)rest).ToString("x"));
        return string.Join('|', parts);
    }

    public static string Spell(OpenFlags flags)
    {
        var mode = (flags & Kernel.OpenFlags.AccessModeMask) switch
        {
            Kernel.OpenFlags.ReadOnly => "O_RDONLY",
            Kernel.OpenFlags.WriteOnly => "O_WRONLY",
            Kernel.OpenFlags.ReadWrite => "O_RDWR",
            _ => "3",
        };
        return (flags & Kernel.OpenFlags.Sync) == Kernel.OpenFlags.Sync ? mode + "|O_SYNC" : mode;
    }

    /// <summary>A kernel-style return: 0, or -EINVAL for a negative errno.</summary>
    public static string Result(long result) =>
        result < 0 && Enum.IsDefined(typeof(Errno), (int)-result) ? "-" + ((Errno)(int)-result) : result.ToString();

    public static string Spell(RemapProt prot) => prot == Driver.RemapProt.PageShared ? "PAGE_SHARED" : "vm_page_prot";

    /// <summary>
    /// The kernel's name of every <see cref="VmFlags"/> bit (include/linux/mm.h). The oracle's C checks each
    /// value against the kernel headers at build time; <see cref="SpellVmFlags"/> joins them in this order.
    /// </summary>
    public static IReadOnlyList<(VmFlags Flag, string Name)> VmFlagSpellings { get; } =
    [
        (VmFlags.Read, "VM_READ"), (VmFlags.Write, "VM_WRITE"), (VmFlags.Exec, "VM_EXEC"), (VmFlags.Shared, "VM_SHARED"),
        (VmFlags.MayRead, "VM_MAYREAD"), (VmFlags.MayWrite, "VM_MAYWRITE"), (VmFlags.MayExec, "VM_MAYEXEC"),
        (VmFlags.MayShare, "VM_MAYSHARE"), (VmFlags.GrowsDown, "VM_GROWSDOWN"), (VmFlags.Locked, "VM_LOCKED"),
        (VmFlags.Io, "VM_IO"), (VmFlags.PfnMap, "VM_PFNMAP"), (VmFlags.DontExpand, "VM_DONTEXPAND"), (VmFlags.DontDump, "VM_DONTDUMP"),
        (VmFlags.SeqRead, "VM_SEQ_READ"), (VmFlags.RandRead, "VM_RAND_READ"), (VmFlags.DontCopy, "VM_DONTCOPY"),
        (VmFlags.LockOnFault, "VM_LOCKONFAULT"), (VmFlags.Account, "VM_ACCOUNT"), (VmFlags.NoReserve, "VM_NORESERVE"),
        (VmFlags.HugeTlb, "VM_HUGETLB"), (VmFlags.Sync, "VM_SYNC"), (VmFlags.Pat, "VM_PAT"), (VmFlags.WipeOnFork, "VM_WIPEONFORK"),
        (VmFlags.SoftDirty, "VM_SOFTDIRTY"), (VmFlags.MixedMap, "VM_MIXEDMAP"), (VmFlags.HugePage, "VM_HUGEPAGE"),
        (VmFlags.NoHugePage, "VM_NOHUGEPAGE"), (VmFlags.Mergeable, "VM_MERGEABLE"), (VmFlags.UffdMissing, "VM_UFFD_MISSING"),
        (VmFlags.UffdWp, "VM_UFFD_WP"),
    ];

    /// <summary>vm_flags as C ORs their names ("VM_IO|VM_PFNMAP"); unnamed bits in hex.</summary>
    public static string SpellVmFlags(VmFlags flags)
    {
        var parts = new List<string>();
        foreach (var (flag, name) in VmFlagSpellings)
        {
            if ((flags & flag) == 0) continue;
            parts.Add(name);
            flags &= ~flag;
        }

        if (flags != 0 || parts.Count == 0) parts.Add("0x" + ((ulong)flags).ToString("x"));
        return string.Join('|', parts);
    }

    public static string Hex(ulong value) => "0x" + value.ToString("x");
}
