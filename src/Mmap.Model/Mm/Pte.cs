using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// A present page-table entry: the frame, the permission bits and what kind of page it maps. Held as x86-64 holds
/// a PTE, in one 64-bit word: the pfn in bits 12–51 and the protection bits around it; the kind takes two of the
/// bits the hardware leaves to software (9–10). Source: arch/x86/include/asm/pgtable_types.h.
/// </summary>
public readonly record struct Pte
{
    private const int PfnShift = 12;
    private const ulong PfnMask = 0x000f_ffff_ffff_f000;
    private const int KindShift = 9;
    private const ulong KindMask = 0x3UL << KindShift;

    private readonly ulong _word;

    public Pte(ulong pfn, PageProt prot, PteKind kind) => _word = Word(pfn, prot, kind);

    public ulong Pfn
    {
        get => (_word & PfnMask) >> PfnShift;
        init => _word = Word(value, Prot, Kind);
    }

    public PageProt Prot
    {
        get => new(_word & ~(PfnMask | KindMask));
        init => _word = Word(Pfn, value, Kind);
    }

    public PteKind Kind
    {
        get => (PteKind)((_word & KindMask) >> KindShift);
        init => _word = Word(Pfn, Prot, value);
    }

    private static ulong Word(ulong pfn, PageProt prot, PteKind kind)
    {
        if (pfn > PfnMask >> PfnShift) throw new ArgumentOutOfRangeException(nameof(pfn), $"pfn 0x{pfn:x} does not fit a PTE");
        if ((prot.Bits & (PfnMask | KindMask)) != 0) throw new ArgumentOutOfRangeException(nameof(prot), $"{prot} overlaps the pfn or kind bits");
        return (pfn << PfnShift) | prot.Bits | ((ulong)kind << KindShift);
    }
}
