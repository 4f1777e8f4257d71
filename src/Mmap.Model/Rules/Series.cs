using Mmap.Model.Kernel;

namespace Mmap.Model.Rules;

/// <summary>Where the rules differ between the kernel series the model follows.</summary>
public static class Series
{
    /// <summary>
    /// 6.12 and later (every series after 6.1): MAP_ABOVE4G joins LEGACY_MAP_MASK (6.3, commit 94ba17adaba0) and
    /// calc_vm_flag_bits maps MAP_STACK to VM_NOHUGEPAGE under CONFIG_TRANSPARENT_HUGEPAGE (6.7, commit c4608d1bf7c6;
    /// =y in Debian's cloud configs).
    /// </summary>
    public static bool AtLeast6_12(KernelVersion version) => version.Has(KernelDeltas.MapAbove4G) && version.Has(KernelDeltas.MapStackNoHugePage);
}
