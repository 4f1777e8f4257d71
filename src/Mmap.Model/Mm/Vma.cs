using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>A <c>struct vm_area_struct</c>: [Start, End), flags, pgoff, page protection and ops.</summary>
public sealed class Vma
{
    public Vma(ulong start, ulong end, VmFlags flags, ulong pgOff, VmOps ops, OpenFile? file)
    {
        Start = start;
        End = end;
        Flags = flags;
        PgOff = pgOff;
        Ops = ops;
        File = file;
        PageProt = ProtectionMap.VmGetPageProt(flags);
    }

    public ulong Start { get; set; }

    public ulong End { get; set; }

    public VmFlags Flags { get; set; }

    public ulong PgOff { get; set; }

    public PageProt PageProt { get; set; }

    public VmOps Ops { get; set; }

    /// <summary>vma->vm_file, or null for an anonymous mapping.</summary>
    public OpenFile? File { get; set; }

    /// <summary>The trace label of the mmap call that created this VMA (or of the neighbour a new range expanded).</summary>
    public string Label { get; set; } = "";

    public ulong Length => End - Start;

    public ulong Pages => Length >> PageGeometry.PageShift;

    public bool Contains(ulong address) => address >= Start && address < End;

    /// <summary>vma_is_anonymous: vm_ops == NULL (include/linux/mm.h).</summary>
    public bool IsAnonymous => Ops == VmOps.Anonymous;

    /// <summary>vma->anon_vma: 0 until the first anonymous page (anon_vma_prepare); a split keeps it in both pieces.</summary>
    public ulong AnonVma { get; set; }

    /// <summary>
    /// Which shmem file backs a shared anonymous mapping (0 for any other VMA): shmem_zero_setup gives every such mmap a
    /// file of its own; a split keeps it in both pieces, so they can merge again (the same vm_file).
    /// </summary>
    public ulong ShmemFile { get; set; }

    /// <summary>A shared anonymous mapping backed by shmem_zero_setup's file (see <see cref="VmOps.Shmem"/>).</summary>
    public bool IsShmem => Ops == VmOps.Shmem;

    /// <summary>vma->vm_file != NULL: the device file, or the shmem file of a shared anonymous mapping.</summary>
    public bool HasFile => File is not null || IsShmem;

    /// <summary>vma_set_page_prot: recompute vm_page_prot from the flags (mm/mmap.c). R2.6.</summary>
    public void SetPageProtFromFlags() => PageProt = ProtectionMap.VmGetPageProt(Flags);

    public Vma CloneAs(ulong start, ulong end, ulong pgOff) =>
        new(start, end, Flags, pgOff, Ops, File) { PageProt = PageProt, Label = Label, AnonVma = AnonVma, ShmemFile = ShmemFile };

    public override string ToString() => $"[{Start:x}, {End:x}) {Flags.ToHex()} pgoff={PgOff:x}";
}
