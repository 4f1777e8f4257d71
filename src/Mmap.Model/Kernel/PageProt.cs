namespace Mmap.Model.Kernel;

/// <summary>
/// An x86 <c>pgprot_t</c>: the permission bits of a PTE.
/// Source: arch/x86/include/asm/pgtable_types.h (_PAGE_* bits, PAGE_* constants). Reference R1.4.
/// </summary>
public readonly record struct PageProt(ulong Bits)
{
    public const ulong PresentBit = 0x001;
    public const ulong RwBit = 0x002;
    public const ulong UserBit = 0x004;
    public const ulong AccessedBit = 0x020;
    /// <summary>_PAGE_PROTNONE aliases _PAGE_GLOBAL: a PROT_NONE PTE is not present to the MMU.</summary>
    public const ulong ProtNoneBit = 0x100;
    public const ulong NxBit = 1UL << 63;

    public static PageProt None => new(ProtNoneBit | AccessedBit);
    public static PageProt ReadOnly => new(PresentBit | UserBit | AccessedBit | NxBit);
    /// <summary>PAGE_COPY equals PAGE_READONLY: private writable mappings start read-only so CoW works.</summary>
    public static PageProt Copy => ReadOnly;
    public static PageProt Shared => new(PresentBit | RwBit | UserBit | AccessedBit | NxBit);
    public static PageProt ReadOnlyExec => new(PresentBit | UserBit | AccessedBit);
    public static PageProt CopyExec => ReadOnlyExec;
    public static PageProt SharedExec => new(PresentBit | RwBit | UserBit | AccessedBit);

    /// <summary>_PAGE_BIT_PKEY_BIT0 (arch/x86/include/asm/pgtable_types.h): a PTE's 4 protection-key bits are 59..62.</summary>
    public const int PkeyShift = 59;

    public const ulong PkeyMask = 0xfUL << PkeyShift;

    /// <summary>The PTE's protection key.</summary>
    public int Pkey => (int)((Bits & PkeyMask) >> PkeyShift);

    /// <summary>The same protection with another key (vm_get_page_prot: "val |= (vm_flags &amp; VM_PKEY_BIT0 ? _PAGE_PKEY_BIT0 : 0) | …").</summary>
    public PageProt WithPkey(int key) => new((Bits & ~PkeyMask) | ((ulong)(key & 0xf) << PkeyShift));

    /// <summary>
    /// Whether the MMU lets user mode read through a PTE with this protection: present, user, and a protection key
    /// whose PKRU bits allow data access (every key but the execute-only one, see <see cref="ProtectionKeys"/>).
    /// </summary>
    public bool UserReadable => (Bits & (PresentBit | UserBit)) == (PresentBit | UserBit) && Pkey != ProtectionKeys.ExecuteOnlyKey;

    /// <summary>Whether the MMU lets user mode write through a PTE with this protection.</summary>
    public bool UserWritable => UserReadable && (Bits & RwBit) != 0;

    public PageProt WithWrite() => new(Bits | RwBit);

    public override string ToString() =>
        Pkey != 0 ? WithPkey(0) + $" pkey={Pkey}"
        : this == None ? "PAGE_NONE"
        : this == ReadOnly ? "PAGE_READONLY"
        : this == Shared ? "PAGE_SHARED"
        : this == ReadOnlyExec ? "PAGE_READONLY_EXEC"
        : this == SharedExec ? "PAGE_SHARED_EXEC"
        : "0x" + Bits.ToString("x");
}
