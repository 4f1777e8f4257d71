using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>The exec-time special mappings the model places (D6, D7).</summary>
public enum SystemMapping
{
    None,

    /// <summary>6.12's [vvar]: vvar_fault maps page 0 (the vvar data) and answers VM_FAULT_SIGBUS for the rest.</summary>
    Vvar,

    /// <summary>7.3's [vvar]: the generic vDSO data store, every page readable.</summary>
    VvarData,

    /// <summary>7.3's [vvar_vclock]: vvar_vclock_fault answers VM_FAULT_SIGBUS without a pvclock or Hyper-V clock.</summary>
    VvarVclock,

    /// <summary>[vdso]: the vDSO text, readable code.</summary>
    Vdso,
}

/// <summary>
/// The vDSO and its data pages where 6.12 and 7.3 put them at exec time: map_vdso(image, 0) takes them from
/// get_unmapped_area before the program runs, so they are the top of the mmap region and the program's first mapping
/// lies just below them (D6; the layout of 7.3: D7). 6.1 puts them above the stack, out of reach. Their contents are
/// the kernel's (the time data and the vDSO code): reads give values the model does not know (<c>?</c>). Their pfns
/// are model-only frames of unknown contents.
/// Sources: arch/x86/entry/vdso/vma.c map_vdso, vvar_fault (6.12), vvar_vclock_fault (7.3); lib/vdso/datastore.c
/// vdso_install_vvar_mapping (7.3); mm/mmap.c __install_special_mapping (6.12: "vm_flags | mm->def_flags |
/// VM_DONTEXPAND | VM_SOFTDIRTY"), special_mapping_split.
/// </summary>
public static class SystemMappings
{
    /// <summary>First model pfn of the system mappings' frames (unknown contents; below the zero page).</summary>
    public const ulong PfnBase = 0x7f0000;

    private const VmFlags Installed = VmFlags.DontExpand | VmFlags.SoftDirty;

    private const VmFlags VvarFlags = VmFlags.Read | VmFlags.MayRead | VmFlags.Io | VmFlags.DontDump | VmFlags.PfnMap | Installed;

    private const VmFlags DataFlags = VmFlags.Read | VmFlags.MayRead | VmFlags.DontDump | VmFlags.MixedMap | Installed;

    private const VmFlags TextFlags = VmFlags.Read | VmFlags.Exec | VmFlags.MayRead | VmFlags.MayWrite | VmFlags.MayExec | Installed;

    /// <summary>The mappings from the lowest address up, ending at mmap_base: (kind, pages, vm_flags).</summary>
    public static IReadOnlyList<(SystemMapping Kind, int Pages, VmFlags Flags)> Layout(KernelVersion version)
    {
        if (version.Has(KernelDeltas.VdsoDataStore))
            return [(SystemMapping.VvarData, 4, DataFlags), (SystemMapping.VvarVclock, 2, VvarFlags), (SystemMapping.Vdso, 2, TextFlags)];
        if (version.Has(KernelDeltas.VdsoInMmapRegion))
            return [(SystemMapping.Vvar, 4, VvarFlags), (SystemMapping.Vdso, 2, TextFlags)];
        return [];
    }

    /// <summary>arch_setup_additional_pages at exec: inserts the series' vDSO mappings just below mmap_base.</summary>
    public static void Install(AddressSpace mm)
    {
        var layout = Layout(mm.Kernel);
        var start = PageGeometry.MmapBase - (ulong)layout.Sum(m => m.Pages) * PageGeometry.PageSize;
        foreach (var (kind, pages, flags) in layout)
        {
            var end = start + (ulong)pages * PageGeometry.PageSize;
            mm.Insert(new Vma(start, end, flags, 0, VmOps.Special, null) { Label = Name(kind), System = kind });
            start = end;
        }
    }

    /// <summary>Whether a page of a system mapping can be read, or its fault handler answers VM_FAULT_SIGBUS.</summary>
    public static bool Readable(SystemMapping kind, ulong pageIndex) => kind switch
    {
        // vvar_fault: "if (sym_offset == image->sym_vvar_page) return vmf_insert_pfn(...)"; the pvclock and hvclock pages
        // need a paravirt clock the TCG CPU does not have, and the timens page a time namespace: VM_FAULT_SIGBUS.
        SystemMapping.Vvar => pageIndex == 0,
        SystemMapping.VvarData or SystemMapping.Vdso => true,
        _ => false,
    };

    public static string Name(SystemMapping kind) => kind switch
    {
        SystemMapping.Vvar or SystemMapping.VvarData => "[vvar]",
        SystemMapping.VvarVclock => "[vvar_vclock]",
        SystemMapping.Vdso => "[vdso]",
        _ => "",
    };
}
