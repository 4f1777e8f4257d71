using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Rules;
using Mmap.Model.Tracing;

namespace Mmap.Model.Driver;

/// <summary>vm_fault_t results the model distinguishes.</summary>
public enum VmFault
{
    /// <summary>0: the handler set vmf->page.</summary>
    Page,

    /// <summary>VM_FAULT_NOPAGE: the handler installed the PTE itself.</summary>
    NoPage,

    /// <summary>VM_FAULT_SIGBUS.</summary>
    SigBus,

    /// <summary>Not a vm_fault_t: the handler hit a BUG_ON (already recorded on the machine); the task is dead.</summary>
    Bug,
}

/// <summary>
/// vmf_insert_pfn(vma, addr, pfn): for ->fault handlers of VM_PFNMAP VMAs.
/// Source: mm/memory.c vmf_insert_pfn, vmf_insert_pfn_prot, insert_pfn (6.1). R4.4.
/// </summary>
public static class VmfInsertPfn
{
    public static VmFault Call(AddressSpace mm, Vma vma, ulong address, ulong pfn)
    {
        if (BugOn(vma) is { } bug) throw new KernelBugException(bug.Function, bug.Condition);
        return Insert(mm, vma, address, pfn);
    }

    /// <summary>vmf_insert_pfn past its BUG_ONs, for a caller that has asked <see cref="BugOn"/> itself.</summary>
    public static VmFault Insert(AddressSpace mm, Vma vma, ulong address, ulong pfn)
    {
        // "if (addr < vma->vm_start || addr >= vma->vm_end) return VM_FAULT_SIGBUS;"
        if (address < vma.Start || address >= vma.End) return VmFault.SigBus;

        // insert_pfn: an already-present PTE is left alone (no BUG, no error).
        if (mm.PteAt(address) is null)
        {
            mm.SetPte(address, new Pte(pfn, vma.PageProt, PteKind.Special));
        }

        return VmFault.NoPage;
    }

    /// <summary>
    /// The first of vmf_insert_pfn_prot's BUG_ONs that fires for <paramref name="vma"/>, or null. Callers on the
    /// fault path ask first, so a BUG there is reported without unwinding.
    /// </summary>
    public static KernelBugHit? BugOn(Vma vma)
    {
        // The BUG_ONs in order are the generic rule (Rules/InsertRules.VmfInsertPfnBugOn); every pfn the model maps is RAM (pfn_valid).
        return InsertRules.VmfInsertPfnBugOn<Word, Bit>(Word.Of((ulong)vma.Flags), Bit.True).Value switch
        {
            1 => new("vmf_insert_pfn_prot", "!(vm_flags & (VM_PFNMAP|VM_MIXEDMAP))"),
            2 => new("vmf_insert_pfn_prot", "both VM_PFNMAP and VM_MIXEDMAP"),
            3 => new("vmf_insert_pfn_prot", "VM_PFNMAP && is_cow_mapping(vm_flags)"),
            4 => new("vmf_insert_pfn_prot", "VM_MIXEDMAP && pfn_valid(pfn)"),
            _ => null,
        };
    }
}
