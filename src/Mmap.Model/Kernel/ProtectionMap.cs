namespace Mmap.Model.Kernel;

/// <summary>
/// <c>vm_get_page_prot</c>: <c>protection_map[vm_flags &amp; (VM_READ|VM_WRITE|VM_EXEC|VM_SHARED)]</c>.
/// Indexed by VM_SHARED, not VM_MAYSHARE; x86 adds the VMA's protection key to the PTE bits ("val |= (vm_flags &amp;
/// VM_PKEY_BIT0 ? _PAGE_PKEY_BIT0 : 0) | …" under CONFIG_X86_INTEL_MEMORY_PROTECTION_KEYS).
/// Source: arch/x86/mm/pgprot.c vm_get_page_prot, mm/mmap.c. R1.4.
/// </summary>
public static class ProtectionMap
{
    public static PageProt VmGetPageProt(VmFlags flags)
    {
        var key = ProtectionKeys.Of(flags);
        return key == 0 ? ProtectionMapEntry(flags) : ProtectionMapEntry(flags).WithPkey(key);
    }

    /// <summary>protection_map[vm_flags &amp; (VM_READ|VM_WRITE|VM_EXEC|VM_SHARED)].</summary>
    private static PageProt ProtectionMapEntry(VmFlags flags)
    {
        var shared = (flags & VmFlags.Shared) != 0;
        var read = (flags & VmFlags.Read) != 0;
        var write = (flags & VmFlags.Write) != 0;
        var exec = (flags & VmFlags.Exec) != 0;
        if (!read && !write && !exec)
        {
            return PageProt.None;
        }

        if (exec)
        {
            return write && shared ? PageProt.SharedExec : PageProt.ReadOnlyExec;
        }

        return write && shared ? PageProt.Shared : PageProt.ReadOnly;
    }
}
