using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Rules;
using Mmap.Model.Tracing;

namespace Mmap.Model.Faults;

/// <summary>
/// The x86 user page-fault path: find the VMA, check access against its flags, then let the core MM
/// resolve the PTE (anonymous fault, ->fault, SIGBUS, write-protect / CoW).
/// Source: arch/x86/mm/fault.c do_user_addr_fault, access_error; mm/memory.c handle_pte_fault,
/// do_anonymous_page, do_fault, do_read_fault, do_cow_fault, do_shared_fault, do_wp_page,
/// wp_page_copy, wp_pfn_shared, vm_normal_page (6.1). R5.1–R5.5.
/// </summary>
public static class PageFaultHandler
{
    /// <summary>Handles a fault at <paramref name="address"/>; Done means the access can be retried.</summary>
    public static (OutcomeKind Kind, string? Why) Handle(Machine machine, ulong address, bool write)
    {
        var mm = machine.Mm;
        var vma = mm.Find(address);
        // "if (unlikely(!vma)) { bad_area(regs, error_code, address); ...}" → SEGV_MAPERR
        if (vma is null) return (OutcomeKind.SigSegvMapErr, "no VMA here");

        // access_error: "if (!arch_vma_access_permitted(vma, (error_code & X86_PF_WRITE), (error_code & X86_PF_INSTR),
        // foreign)) return 1;" comes before the VM_WRITE check, and bad_area_access_error → bad_area_access_from_pkeys
        // reports it as SEGV_PKUERR: a data access to an execute-only VMA (the PKRU denies its key).
        if (!ProtectionKeys.AllowsDataAccess(vma.Flags))
            return (OutcomeKind.SigSegvPkuErr, $"execute-only VMA: protection key {ProtectionKeys.Of(vma.Flags)} denies data access (arch/x86/mm/fault.c access_error)");

        var pte = mm.PteAt(address);
        if (AccessError(vma, write, pte))
            return (OutcomeKind.SigSegvAccErr, machine.Trace.WhyVmaForbids(vma.Flags));

        // handle_mm_fault → sanitize_fault_flags (6.12 and later): "if (WARN_ON_ONCE(!(vma->vm_flags & VM_MAYWRITE)))
        // return VM_FAULT_SIGSEGV;" for a write fault; mm_fault_error turns VM_FAULT_SIGSEGV into SEGV_MAPERR.
        if (write && (vma.Flags & VmFlags.MayWrite) == 0 && mm.Reaches(KernelDeltas.SanitizeFaultFlags))
        {
            // sanitize_fault_flags is inlined: the kernel names handle_mm_fault in its WARNING line.
            if (machine.WarnOnce(WarningSite.SanitizeFaultFlags))
                machine.Trace.Warning("mm/memory.c", "handle_mm_fault", "sanitize_fault_flags: WARN_ON_ONCE(!(vma->vm_flags & VM_MAYWRITE))");
            return (OutcomeKind.SigSegvMapErr, "write fault in a VMA without VM_MAYWRITE: sanitize_fault_flags (6.12+)");
        }

        var page = address & PageGeometry.PageMask;
        if (pte is null)
        {
            if (vma.IsShmem) return ShmemFault(machine, vma, page, write);
            return vma.IsAnonymous ? AnonymousFault(machine, vma, page, write) : FileFault(machine, vma, page, write);
        }

        return write ? WriteProtectFault(machine, vma, page, pte.Value) : (OutcomeKind.Done, null);
    }

    /// <summary>
    /// access_error: a write needs VM_WRITE; a protection fault on a read is an error; a read needs one
    /// of VM_READ|VM_WRITE|VM_EXEC.
    /// </summary>
    private static bool AccessError(Vma vma, bool write, Pte? pte)
    {
        // The generic rule (Rules/FaultRules.AccessError); X86_PF_PROT on a read: a present but unreadable PTE.
        var protFault = pte is { } p && !p.Prot.UserReadable && p.Prot != PageProt.None;
        return FaultRules.AccessError<Word, Bit>(Word.Of((ulong)vma.Flags), Bit.Of(write), Bit.Of(protFault));
    }

    /// <summary>do_anonymous_page: read maps the zero page, write a new zeroed anonymous page.</summary>
    private static (OutcomeKind, string?) AnonymousFault(Machine machine, Vma vma, ulong page, bool write)
    {
        if (!write)
        {
            machine.Mm.SetPte(page, new Pte(Memory.PhysicalMemory.ZeroPfn, PageProt.ReadOnly, PteKind.Special));
            return (OutcomeKind.Done, null);
        }

        machine.Mm.PrepareAnonVma(vma);
        var pfn = machine.Memory.AllocateAnonymous();
        machine.Mm.SetPte(page, new Pte(pfn, vma.PageProt.WithWrite(), PteKind.Anonymous));
        return (OutcomeKind.Done, null);
    }

    /// <summary>
    /// do_fault → shmem_fault for a shared anonymous VMA (mm/shmem.c shmem_fault, shmem_get_folio_gfp): the page cache
    /// page of the shmem file at that offset, allocated zeroed on first use, then do_read_fault / do_shared_fault map it
    /// (writable only on a write). The VMA is always VM_SHARED, so no CoW; the page stays the file's, and a read never
    /// maps the zero page.
    /// </summary>
    private static (OutcomeKind, string?) ShmemFault(Machine machine, Vma vma, ulong page, bool write)
    {
        var pfn = machine.Memory.AllocateAnonymous();
        var prot = write ? vma.PageProt.WithWrite() : vma.PageProt;
        machine.Mm.SetPte(page, new Pte(pfn, prot, PteKind.Anonymous));
        return (OutcomeKind.Done, null);
    }

    /// <summary>do_fault: no ->fault means SIGBUS; otherwise read, CoW or shared fault.</summary>
    private static (OutcomeKind, string?) FileFault(Machine machine, Vma vma, ulong page, bool write)
    {
        if (vma.Ops != VmOps.DriverFault)
        {
            // do_fault: "if (!vma->vm_ops->fault) { ... if (unlikely(pte_none(*vmf->pte))) ret = VM_FAULT_SIGBUS;"
            return (OutcomeKind.SigBus, "no PTE and no ->fault handler (mm/memory.c do_fault)");
        }

        var (result, pfn) = machine.Driver.Fault(vma, page);
        switch (result)
        {
            case VmFault.SigBus:
                return (OutcomeKind.SigBus, "->fault returned VM_FAULT_SIGBUS");
            case VmFault.Bug:
                return (OutcomeKind.KernelBug, null);
            case VmFault.NoPage:
                return (OutcomeKind.Done, null);
        }

        if (write && (vma.Flags & VmFlags.Shared) == 0)
        {
            // do_cow_fault: copy vmf->page into a new anonymous page, map it writable.
            machine.Mm.PrepareAnonVma(vma);
            var copy = machine.Memory.AllocateAnonymous();
            machine.Memory[copy].CopyFrom(machine.Memory[pfn]);
            machine.Mm.SetPte(page, new Pte(copy, vma.PageProt.WithWrite(), PteKind.Anonymous));
            return (OutcomeKind.Done, "do_cow_fault: private copy, the device page is unchanged");
        }

        // do_read_fault / do_shared_fault → finish_fault: map vmf->page; writable only when shared and writing.
        var prot = write ? vma.PageProt.WithWrite() : vma.PageProt;
        machine.Mm.SetPte(page, new Pte(pfn, prot, PteKind.Page));
        return (OutcomeKind.Done, null);
    }

    /// <summary>do_wp_page: a write to a present read-only PTE in a VM_WRITE VMA.</summary>
    private static (OutcomeKind, string?) WriteProtectFault(Machine machine, Vma vma, ulong page, Pte pte)
    {
        if (pte.Prot.UserWritable) return (OutcomeKind.Done, null);

        // "if ((vma->vm_flags & (VM_WRITE|VM_SHARED)) == (VM_WRITE|VM_SHARED))": wp_pfn_shared / wp_page_shared
        // make the existing PTE writable.
        if (vma.Flags.Has(VmFlags.Write | VmFlags.Shared))
        {
            machine.Mm.SetPte(page, pte with { Prot = pte.Prot.WithWrite() });
            return (OutcomeKind.Done, "shared VMA: the PTE becomes writable");
        }

        if (pte.Kind == PteKind.Anonymous)
        {
            // An exclusive anonymous page is reused in place.
            machine.Mm.SetPte(page, pte with { Prot = pte.Prot.WithWrite() });
            return (OutcomeKind.Done, null);
        }

        // wp_page_copy: vm_normal_page() is NULL for a special PTE; __wp_page_copy_user copies the 4 KiB
        // through the read-only mapping either way. The device page is never modified.
        machine.Mm.PrepareAnonVma(vma);
        var copy = machine.Memory.AllocateAnonymous();
        machine.Memory[copy].CopyFrom(machine.Memory[pte.Pfn]);
        machine.Mm.SetPte(page, new Pte(copy, vma.PageProt.WithWrite(), PteKind.Anonymous));
        return (OutcomeKind.Done, "CoW: private copy, the device page is unchanged");
    }

    /// <summary>
    /// mm_populate → __mm_populate (mm/gup.c; the same in 6.1, 6.12, 7.3) for the mmap'd range [start, end) of one VMA
    /// (the new one, or the neighbour it merged into): populate_vma_page_range prefaults
    /// its pages in order through __get_user_pages, with FOLL_WRITE for a private writable VMA ("if ((vma->vm_flags &amp;
    /// (VM_WRITE | VM_SHARED)) == VM_WRITE) gup_flags |= FOLL_WRITE;"). __get_user_pages stops at the first page whose
    /// fault fails and returns the pages done ("return i ? i : ret;"); __mm_populate then starts again at that page
    /// ("nend = nstart + ret * PAGE_SIZE;"), and when that fails at once it gives up on the VMA ("if (ignore_errors)
    /// { ret = 0; continue; }"): a failing page is faulted twice unless it is the first. check_vma_flags refuses the
    /// whole VMA with -EFAULT when its protection key denies the access (arch_vma_access_permitted): an execute-only
    /// VMA is never populated.
    /// </summary>
    /// <returns>False if a kernel BUG killed the task on the way.</returns>
    public static bool Populate(Machine machine, Vma vma, ulong start, ulong end)
    {
        if (!ProtectionKeys.AllowsDataAccess(vma.Flags)) return true;
        var write = (vma.Flags & (VmFlags.Write | VmFlags.Shared)) == VmFlags.Write;
        while (start < end)
        {
            var (failed, kind) = GetUserPages(machine, start, end, write);
            if (kind == OutcomeKind.KernelBug) return false;
            // "if (ret < 0) { if (ignore_errors) { ret = 0; continue; } }": the failing page was the first one.
            if (failed is not { } at || at == start) return true;
            start = at;
        }

        return true;
    }

    /// <summary>
    /// populate_vma_page_range(vma, start, end) once, as mprotect_fixup calls it: nothing for VM_LOCKONFAULT, a VMA
    /// check_vma_flags refuses (VM_IO|VM_PFNMAP, or a protection key that denies the access), then __get_user_pages
    /// up to the first page whose fault fails.
    /// </summary>
    /// <returns>False if a kernel BUG killed the task on the way.</returns>
    public static bool PopulateRange(Machine machine, Vma vma, ulong start, ulong end)
    {
        if ((vma.Flags & VmFlags.LockOnFault) != 0 || (vma.Flags & (VmFlags.Io | VmFlags.PfnMap)) != 0
            || !ProtectionKeys.AllowsDataAccess(vma.Flags)) return true;
        var write = (vma.Flags & (VmFlags.Write | VmFlags.Shared)) == VmFlags.Write;
        return GetUserPages(machine, start, end, write).Kind != OutcomeKind.KernelBug;
    }

    /// <summary>__get_user_pages over [start, end): the first page whose fault does not complete, and how it ended.</summary>
    private static (ulong? Failed, OutcomeKind Kind) GetUserPages(Machine machine, ulong start, ulong end, bool write)
    {
        for (var page = start; page < end; page += PageGeometry.PageSize)
        {
            if (machine.Mm.PteAt(page) is not null && !write) continue;
            var kind = Handle(machine, page, write).Kind;
            if (kind != OutcomeKind.Done) return (page, kind);
        }

        return (null, OutcomeKind.Done);
    }
}
