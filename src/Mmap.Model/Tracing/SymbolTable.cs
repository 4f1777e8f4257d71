namespace Mmap.Model.Tracing;

/// <summary>
/// Makes addresses and pfns symbolic so that the model's trace and a real kernel's are comparable:
/// an address becomes LABEL+0xOFF for the mapping it lies in, a pfn becomes pfn[i] for buffer page i,
/// or pfn[0]+k for a frame past the buffer's first page that is not a buffer page.
/// </summary>
public sealed class SymbolTable
{
    private readonly List<(string Label, ulong Start, ulong End)> _mappings = new();
    private IReadOnlyList<ulong> _pfns = Array.Empty<ulong>();

    public void BindBuffer(IReadOnlyList<ulong> pfns) => _pfns = pfns;

    public void BindMapping(string label, ulong start, ulong end)
    {
        _mappings.RemoveAll(m => m.Label == label);
        _mappings.Add((label, start, end));
    }

    public string Address(ulong address)
    {
        for (var i = _mappings.Count - 1; i >= 0; i--)
        {
            var (label, start, end) = _mappings[i];
            if (address >= start && address < end) return $"{label}+0x{address - start:x}";
        }

        // Outside every mapping (past the end of one, or in one since unmapped): relative to the nearest mapping that
        // starts below it, the latest bound on a tie. That is the mapping the program's address was computed from
        // whenever placement agrees, and it does not depend on how far apart the kernel put unrelated mappings.
        var best = -1;
        for (var i = _mappings.Count - 1; i >= 0; i--)
        {
            if (_mappings[i].Start <= address && (best < 0 || _mappings[i].Start > _mappings[best].Start)) best = i;
        }

        if (best >= 0) return $"{_mappings[best].Label}+0x{address - _mappings[best].Start:x}";
        return "0x" + address.ToString("x");
    }

    /// <summary>The end of a range: LABEL+0xLEN even when it is one past the mapping.</summary>
    public string EndAddress(ulong end) => end == 0 ? "0x0" : Address(end - 1) is var s && s.Contains('+')
        ? s[..s.IndexOf('+')] + "+0x" + (ParseOffset(s) + 1).ToString("x")
        : "0x" + end.ToString("x");

    public string Pfn(ulong pfn)
    {
        for (var i = 0; i < _pfns.Count; i++)
        {
            if (_pfns[i] == pfn) return $"pfn[{i}]";
        }

        if (_pfns.Count > 0 && pfn > _pfns[0]) return $"pfn[0]+{pfn - _pfns[0]}";
        return "0x" + pfn.ToString("x");
    }

    private readonly List<(ulong Pfn, ulong Pages)> _remaps = new();

    /// <summary>A remap_pfn_range call: when it succeeded on a CoW VMA, it set vm_pgoff to its pfn.</summary>
    public void NoteRemap(RemapPfnRangeCalled remap)
    {
        if (remap.Result == 0) _remaps.Add((remap.Pfn, remap.Size >> Kernel.PageGeometry.PageShift));
    }

    /// <summary>
    /// vm_pgoff read as a pfn, or null when it is a file page offset. A CoW remap sets vm_pgoff to the pfn it was given,
    /// and a later split advances the upper piece's by the pages before it, so a value inside a successful remap's range
    /// is named after that call's pfn: pfn[0]+1, not whichever buffer page happens to have the next frame number
    /// (vmalloc pages are physically contiguous on one boot and not on the next). Otherwise a buffer pfn, or null.
    /// Still ambiguous, and not resolved: a split piece of one remap whose frame is where another remap starts on a boot
    /// with contiguous pages (the model's vmalloc frames are never contiguous).
    /// </summary>
    public string? PgOffAsPfn(ulong pgoff)
    {
        // Of the remaps whose range holds it, the one with the nearest pfn at or below: two mappings of one buffer may
        // overlap physically, and the piece of a split names the remap it came from the same way on every boot.
        ulong? nearest = null;
        foreach (var (pfn, pages) in _remaps)
        {
            if (pgoff >= pfn && pgoff - pfn < pages && (nearest is null || pfn > nearest)) nearest = pfn;
        }

        if (nearest is { } b) return pgoff == b ? Pfn(b) : $"{Pfn(b)}+{pgoff - b}";
        return IsBufferPfn(pgoff) ? Pfn(pgoff) : null;
    }

    /// <summary>vm_pgoff: a pfn after a CoW remap (vm_pgoff = pfn, see <see cref="PgOffAsPfn"/>), otherwise the file page offset.</summary>
    public string PgOff(ulong pgoff) => PgOffAsPfn(pgoff) ?? "0x" + pgoff.ToString("x");

    public bool IsBufferPfn(ulong pfn) => _pfns.Contains(pfn);

    private static ulong ParseOffset(string symbolic) =>
        Convert.ToUInt64(symbolic[(symbolic.IndexOf("+0x", StringComparison.Ordinal) + 3)..], 16);
}
