using System.Text;
using Mmap.Model.Faults;

namespace Mmap.Model.Tracing;

/// <summary>
/// Renders a trace as text, one event per line, with symbolic addresses and pfns. Lines that happen
/// inside a syscall (the driver's calls, fault-handler calls) are indented by two spaces. The model's
/// explanations follow " # ". The same input always renders to the same bytes.
/// </summary>
public static class TraceRenderer
{
    public const string CommentMarker = "  # ";

    public static string Render(Trace trace) => Render(trace.Events);

    public static string Render(IEnumerable<TraceEvent> events, bool withExplanations = true)
    {
        var symbols = new SymbolTable();
        ulong lastMmapLength = 0;
        var text = new StringBuilder();
        foreach (var e in events)
        {
            if (e is MmapCalled call) lastMmapLength = Kernel.PageGeometry.Align(call.Length);
            var (line, why) = RenderLine(e, symbols, lastMmapLength);
            if (!withExplanations && e is ModelNote) continue;
            text.Append(line);
            if (withExplanations && !string.IsNullOrEmpty(why)) text.Append(CommentMarker).Append(why);
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The lines of a trace without explanations: what the oracle compares.</summary>
    public static IReadOnlyList<string> ComparableLines(IEnumerable<TraceEvent> events) =>
        Render(events, withExplanations: false).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Removes a " # explanation" suffix and whole-line comments.</summary>
    public static string StripExplanation(string line)
    {
        var index = line.IndexOf(CommentMarker, StringComparison.Ordinal);
        var kept = index >= 0 ? line[..index] : line;
        return kept.TrimStart().StartsWith('#') ? "" : kept.TrimEnd();
    }

    private static (string Line, string? Why) RenderLine(TraceEvent e, SymbolTable s, ulong mmapLength)
    {
        const string In = "  ";
        switch (e)
        {
            case DeviceLoaded d:
                s.BindBuffer(d.Pfns);
                return ($"insmod: {d.Buffer.ToString().ToLowerInvariant()} buffer of {d.Pfns.Count} page{(d.Pfns.Count == 1 ? "" : "s")}, {d.Path}", null);
            case DeviceOpened o:
                return ($"open(\"{o.Path}\", {KernelNames.Spell(o.Flags)}) = fd", null);
            case DeviceClosed c:
                return ($"close(fd) = {ErrnoResult(c.Error)}", c.Error is null ? null : "no file is open");
            case MmapCalled m:
                var anonymous = (m.Flags & Kernel.MapFlags.Anonymous) != 0;
                var hint = m.AddressHint == 0 ? "NULL" : s.Address(m.AddressHint);
                return ($"mmap({hint}, {KernelNames.Hex(m.Length)}, {KernelNames.Spell(m.Prot)}, {KernelNames.Spell(m.Flags)}, {(anonymous ? "-1" : "fd")}, {KernelNames.Hex(m.Offset)})", null);
            case DriverMmapEntered d:
                s.BindMapping(d.Label, d.Start, d.End);
                return ($"{In}->mmap vma=[{s.Address(d.Start)}, {s.EndAddress(d.End)}) vm_flags={d.Flags.ToHexString()} vm_pgoff={s.PgOff(d.PgOff)}",
                    d.Flags.IsCowMappingText());
            case DriverClearedFlags c:
                return ($"{In}vm_flags &= ~{FlagNames(c.Cleared)}", null);
            case RemapPfnRangeCalled r:
                s.NoteRemap(r);
                return ($"{In}remap_pfn_range({s.Address(r.Address)}, {s.Pfn(r.Pfn)}, {KernelNames.Hex(r.Size)}, {KernelNames.Spell(r.Prot)}) = {KernelNames.Result(r.Result)}", r.Why);
            case VmInsertPageCalled v:
                return ($"{In}vm_insert_page({s.Address(v.Address)}, page[{v.PageIndex}]) = {KernelNames.Result(v.Result)}", v.Why);
            case VmMapPagesCalled v:
                return ($"{In}vm_map_pages{(v.Zero ? "_zero" : "")}(pages, {v.PageCount}) = {KernelNames.Result(v.Result)}", v.Why);
            case DriverMmapReturned d:
                return ($"{In}->mmap = {KernelNames.Result(d.Result)} vm_flags={d.Flags.ToHexString()} vm_pgoff={s.PgOff(d.PgOff)}", d.Why);
            case MmapReturned m:
                if (m.Error is { } error) return ($"= -{error}", m.Why);
                s.BindMapping(m.Label, m.Address, m.Address + mmapLength);
                return ($"= {m.Label}", m.Why);
            case FaultHandlerCalled f:
                return ($"{In}->fault {s.Address(f.Address)} pgoff={s.PgOff(f.PgOff)} = {f.Result}", f.Why);
            case MemoryAccessed a:
                var verb = a.Access == AccessKind.Read ? "read" : "write";
                var value = a.Access == AccessKind.Write ? " " + KernelNames.Hex(a.WrittenValue) : "";
                return ($"{verb} {a.Type.ToKeyword()} {s.Address(a.Address)}{value} = {a.Outcome.Render(a.Access, a.Type)}", a.Why);
            case MprotectCalled p:
                return ($"mprotect({s.Address(p.Address)}, {KernelNames.Hex(p.Length)}, {KernelNames.Spell(p.Prot)}) = {ErrnoResult(p.Error)}", p.Why);
            case MunmapCalled u:
                return ($"munmap({s.Address(u.Address)}, {KernelNames.Hex(u.Length)}) = {ErrnoResult(u.Error)}", u.Why);
            case DeviceIo io:
                return ($"{(io.IsWrite ? "write" : "read")}(fd, buf, {KernelNames.Hex(io.Length)}) = {KernelNames.Result(io.Result)}", null);
            case PageChecked c:
                return ($"check {s.Address(c.Address)} = {c.Outcome}", null);
            case BufferChecked b:
                return ($"check buf+0x{b.Offset:x} = {b.Outcome}", null);
            case MapsLine m:
                return ($"maps {s.Address(m.Start)}-{s.EndAddress(m.End)} {ProcMapsPermissions(m)} {MapsOffset(m, s)}{(m.HasFile ? " " + m.Path : "")}", null);
            case ProcTotalRead t:
                return ($"proc-total = {TotalDelta(t)}", null);
            case KernelBugHit b:
                return ($"BUG: kernel BUG in {b.Function}: {b.Condition}", "the process is killed; the syscall never returns");
            case KernelWarning w:
                return ($"{In}WARNING {w.File} {w.Function}", w.Condition);
            case ModelNote n:
                return ($"# {n.Text}", null);
            default:
                throw new InvalidOperationException("unknown trace event " + e.GetType().Name);
        }
    }

    private static string ErrnoResult(Kernel.Errno? error) => error is { } e ? "-" + e : "0";

    private static string ProcMapsPermissions(MapsLine m) => Proc.ProcMaps.Permissions(m.Flags);

    private static string MapsOffset(MapsLine m, SymbolTable s) =>
        m.HasFile && s.PgOffAsPfn(m.PgOff) is { } pfn
            ? (pfn.Contains('+') ? $"({pfn})<<12" : pfn + "<<12")
            : ((m.HasFile ? m.PgOff : 0) << Kernel.PageGeometry.PageShift).ToString("x8");

    private static string TotalDelta(ProcTotalRead t)
    {
        if (t.Previous is not { } previous) return "baseline";
        return t.Total >= previous ? "+0x" + (t.Total - previous).ToString("x") : "-0x" + (previous - t.Total).ToString("x");
    }

    private static string FlagNames(Kernel.VmFlags flags) =>
        string.Join('|', Enum.GetValues<Kernel.VmFlags>().Where(f => f != 0 && (flags & f) == f)
            .Select(f => "VM_" + f.ToString().ToUpperInvariant()));

    private static string ToHexString(this Kernel.VmFlags flags) => Kernel.VmFlagsExtensions.ToHex(flags);

    private static string IsCowMappingText(this Kernel.VmFlags flags) =>
        Kernel.VmFlagsExtensions.IsCowMapping(flags) ? "CoW: VM_MAYWRITE without VM_SHARED" : "not CoW";
}
