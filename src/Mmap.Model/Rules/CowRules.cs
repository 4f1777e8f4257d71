using Mmap.Model.Kernel;

namespace Mmap.Model.Rules;

/// <summary>is_cow_mapping, written once (include/linux/mm.h, 6.1, 6.12, 7.3). R1.3.</summary>
public static class CowRules
{
    /// <summary>"return (flags &amp; (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE;"</summary>
    public static TB IsCowMapping<TW, TB>(TW vmFlags) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Eq(vmFlags & TW.Of((ulong)(VmFlags.Shared | VmFlags.MayWrite)), TW.Of((ulong)VmFlags.MayWrite));

    /// <summary>A driver's flag edit before it maps: "vma->vm_flags &amp;= ~VM_MAYWRITE" when <paramref name="clear"/> holds.</summary>
    public static TW ClearMayWrite<TW, TB>(TW vmFlags, TB clear) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Ite(clear, vmFlags & ~TW.Of((ulong)VmFlags.MayWrite), vmFlags);
}
