using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;

namespace Mmap.Model.Syscalls;

/// <summary>
/// mprotect(2). Asking for R, W or X without the matching VM_MAY* bit is EACCES; that is how a
/// MAP_SHARED mapping of an O_RDONLY fd, or a VMA whose driver cleared VM_MAYWRITE, stays read-only.
/// Not atomic: VMAs already changed keep the new protection when a later one fails.
/// Source: mm/mprotect.c do_mprotect_pkey, mprotect_fixup, change_protection (6.1); arch/x86/mm/pkeys.c
/// __arch_override_mprotect_pkey for the execute-only key (see <see cref="ProtectionKeys"/>). R6.1.
/// </summary>
public static class MprotectSyscall
{
    public static SyscallResult Mprotect(Machine machine, ulong start, ulong length, Prot prot)
    {
        var (result, why) = Apply(machine, start, length, prot);
        machine.Trace.Mprotect(start, length, prot, result, why);
        return result;
    }

    private static (SyscallResult, string?) Apply(Machine machine, ulong start, ulong length, Prot prot)
    {
        var mm = machine.Mm;
        var grows = prot & (Prot.GrowsDown | Prot.GrowsUp);
        prot &= ~(Prot.GrowsDown | Prot.GrowsUp);
        // "if (grows == (PROT_GROWSDOWN|PROT_GROWSUP)) return -EINVAL;"
        if (grows == (Prot.GrowsDown | Prot.GrowsUp)) return (SyscallResult.Fail(Errno.EINVAL), null);
        // "if (start & ~PAGE_MASK) return -EINVAL;"
        if (!PageGeometry.IsAligned(start)) return (SyscallResult.Fail(Errno.EINVAL), null);
        // "if (!len) return 0;"
        if (length == 0) return (SyscallResult.Ok(), null);
        // "len = PAGE_ALIGN(len); end = start + len; if (end <= start) return -ENOMEM;"
        var end = unchecked(start + PageGeometry.Align(length));
        if (end <= start) return (SyscallResult.Fail(Errno.ENOMEM), null);
        // arch_validate_prot: "(prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_SEM)) == 0"
        if ((prot & ~(Prot.Read | Prot.Write | Prot.Exec | Prot.Sem)) != 0) return (SyscallResult.Fail(Errno.EINVAL), null);

        var vma = mm.FindFrom(start);
        // "if (!vma) goto out;" with error = -ENOMEM
        if (vma is null) return (SyscallResult.Fail(Errno.ENOMEM), "no VMA at or after the start");
        if ((grows & Prot.GrowsDown) != 0)
        {
            // "if (!(vma->vm_flags & VM_GROWSDOWN)) goto out;" with error = -EINVAL
            if (vma.Start >= end) return (SyscallResult.Fail(Errno.ENOMEM), null);
            start = vma.Start;
            if ((vma.Flags & VmFlags.GrowsDown) == 0) return (SyscallResult.Fail(Errno.EINVAL), null);
        }
        else if (vma.Start > start)
        {
            return (SyscallResult.Fail(Errno.ENOMEM), "the range starts in a hole");
        }

        var newVmFlagsBase = prot.ToVmFlags();
        var cursor = start;
        while (true)
        {
            // "new_vma_pkey = arch_override_mprotect_pkey(vma, prot, pkey);" (pkey = -1: plain mprotect)
            // "newflags = calc_vm_prot_bits(prot, new_vma_pkey); newflags |= (vma->vm_flags & ~mask_off_old_flags);"
            var newVmaPkey = ProtectionKeys.ForMprotect(vma.Flags, prot);
            var newFlags = newVmFlagsBase | ProtectionKeys.Bits(newVmaPkey) | (vma.Flags & ~VmFlagMasks.MprotectMaskOff);
            // "if ((newflags & ~(newflags >> 4)) & VM_ACCESS_FLAGS) { error = -EACCES; break; }"
            if ((((ulong)newFlags & ~((ulong)newFlags >> 4)) & (ulong)VmFlagMasks.Access) != 0)
            {
                return (SyscallResult.Fail(Errno.EACCES), machine.Trace.WhyMprotectNeedsMay(prot, vma.Flags));
            }

            var pieceEnd = Math.Min(vma.End, end);
            var error = Fixup(machine, vma, cursor, pieceEnd, newFlags, out var merged);
            if (error is { } e) return (SyscallResult.Fail(e), null);

            // "if (nstart < prev->vm_end) nstart = prev->vm_end;": the piece may have merged with the next VMA.
            cursor = Math.Max(pieceEnd, merged?.End ?? pieceEnd);
            if (cursor >= end) return (SyscallResult.Ok(), null);
            // "if (!vma || vma->vm_start != nstart) { error = -ENOMEM; break; }"
            vma = mm.FindFrom(cursor);
            if (vma is null || vma.Start != cursor) return (SyscallResult.Fail(Errno.ENOMEM), "a hole inside the range");
        }
    }

    /// <summary>mprotect_fixup: split to [start, end), set the flags, rewrite every present PTE.</summary>
    private static Errno? Fixup(Machine machine, Vma vma, ulong start, ulong end, VmFlags newFlags, out Vma? merged)
    {
        merged = null;
        var mm = machine.Mm;
        // "if (newflags == oldflags) { *pprev = vma; return 0; }": no PTE rewrite.
        if (newFlags == vma.Flags) return null;

        // Making a private mapping writable charges it: "if (newflags & VM_WRITE) { … if (!(oldflags & (VM_ACCOUNT|VM_WRITE|
        // VM_HUGETLB|VM_SHARED|VM_NORESERVE))) { … newflags |= VM_ACCOUNT; } }" (6.1 mm/mprotect.c 592; 6.12 652; 7.3 811).
        if ((newFlags & VmFlags.Write) != 0
            && (vma.Flags & (VmFlags.Account | VmFlags.Write | VmFlags.HugeTlb | VmFlags.Shared | VmFlags.NoReserve)) == 0)
        {
            newFlags |= VmFlags.Account;
        }
        // 6.12 and 7.3 give the charge back when a never-written anonymous VMA stops being writable: "} else if
        // ((oldflags & VM_ACCOUNT) && vma_is_anonymous(vma) && !vma->anon_vma) newflags &= ~VM_ACCOUNT;" (D7). The bit
        // is compared by vma_merge, so the read-only piece may now join a neighbour that was never accounted.
        else if ((newFlags & VmFlags.Write) == 0 && (vma.Flags & VmFlags.Account) != 0 && vma.IsAnonymous && vma.AnonVma == 0
                 && mm.Reaches(KernelDeltas.MprotectUnaccount))
        {
            newFlags &= ~VmFlags.Account;
        }

        if (VmaSplit.Isolate(mm, vma, start, end, out var target) is { } error) return error;
        var oldFlags = target.Flags;
        target.Flags = newFlags;
        target.SetPageProtFromFlags();
        ChangeProtection(mm, target);
        // mprotect_fixup: "*pprev = vma_merge(...)" (6.1 mm/mprotect.c 605; 6.12 vma_modify_flags, 664; 7.3 824): the
        // changed range joins a neighbour that now looks the same — before the populate below, which therefore runs
        // on the merged VMA (a ->fault handler sees its vm_start).
        merged = VmaMerge.MergeNeighbours(mm, target);
        // "Private VM_LOCKED VMA becoming writable: trigger COW to avoid major fault on access.": "if ((oldflags &
        // (VM_WRITE | VM_SHARED | VM_LOCKED)) == VM_LOCKED && (newflags & VM_WRITE)) populate_vma_page_range(vma,
        // start, end, NULL);" (6.1 line 655, 6.12 693, 7.3 855: the same bits).
        if ((oldFlags & (VmFlags.Write | VmFlags.Shared | VmFlags.Locked)) == VmFlags.Locked && (newFlags & VmFlags.Write) != 0)
            Faults.PageFaultHandler.PopulateRange(machine, merged, start, end);
        return null;
    }

    /// <summary>
    /// change_protection → change_pte_range: present PTEs get the new vm_page_prot. An exclusive anonymous
    /// page in a writable private VMA may become writable at once (can_change_pte_writable).
    /// </summary>
    private static void ChangeProtection(AddressSpace mm, Vma vma)
    {
        foreach (var address in mm.PteAddressesIn(vma.Start, vma.End))
        {
            var pte = mm.PteAt(address)!.Value;
            var prot = vma.PageProt;
            if (pte.Kind == PteKind.Anonymous && (vma.Flags & VmFlags.Write) != 0 && prot.UserReadable)
            {
                prot = prot.WithWrite();
            }

            mm.SetPte(address, pte with { Prot = prot });
        }
    }
}
