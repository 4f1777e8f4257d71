using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;

namespace Mmap.Model.Syscalls;

/// <summary>
/// mmap(2) on the device fd or anonymous memory, check by check in the kernel's order; the first
/// failing check decides the errno.
/// Source: arch/x86/kernel/sys_x86_64.c sys_mmap, mm/mmap.c ksys_mmap_pgoff, do_mmap, mmap_region,
/// file_mmap_ok; mm/util.c vm_mmap_pgoff (6.1.192). R2.1–R2.6.
/// </summary>
public static class MmapSyscall
{
    /// <summary>mmap(2): the syscall as the process sees it, traced on entry and return.</summary>
    public static SyscallResult Mmap(Machine machine, MmapRequest request)
    {
        machine.Trace.MmapCall(request);
        SyscallResult result;
        try
        {
            result = SysMmap(machine, request);
        }
        catch (KernelBugException bug)
        {
            machine.RecordBug(bug);
            return SyscallResult.Bug;
        }

        if (!result.KernelBug) machine.Trace.MmapReturn(request.Label, result);
        return result;
    }

    /// <summary>arch/x86/kernel/sys_x86_64.c sys_mmap: the byte offset must be page-aligned; it becomes a page offset.</summary>
    private static SyscallResult SysMmap(Machine machine, MmapRequest r)
    {
        // "if (off & ~PAGE_MASK) return -EINVAL;"
        if (!PageGeometry.IsAligned(r.Offset)) return SyscallResult.Fail(Errno.EINVAL);
        return KsysMmapPgoff(machine, r, r.Offset >> PageGeometry.PageShift);
    }

    /// <summary>
    /// mm/mmap.c ksys_mmap_pgoff: looks the fd up and refuses MAP_HUGETLB on a file that is not hugetlbfs; then
    /// mm/util.c vm_mmap_pgoff takes mmap_lock and calls do_mmap (populating afterwards: see <see cref="MmapRegion"/>).
    /// </summary>
    private static SyscallResult KsysMmapPgoff(Machine machine, MmapRequest r, ulong pgoff)
    {
        // "file = fget(fd); if (!file) return -EBADF;" and MAP_HUGETLB on a non-hugetlbfs file.
        OpenFile? file = null;
        if ((r.Flags & MapFlags.Anonymous) == 0)
        {
            file = machine.OpenFile;
            if (file is null) return SyscallResult.Fail(Errno.EBADF);
            if ((r.Flags & MapFlags.HugeTlb) != 0) return SyscallResult.Fail(Errno.EINVAL);
        }

        return DoMmap(machine, r, file, pgoff);
    }

    /// <summary>mm/mmap.c do_mmap: the checks on length, address, flags and the file, in the kernel's order (R2.1).</summary>
    private static SyscallResult DoMmap(Machine machine, MmapRequest r, OpenFile? file, ulong pgoff)
    {
        var flags = r.Flags;
        var addr = r.Address;

        // do_mmap: "if (!len) return -EINVAL;"
        if (r.Length == 0) return SyscallResult.Fail(Errno.EINVAL);

        // "if (flags & MAP_FIXED_NOREPLACE) flags |= MAP_FIXED;" and round_hint_to_min for hints.
        if ((flags & MapFlags.FixedNoReplace) != 0) flags |= MapFlags.Fixed;
        var isFixed = (flags & MapFlags.Fixed) != 0;
        if (!isFixed) addr = RoundHintToMin(addr);

        // "len = PAGE_ALIGN(len); if (!len) return -ENOMEM;"
        var len = PageGeometry.Align(r.Length);
        if (len == 0) return SyscallResult.Fail(Errno.ENOMEM);

        // "if ((pgoff + (len >> PAGE_SHIFT)) < pgoff) return -EOVERFLOW;"
        if (unchecked(pgoff + (len >> PageGeometry.PageShift)) < pgoff) return SyscallResult.Fail(Errno.EOVERFLOW);

        // "if (mm->map_count > sysctl_max_map_count) return -ENOMEM;"
        if (machine.Mm.MapCount > AddressSpace.MaxMapCount) return SyscallResult.Fail(Errno.ENOMEM);

        var (address, areaError) = UnmappedArea.Find(machine.Mm, addr, len, isFixed, ((ulong)flags & Rules.MmapRules.Map32Bit) != 0);
        if (areaError is { } areaErrno) return SyscallResult.Fail(areaErrno);

        // "if (flags & MAP_FIXED_NOREPLACE) { if (find_vma_intersection(mm, addr, addr + len)) return -EEXIST; }"
        if ((flags & MapFlags.FixedNoReplace) != 0 && !machine.Mm.IsFree(address, address + len))
        {
            return SyscallResult.Fail(Errno.EEXIST);
        }

        // D4, D5: where the series part ways on the flags (the generic rules read the version; the run notes it was met).
        if (((ulong)flags & Rules.MmapRules.MapAbove4G) != 0) machine.Mm.Reaches(KernelDeltas.MapAbove4G);
        if ((flags & MapFlags.Stack) != 0) machine.Mm.Reaches(KernelDeltas.MapStackNoHugePage);
        var vmFlags = MmapFlagsCalculation.Initial(r.Prot, flags, machine.Version);
        // MAP_LOCKED: can_do_mlock() and mlock_future_check() pass for the model's root caller.

        var type = flags & MapFlags.TypeMask;
        if (file is not null)
        {
            // "if (!file_mmap_ok(file, inode, pgoff, len)) return -EOVERFLOW;"
            if (!FileMmapOk(pgoff, len)) return SyscallResult.Fail(Errno.EOVERFLOW);

            // do_mmap's "switch (flags & MAP_TYPE)" for a file: the generic rule (Rules/MmapRules.FileMapping) the proofs share.
            var (error, fileVmFlags, maskedFlags) = MmapFlagsCalculation.FileMapping(r.Prot, flags, vmFlags, file.Flags, machine.Driver.HasMmap, machine.Version);
            if (error is { } errno) return SyscallResult.Fail(errno);
            vmFlags = fileVmFlags;
            flags = maskedFlags;
        }
        else
        {
            switch (type)
            {
                case MapFlags.Shared:
                    // "if (vm_flags & (VM_GROWSDOWN|VM_GROWSUP)) return -EINVAL; pgoff = 0; vm_flags |= VM_SHARED | VM_MAYSHARE;"
                    if ((vmFlags & VmFlags.GrowsDown) != 0) return SyscallResult.Fail(Errno.EINVAL);
                    pgoff = 0;
                    vmFlags |= VmFlags.Shared | VmFlags.MayShare;
                    break;
                case MapFlags.Droppable:
                    // 6.1 knows no MAP_DROPPABLE: the type falls to "default: return -EINVAL;" (D6).
                    if (!machine.Mm.Reaches(KernelDeltas.MapDroppable)) return SyscallResult.Fail(Errno.EINVAL);
                    // "if (flags & (MAP_LOCKED | MAP_HUGETLB)) return -EINVAL;"
                    if ((flags & (MapFlags.Locked | MapFlags.HugeTlb)) != 0) return SyscallResult.Fail(Errno.EINVAL);
                    // "if (vm_flags & (VM_GROWSDOWN | VM_GROWSUP)) return -EINVAL;"
                    if ((vmFlags & VmFlags.GrowsDown) != 0) return SyscallResult.Fail(Errno.EINVAL);
                    // "vm_flags |= VM_DROPPABLE; vm_flags |= VM_NORESERVE; vm_flags |= VM_WIPEONFORK | VM_DONTDUMP; fallthrough;"
                    vmFlags |= VmFlags.Droppable | VmFlags.NoReserve | VmFlags.WipeOnFork | VmFlags.DontDump;
                    goto case MapFlags.Private;
                case MapFlags.Private:
                    // "pgoff = addr >> PAGE_SHIFT;"
                    pgoff = address >> PageGeometry.PageShift;
                    break;
                default:
                    return SyscallResult.Fail(Errno.EINVAL);
            }
        }

        // "if (flags & MAP_NORESERVE) { if (sysctl_overcommit_memory != OVERCOMMIT_NEVER) vm_flags |= VM_NORESERVE; ..."
        if ((flags & MapFlags.NoReserve) != 0) vmFlags |= VmFlags.NoReserve;

        return MmapRegion(machine, r.Label, file, address, len, vmFlags, pgoff, flags);
    }

    private static Vma WithOps(Vma vma, VmOps ops)
    {
        vma.Ops = ops;
        return vma;
    }

    /// <summary>The neighbour of [address, address + len) that a new VMA of this file merges into, expanded; or null.</summary>
    private static Vma? ExpandNeighbour(Machine machine, ulong address, ulong len, VmFlags vmFlags, ulong pgoff, OpenFile file)
    {
        var mm = machine.Mm;
        Vma? prev = null, next = null;
        foreach (var v in mm.Vmas)
        {
            if (v.End == address) prev = v;
            if (v.Start == address + len) next = v;
        }

        // The new VMA has no vm_ops yet; is_mergeable_vma compares files and flags, not ops.
        var neighbour = prev ?? next;
        if (neighbour is null) return null;
        var candidate = new Vma(address, address + len, vmFlags | VmFlags.SoftDirty, pgoff, neighbour.Ops, file);
        var mergesPrev = prev is not null && VmaMerge.CanMerge(prev, WithOps(candidate, prev.Ops));
        var mergesNext = next is not null && VmaMerge.CanMerge(WithOps(candidate, next.Ops), next);
        if (!mergesPrev && !mergesNext) return null;
        // The neighbour is expanded (vma_merge keeps its vm_area_struct): the candidate takes its ops, protection and label.
        var expanded = mergesPrev ? prev! : next!;
        (candidate.Ops, candidate.PageProt, candidate.Label) = (expanded.Ops, expanded.PageProt, expanded.Label);
        mm.Insert(candidate);
        return VmaMerge.MergeNeighbours(mm, candidate);
    }

    /// <summary>
    /// 6.1 and 6.12 try the merge again when the driver's ->mmap changed vm_flags: "If vm_flags changed after
    /// mmap_file(), we should try merge vma again as we may succeed this time." — "if (unlikely(vm_flags !=
    /// vma->vm_flags &amp;&amp; prev)) merge = vma_merge(...)" (6.1 mm/mmap.c __mmap_region 2801; 6.12 mm/mmap.c __mmap_region
    /// 1484, vma_merge_new_range). A driver that clears VM_MAYWRITE and maps nothing special (a ->fault driver) thus
    /// joins a neighbour of the same file with contiguous offsets that the first attempt, made with the flags before
    /// ->mmap, could not. 7.3 no longer retries (mm/vma.c __mmap_new_file_vma; D8). The kernel's "prev" is any VMA
    /// below: the program's own mappings always are, so the model does not ask for one.
    /// </summary>
    private static Vma MergeAfterDriverChangedFlags(AddressSpace mm, Vma vma, VmFlags flagsBeforeDriver)
    {
        if (vma.File is null || vma.Flags == flagsBeforeDriver || (vma.Flags & VmFlagMasks.Special) != 0) return vma;
        return VmaMerge.WouldMerge(mm, vma) && !mm.Reaches(KernelDeltas.NoMergeRetryAfterMmap) ? VmaMerge.MergeNeighbours(mm, vma) : vma;
    }

    /// <summary>
    /// mm/mmap.c file_mmap_ok: "if (pgoff > maxsize >> PAGE_SHIFT) / (maxsize - len) ..." with maxsize = ULONG_MAX
    /// for a char device, so the mapping is refused iff pgoff > (ULONG_MAX - len) >> PAGE_SHIFT (R2.4).
    /// </summary>
    private static bool FileMmapOk(ulong pgoff, ulong len) => pgoff <= (ulong.MaxValue - len) >> PageGeometry.PageShift;

    /// <summary>mm/mmap.c round_hint_to_min: a non-fixed hint is page-rounded down and raised to mmap_min_addr.</summary>
    private static ulong RoundHintToMin(ulong hint)
    {
        hint &= PageGeometry.PageMask;
        return hint != 0 && hint < PageGeometry.MmapMinAddr ? PageGeometry.MmapMinAddr : hint;
    }

    /// <summary>
    /// mm/mmap.c mmap_region (6.1.192): the VMA, the driver's ->mmap and what follows it (R2.5, R2.6). The populate step at
    /// its end is mm/util.c vm_mmap_pgoff's mm_populate, after do_mmap returned; nothing can fail in between.
    /// </summary>
    private static SyscallResult MmapRegion(Machine machine, string label, OpenFile? file, ulong address, ulong len,
        VmFlags vmFlags, ulong pgoff, MapFlags flags)
    {
        var mm = machine.Mm;

        // do_mmap, before mmap_region: "if ((vm_flags & VM_LOCKED) || (flags & (MAP_POPULATE | MAP_NONBLOCK)) ==
        // MAP_POPULATE) *populate = len;" — decided before mmap_region may clear VM_LOCKED on a VM_SPECIAL VMA.
        var populate = (vmFlags & VmFlags.Locked) != 0 || (flags & (MapFlags.Populate | MapFlags.NonBlock)) == MapFlags.Populate;

        // "Clear old maps, set up prev and uf": MAP_FIXED replaces whatever overlaps, before the driver runs; a split that
        // fails (too many mappings: ENOMEM) fails the mmap ("if (do_mas_munmap(...)) return -ENOMEM;").
        if (!mm.IsFree(address, address + len) && MunmapSyscall.UnmapRange(machine, address, address + len) is { } unmapError)
            return SyscallResult.Fail(unmapError);

        // "if (accountable_mapping(file, vm_flags)) { ... vm_flags |= VM_ACCOUNT; }"
        if (MmapFlagsCalculation.IsAccountable(vmFlags)) vmFlags |= VmFlags.Account;

        // "Attempt to expand an old mapping" (6.1 mmap_region; vma_merge_new_range in 6.12 and 7.3), before any new VMA:
        // a file mapping next to a VMA of the same file that it could merge with (R6.8) expands that VMA, and the
        // driver's ->mmap is not called.
        if (file is not null && (vmFlags & VmFlagMasks.Special) == 0 && ExpandNeighbour(machine, address, len, vmFlags, pgoff, file) is { } expanded)
        {
            if (populate && (expanded.Flags & (VmFlags.Io | VmFlags.PfnMap)) == 0 && !Faults.PageFaultHandler.Populate(machine, expanded, address, address + len))
                return SyscallResult.Bug;
            return SyscallResult.Ok(address);
        }

        // A shared anonymous mapping: "} else if (vm_flags & VM_SHARED) { error = shmem_zero_setup(vma); }" (6.1, 6.12:
        // mm/mmap.c mmap_region; 7.3: mm/vma.c __mmap_new_vma) gives it a shmem file and the shmem vm_ops.
        var ops = file is not null ? VmOps.Dummy : (vmFlags & VmFlags.Shared) != 0 ? VmOps.Shmem : VmOps.Anonymous;
        var vma = new Vma(address, address + len, vmFlags, pgoff, ops, file)
        {
            Label = label,
            ShmemFile = ops == VmOps.Shmem ? mm.NewShmemFile() : 0,
        };

        if (file is not null)
        {
            // "vma->vm_file = get_file(file); error = mmap_file(file, vma);"
            var error = machine.Driver.Mmap(vma, label);
            if (error != ReturnCodes.Ok)
            {
                // unmap_and_free_vma: "Undo any partial mapping done by a device driver." (R2.5)
                var zapped = mm.Zap(vma.Start, vma.End);
                machine.Trace.DriverMmapUndone(zapped);
                return SyscallResult.Fail((Errno)(-error));
            }
        }

        mm.Insert(vma);
        vma = MergeAfterDriverChangedFlags(mm, vma, vmFlags);

        // "if (vm_flags & VM_LOCKED) { if ((vm_flags & VM_SPECIAL) || ...) vma->vm_flags &= VM_LOCKED_CLEAR_MASK; }"
        if ((vma.Flags & VmFlags.Locked) != 0 && (vma.Flags & VmFlagMasks.Special) != 0)
        {
            vma.Flags &= ~(VmFlags.Locked | VmFlags.LockOnFault);
        }

        // "vma->vm_flags |= VM_SOFTDIRTY;" (CONFIG_MEM_SOFT_DIRTY=y in config-6.1.0-56-cloud-amd64 and 6.12), then
        // vma_set_page_prot(vma): no write-notify for a char device, so vm_page_prot = vm_get_page_prot(flags).
        vma.Flags |= VmFlags.SoftDirty;
        vma.SetPageProtFromFlags();

        // An anonymous private mapping expands a neighbour that looks the same instead of making a VMA of its own
        // (mmap_region: "Attempt to expand an old mapping", vma_merge_new_range in 6.12 and 7.3). The model merges after
        // the fact but before the populate below, as the kernel does: the new range has no anon_vma yet. A file mapping
        // merged above, when ->mmap changed its flags (6.1, 6.12).
        if (vma.IsAnonymous) vma = VmaMerge.MergeNeighbours(mm, vma);

        // vm_mmap_pgoff: "if (populate) mm_populate(ret, populate);"; __mm_populate skips VM_IO|VM_PFNMAP VMAs (a
        // VM_MIXEDMAP one whose VM_LOCKED was cleared is still populated).
        if (populate && (vma.Flags & (VmFlags.Io | VmFlags.PfnMap)) == 0)
        {
            if (!Faults.PageFaultHandler.Populate(machine, vma, address, address + len)) return SyscallResult.Bug;
        }

        return SyscallResult.Ok(address);
    }
}
