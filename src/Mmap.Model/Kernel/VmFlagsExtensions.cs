namespace Mmap.Model.Kernel;

public static class VmFlagsExtensions
{
    /// <summary>
    /// <c>is_cow_mapping</c>: <c>(flags &amp; (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE</c>.
    /// Source: include/linux/mm.h is_cow_mapping (6.1 and 6.12). Reference R1.3.
    /// </summary>
    public static bool IsCowMapping(this VmFlags flags) => Rules.CowRules.IsCowMapping<Rules.Word, Rules.Bit>(Rules.Word.Of((ulong)flags));

    public static bool Has(this VmFlags flags, VmFlags bits) => (flags & bits) == bits;

    public static bool HasAny(this VmFlags flags, VmFlags bits) => (flags & bits) != 0;

    /// <summary>Renders as the kernel prints vm_flags in hex: <c>0x71</c>.</summary>
    public static string ToHex(this VmFlags flags) => "0x" + ((ulong)flags).ToString("x");

    /// <summary>
    /// smaps <c>VmFlags:</c> mnemonics in bit order.
    /// Source: fs/proc/task_mmu.c show_smap_vma_flags (6.1). Reference R8.2.
    /// </summary>
    public static string ToMnemonics(this VmFlags flags)
    {
        var names = new List<string>();
        foreach (var (bit, name) in Mnemonics)
        {
            if ((flags & bit) != 0)
            {
                names.Add(name);
            }
        }

        return string.Join(' ', names);
    }

    private static readonly (VmFlags Bit, string Name)[] Mnemonics =
    [
        (VmFlags.Read, "rd"), (VmFlags.Write, "wr"), (VmFlags.Exec, "ex"), (VmFlags.Shared, "sh"),
        (VmFlags.MayRead, "mr"), (VmFlags.MayWrite, "mw"), (VmFlags.MayExec, "me"), (VmFlags.MayShare, "ms"),
        (VmFlags.GrowsDown, "gd"), (VmFlags.PfnMap, "pf"), (VmFlags.Locked, "lo"), (VmFlags.Io, "io"),
        (VmFlags.SeqRead, "sr"), (VmFlags.RandRead, "rr"), (VmFlags.DontCopy, "dc"), (VmFlags.DontExpand, "de"),
        (VmFlags.Account, "ac"), (VmFlags.NoReserve, "nr"), (VmFlags.HugeTlb, "ht"), (VmFlags.Sync, "sf"),
        (VmFlags.Pat, "ar"), (VmFlags.WipeOnFork, "wf"), (VmFlags.DontDump, "dd"), (VmFlags.SoftDirty, "sd"),
        (VmFlags.MixedMap, "mm"), (VmFlags.HugePage, "hg"), (VmFlags.NoHugePage, "nh"), (VmFlags.Mergeable, "mg"),
        (VmFlags.UffdMissing, "um"), (VmFlags.UffdWp, "uw"),
    ];
}
