using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>
/// A process's <c>mm_struct</c> as far as the model needs it: the VMAs, sorted and disjoint, and the
/// page table (one entry per mapped virtual page). It starts empty: the oracle's harness unmaps the vDSO and its data
/// pages (which 6.12 and 7.3 place at the top of the mmap region) before a scenario's first step.
/// </summary>
public sealed class AddressSpace
{
    public AddressSpace(KernelVersion kernel = KernelVersion.Linux6_1)
    {
        Kernel = kernel;
    }

    /// <summary>The kernel series whose rules apply to this address space (see <see cref="KernelDeltas"/>).</summary>
    public KernelVersion Kernel { get; }

    /// <summary>sysctl vm.max_map_count default: USHRT_MAX - 5 (include/linux/mm.h DEFAULT_MAX_MAP_COUNT).</summary>
    public const int MaxMapCount = 65530;

    private readonly List<Vma> _vmas = new();
    private readonly PageTable _ptes = new();

    public IReadOnlyList<Vma> Vmas => _vmas;

    public PageTable Ptes => _ptes;

    public int MapCount => _vmas.Count;

    /// <summary>The VMA containing <paramref name="address"/>, or null.</summary>
    public Vma? Find(ulong address)
    {
        foreach (var vma in _vmas)
        {
            if (vma.Contains(address)) return vma;
            if (vma.Start > address) break;
        }

        return null;
    }

    /// <summary>find_vma: the first VMA with End &gt; address, or null.</summary>
    public Vma? FindFrom(ulong address)
    {
        foreach (var vma in _vmas)
        {
            if (vma.End > address) return vma;
        }

        return null;
    }

    /// <summary>The VMAs that intersect [start, end), as a snapshot the caller may modify the list under.</summary>
    public IReadOnlyList<Vma> Overlapping(ulong start, ulong end)
    {
        var found = new List<Vma>();
        foreach (var v in _vmas)
        {
            if (v.Start < end && v.End > start) found.Add(v);
        }

        return found;
    }

    public bool IsFree(ulong start, ulong end)
    {
        foreach (var v in _vmas)
        {
            if (v.Start < end && v.End > start) return false;
        }

        return true;
    }

    /// <summary>No VMAs, no PTEs: the address space of a process that has mapped nothing.</summary>
    public void Reset()
    {
        _vmas.Clear();
        _ptes.Clear();
        DeltasReached = 0;
        _anonVmas = 0;
    }

    /// <summary>
    /// The <see cref="KernelDeltas"/> whose condition a run met, on whatever series it ran: where the series would
    /// part ways. The version explorer names them next to the trace lines that differ.
    /// </summary>
    public ulong DeltasReached { get; private set; }

    /// <summary>Notes that a run met <paramref name="delta"/>'s condition and tells whether this kernel follows its newer rule.</summary>
    public bool Reaches(KernelDelta delta)
    {
        DeltasReached |= delta.Bit;
        return Kernel.Has(delta);
    }

    private ulong _anonVmas;

    private ulong _shmemFiles;

    /// <summary>shmem_zero_setup: a new shmem file for a shared anonymous mapping (its identity, for merging).</summary>
    public ulong NewShmemFile() => ++_shmemFiles;

    /// <summary>
    /// anon_vma_prepare: gives the VMA an anon_vma when it has none (before its first anonymous page). It first asks
    /// find_mergeable_anon_vma for a neighbour's — "Try next first.", then prev — so that a later mprotect can merge the
    /// two again (6.1 mm/mmap.c 1170; 6.12 mm/vma.c 1828; 7.3 mm/vma.c 2155; called from mm/rmap.c __anon_vma_prepare).
    /// A neighbour's anon_vma is reused when <see cref="VmaMerge.AnonVmaCompatible"/> holds and it has one (its
    /// anon_vma_chain is singular: the model has no fork).
    /// </summary>
    public void PrepareAnonVma(Vma vma)
    {
        if (vma.AnonVma != 0) return;
        var index = _vmas.IndexOf(vma);
        var next = index >= 0 && index + 1 < _vmas.Count ? _vmas[index + 1] : null;
        var prev = index > 0 ? _vmas[index - 1] : null;
        if (next is { AnonVma: not 0 } && VmaMerge.AnonVmaCompatible(vma, next)) vma.AnonVma = next.AnonVma;
        else if (prev is { AnonVma: not 0 } && VmaMerge.AnonVmaCompatible(prev, vma)) vma.AnonVma = prev.AnonVma;
        else vma.AnonVma = ++_anonVmas;
    }

    /// <summary>Inserts <paramref name="vma"/> before the first VMA that starts at or above it (the list is sorted by start).</summary>
    public void Insert(Vma vma)
    {
        int low = 0, high = _vmas.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_vmas[mid].Start < vma.Start) low = mid + 1;
            else high = mid;
        }

        _vmas.Insert(low, vma);
    }

    public void Remove(Vma vma) => _vmas.Remove(vma);

    public Pte? PteAt(ulong address) =>
        _ptes.TryGetValue(address & PageGeometry.PageMask, out var pte) ? pte : null;

    public void SetPte(ulong address, Pte pte) => _ptes.Set(address & PageGeometry.PageMask, pte);

    /// <summary>
    /// zap_page_range: removes every PTE of the pages that [start, end) touches (zap_pte_range walks from the
    /// PTE of the page holding <paramref name="start"/>); returns how many there were.
    /// </summary>
    public int Zap(ulong start, ulong end) => _ptes.RemoveRange(start & PageGeometry.PageMask, end);

    /// <summary>The addresses of the present PTEs in [start, end), in ascending order.</summary>
    public IReadOnlyList<ulong> PteAddressesIn(ulong start, ulong end) => _ptes.KeysIn(start & PageGeometry.PageMask, end).ToList();

    /// <summary>Total size of all VMAs in bytes (what the lab's procfs entry reports; traces show only its changes).</summary>
    public ulong TotalVm => _vmas.Aggregate(0UL, (sum, v) => sum + v.Length);
}
