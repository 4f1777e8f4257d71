using Mmap.Model.Kernel;

namespace Mmap.Model.Rules;

/// <summary>The result of do_mmap's checks on a device file: an errno (0: go on), the vm_flags, the map flags after masking.</summary>
public readonly record struct MmapDecision<TW, TB>(TW Errno, TW VmFlags, TW MapFlags)
    where TW : IWord<TW, TB> where TB : IBit<TB>;

/// <summary>
/// The flag rules of mmap(2) on a character device, written once over <see cref="IWord{TW,TB}"/>: the model runs them
/// on <see cref="Word"/>, the proofs on SMT terms. Sources: include/linux/mman.h (calc_vm_prot_bits,
/// calc_vm_flag_bits, LEGACY_MAP_MASK), mm/mmap.c ksys_mmap_pgoff, do_mmap, mmap_region (accountable_mapping),
/// fs/open.c OPEN_FMODE; 6.1.192, 6.12 and 7.3 read side by side. R2.2, R2.3.
/// </summary>
public static class MmapRules
{
    /// <summary>MAP_32BIT (arch/x86/include/uapi/asm/mman.h).</summary>
    public const ulong Map32Bit = 0x40;

    /// <summary>MAP_ABOVE4G (arch/x86/include/uapi/asm/mman.h, 6.3 and later).</summary>
    public const ulong MapAbove4G = 0x80;

    /// <summary>MAP_HUGE_2MB = 21 &lt;&lt; MAP_HUGE_SHIFT (26) (include/uapi/linux/mman.h, hugetlb_encode.h).</summary>
    public const ulong MapHuge2Mb = 21UL << 26;

    /// <summary>MAP_HUGE_1GB = 30 &lt;&lt; MAP_HUGE_SHIFT.</summary>
    public const ulong MapHuge1Gb = 30UL << 26;

    /// <summary>
    /// LEGACY_MAP_MASK (include/linux/mman.h): MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_ANONYMOUS | MAP_DENYWRITE |
    /// MAP_EXECUTABLE | MAP_UNINITIALIZED | MAP_GROWSDOWN | MAP_LOCKED | MAP_NORESERVE | MAP_POPULATE | MAP_NONBLOCK |
    /// MAP_STACK | MAP_HUGETLB | MAP_32BIT | MAP_HUGE_2MB | MAP_HUGE_1GB, plus MAP_ABOVE4G from 6.3 on (x86 defines
    /// both MAP_32BIT and MAP_ABOVE4G; on other arches they are 0).
    /// </summary>
    public static ulong LegacyMapMask(KernelVersion version) => (ulong)(MapFlags.Shared | MapFlags.Private | MapFlags.Fixed
            | MapFlags.Anonymous | MapFlags.DenyWrite | MapFlags.Executable | MapFlags.Uninitialized | MapFlags.GrowsDown
            | MapFlags.Locked | MapFlags.NoReserve | MapFlags.Populate | MapFlags.NonBlock | MapFlags.Stack | MapFlags.HugeTlb)
        | Map32Bit | MapHuge2Mb | MapHuge1Gb
        | (version.Has(KernelDeltas.MapAbove4G) ? MapAbove4G : 0);

    /// <summary>calc_vm_prot_bits(prot, 0): PROT_READ/WRITE/EXEC → VM_READ/WRITE/EXEC; every other prot bit is ignored.</summary>
    public static TW CalcVmProtBits<TW, TB>(TW prot) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        Bits.Trans<TW, TB>(prot, (ulong)Prot.Read, (ulong)VmFlags.Read)
        | Bits.Trans<TW, TB>(prot, (ulong)Prot.Write, (ulong)VmFlags.Write)
        | Bits.Trans<TW, TB>(prot, (ulong)Prot.Exec, (ulong)VmFlags.Exec);

    /// <summary>
    /// calc_vm_flag_bits(file, flags): MAP_GROWSDOWN → VM_GROWSDOWN, MAP_LOCKED → VM_LOCKED, MAP_SYNC → VM_SYNC;
    /// from 6.7 on also MAP_STACK → VM_NOHUGEPAGE (CONFIG_TRANSPARENT_HUGEPAGE). x86 has no arch_calc_vm_flag_bits.
    /// </summary>
    public static TW CalcVmFlagBits<TW, TB>(TW flags, KernelVersion version) where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        var bits = Bits.Trans<TW, TB>(flags, (ulong)MapFlags.GrowsDown, (ulong)VmFlags.GrowsDown)
            | Bits.Trans<TW, TB>(flags, (ulong)MapFlags.Locked, (ulong)VmFlags.Locked)
            | Bits.Trans<TW, TB>(flags, (ulong)MapFlags.Sync, (ulong)VmFlags.Sync);
        return version.Has(KernelDeltas.MapStackNoHugePage) ? bits | Bits.Trans<TW, TB>(flags, (ulong)MapFlags.Stack, (ulong)VmFlags.NoHugePage) : bits;
    }

    /// <summary>
    /// The pkey half of calc_vm_prot_bits(prot, pkey) with do_mmap's key: "if (prot == PROT_EXEC) { pkey =
    /// execute_only_pkey(mm); ... }", and arch_calc_vm_prot_bits puts the key into VM_PKEY_BIT0..3. On the model's
    /// PKU CPU the execute-only key is always 1 (<see cref="ProtectionKeys"/>), so exactly PROT_EXEC sets VM_PKEY_BIT0.
    /// </summary>
    public static TW MmapPkeyBits<TW, TB>(TW prot) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Ite(TW.Eq(prot, TW.Of((ulong)Prot.Exec)), TW.Of((ulong)ProtectionKeys.Bits(ProtectionKeys.ExecuteOnlyKey)), TW.Of(0));

    /// <summary>do_mmap: "calc_vm_prot_bits(prot, pkey) | calc_vm_flag_bits(file, flags) | mm->def_flags | VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC" (def_flags = 0).</summary>
    public static TW InitialVmFlags<TW, TB>(TW prot, TW flags, KernelVersion version) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        CalcVmProtBits<TW, TB>(prot) | MmapPkeyBits<TW, TB>(prot) | CalcVmFlagBits<TW, TB>(flags, version) | TW.Of((ulong)VmFlagMasks.May);

    /// <summary>OPEN_FMODE(flags) = ((flags + 1) &amp; O_ACCMODE) (fs/open.c): FMODE_READ for O_RDONLY and O_RDWR.</summary>
    public static TB FModeRead<TW, TB>(TW openFlags) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        Bits.Any<TW, TB>(openFlags + TW.Of(1), (ulong)FMode.Read);

    /// <summary>OPEN_FMODE: FMODE_WRITE for O_WRONLY and O_RDWR.</summary>
    public static TB FModeWrite<TW, TB>(TW openFlags) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        Bits.Any<TW, TB>(openFlags + TW.Of(1), (ulong)FMode.Write);

    /// <summary>
    /// MAP_SHARED / MAP_SHARED_VALIDATE on a file: "vm_flags |= VM_SHARED | VM_MAYSHARE; if (!(file->f_mode &amp;
    /// FMODE_WRITE)) vm_flags &amp;= ~(VM_MAYWRITE | VM_SHARED);"
    /// </summary>
    public static TW SharedFileVmFlags<TW, TB>(TW vmFlags, TB fmodeWrite) where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        var shared = vmFlags | TW.Of((ulong)(VmFlags.Shared | VmFlags.MayShare));
        return TW.Ite(fmodeWrite, shared, shared & ~TW.Of((ulong)(VmFlags.MayWrite | VmFlags.Shared)));
    }

    /// <summary>
    /// The "if (file)" branch of do_mmap for a character device (no mmap_supported_flags / FOP_MMAP_SYNC, not a
    /// swapfile, not append-only, no memfd seals, /dev not noexec), in the kernel's order:
    /// <code>
    /// case MAP_SHARED:          flags &amp;= LEGACY_MAP_MASK; fallthrough;
    /// case MAP_SHARED_VALIDATE: if (flags &amp; ~flags_mask) return -EOPNOTSUPP;
    ///                           if (prot &amp; PROT_WRITE) { if (!(file->f_mode &amp; FMODE_WRITE)) return -EACCES; }
    ///                           vm_flags |= VM_SHARED | VM_MAYSHARE; if (!FMODE_WRITE) vm_flags &amp;= ~(VM_MAYWRITE | VM_SHARED); fallthrough;
    /// case MAP_PRIVATE:         if (!(file->f_mode &amp; FMODE_READ)) return -EACCES;
    ///                           if (!file->f_op->mmap) return -ENODEV;
    ///                           if (vm_flags &amp; (VM_GROWSDOWN|VM_GROWSUP)) return -EINVAL;
    /// default:                  return -EINVAL;
    /// </code>
    /// </summary>
    public static MmapDecision<TW, TB> FileMapping<TW, TB>(TW prot, TW flags, TW vmFlags, TW openFlags, TB hasMmap, KernelVersion version)
        where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        var legacy = LegacyMapMask(version);
        var type = flags & TW.Of((ulong)MapFlags.TypeMask);
        var isShared = TW.Eq(type, TW.Of((ulong)MapFlags.Shared));
        var isValidate = TW.Eq(type, TW.Of((ulong)MapFlags.SharedValidate));
        var isPrivate = TW.Eq(type, TW.Of((ulong)MapFlags.Private));
        var sharing = isShared | isValidate;
        var fmodeWrite = FModeWrite<TW, TB>(openFlags);

        var masked = TW.Ite(isShared, flags & TW.Of(legacy), flags);
        var unsupported = sharing & Bits.Any<TW, TB>(masked, ~legacy);
        var writeDenied = sharing & Bits.Any<TW, TB>(prot, (ulong)Prot.Write) & !fmodeWrite;
        var after = TW.Ite(sharing, SharedFileVmFlags<TW, TB>(vmFlags, fmodeWrite), vmFlags);

        var errno =
            TW.Ite(!(sharing | isPrivate), Code(Kernel.Errno.EINVAL),
            TW.Ite(unsupported, Code(Kernel.Errno.EOPNOTSUPP),
            TW.Ite(writeDenied, Code(Kernel.Errno.EACCES),
            TW.Ite(!FModeRead<TW, TB>(openFlags), Code(Kernel.Errno.EACCES),
            TW.Ite(!hasMmap, Code(Kernel.Errno.ENODEV),
            TW.Ite(Bits.Any<TW, TB>(after, (ulong)VmFlags.GrowsDown), Code(Kernel.Errno.EINVAL), TW.Of(0)))))));
        return new MmapDecision<TW, TB>(errno, after, masked);

        static TW Code(Errno e) => TW.Of((ulong)e);
    }

    /// <summary>
    /// "if (flags &amp; MAP_NORESERVE) { if (sysctl_overcommit_memory != OVERCOMMIT_NEVER) vm_flags |= VM_NORESERVE; }"
    /// (do_mmap; the default heuristic overcommit policy).
    /// </summary>
    public static TW NoReserve<TW, TB>(TW vmFlags, TW flags) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        vmFlags | Bits.Trans<TW, TB>(flags, (ulong)MapFlags.NoReserve, (ulong)VmFlags.NoReserve);

    /// <summary>accountable_mapping: "(vm_flags &amp; (VM_NORESERVE | VM_SHARED | VM_WRITE)) == VM_WRITE" (mm/mmap.c mmap_region).</summary>
    public static TB IsAccountable<TW, TB>(TW vmFlags) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Eq(vmFlags & TW.Of((ulong)(VmFlags.NoReserve | VmFlags.Shared | VmFlags.Write)), TW.Of((ulong)VmFlags.Write));

    /// <summary>mmap_region: "if (accountable_mapping(file, vm_flags)) vm_flags |= VM_ACCOUNT;"</summary>
    public static TW Account<TW, TB>(TW vmFlags) where TW : IWord<TW, TB> where TB : IBit<TB> =>
        TW.Ite(IsAccountable<TW, TB>(vmFlags), vmFlags | TW.Of((ulong)VmFlags.Account), vmFlags);

    /// <summary>
    /// The whole flag path of mmap(fd of the device, prot, flags) up to the driver's ->mmap, for a valid length, a
    /// page-aligned in-range offset and a free address (those checks depend on other arguments and are the model's
    /// MmapSyscall's): MAP_ANONYMOUS never reaches the device (ksys_mmap_pgoff takes the anonymous path);
    /// "else if (unlikely(flags &amp; MAP_HUGETLB)) return -EINVAL;" for a non-hugetlbfs file; then do_mmap's file branch,
    /// MAP_NORESERVE and mmap_region's VM_ACCOUNT. <see cref="DeviceMmap{TW,TB}.CallsDriver"/> holds when ->mmap runs.
    /// </summary>
    public static DeviceMmap<TW, TB> DeviceRequest<TW, TB>(TW prot, TW flags, TW openFlags, TB hasMmap, KernelVersion version)
        where TW : IWord<TW, TB> where TB : IBit<TB>
    {
        var anonymous = Bits.Any<TW, TB>(flags, (ulong)MapFlags.Anonymous);
        var hugeTlb = Bits.Any<TW, TB>(flags, (ulong)MapFlags.HugeTlb);
        var file = FileMapping<TW, TB>(prot, flags, InitialVmFlags<TW, TB>(prot, flags, version), openFlags, hasMmap, version);
        var errno = TW.Ite(hugeTlb, TW.Of((ulong)Kernel.Errno.EINVAL), file.Errno);
        var vmFlags = Account<TW, TB>(NoReserve<TW, TB>(file.VmFlags, file.MapFlags));
        return new DeviceMmap<TW, TB>(!anonymous & TW.Eq(errno, TW.Of(0)), TW.Ite(anonymous, TW.Of(0), errno), vmFlags);
    }
}

/// <summary>
/// A request on the device fd: whether the driver's ->mmap is called, the errno when the flag path refuses it (0 when it
/// is anonymous: then the device is not involved), and the vm_flags the driver sees.
/// </summary>
public readonly record struct DeviceMmap<TW, TB>(TB CallsDriver, TW Errno, TW VmFlags)
    where TW : IWord<TW, TB> where TB : IBit<TB>;
