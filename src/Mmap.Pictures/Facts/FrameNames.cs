using Mmap.Model;
using Mmap.Model.Memory;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;

namespace Mmap.Pictures.Facts;

/// <summary>Symbolic names of frames and PTEs: pfn[i] for buffer pages, as in the trace; anon and zero pages by role.</summary>
public sealed class FrameNames
{
    private readonly Machine _machine;
    private readonly SymbolTable _symbols = new();

    public FrameNames(Machine machine)
    {
        _machine = machine;
        _symbols.BindBuffer(machine.Buffer.Pfns);
        // vm_pgoff after a CoW remap is named after the remap's pfn, as the trace renderer names it.
        foreach (var remap in machine.Trace.Events.OfType<RemapPfnRangeCalled>()) _symbols.NoteRemap(remap);
    }

    public string Frame(ulong pfn) =>
        pfn == PhysicalMemory.ZeroPfn ? "zero page"
        : _machine.Memory.IsAnonymous(pfn) ? "anon page"
        : _symbols.Pfn(pfn);

    public string PgOff(ulong pgoff) => _symbols.PgOff(pgoff);

    public static string Kind(PteKind kind) => kind switch
    {
        PteKind.Special => "special",
        PteKind.Page => "page",
        _ => "anon",
    };

    /// <summary>The first <paramref name="count"/> bytes of a frame, <c>dd cc bb aa</c>; <c>??</c> where unknown.</summary>
    public string Bytes(ulong pfn, int count = 4)
    {
        var page = _machine.Memory[pfn];
        return string.Join(' ', Enumerable.Range(0, count).Select(i => page.Read(i) is { } b ? b.ToString("x2") : "??"));
    }
}
