using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Tracing;

namespace Mmap.Model.Driver;

/// <summary>
/// The loaded driver: carries out its <see cref="DriverStrategy"/> in module init (fill the buffer),
/// <c>->mmap</c>, <c>vm_ops->fault</c> and the read/write file operations. The strategy decides; the
/// kernel helpers it calls (<see cref="RemapPfnRange"/>, <see cref="VmInsertPage"/>, …) follow the kernel.
/// </summary>
public sealed class DeviceDriver(Machine machine)
{
    private DriverStrategy Strategy => machine.Strategy;

    public bool HasMmap => Strategy.Method.Behaviour().HasMmap;

    /// <summary>A driver's answer from <c>->mmap</c>: 0 or -errno, and why (see <see cref="DriverMmapNote"/>).</summary>
    private readonly record struct MmapAnswer(int Result, DriverMmapNote Note = DriverMmapNote.None, ulong Count = 0, ulong Limit = 0, VmFlags Flags = VmFlags.None);

    /// <summary>file_operations.mmap: returns 0 or -errno.</summary>
    public int Mmap(Vma vma, string label)
    {
        machine.Trace.DriverMmapEnter(label, vma);
        var answer = MmapBody(vma);
        machine.Trace.DriverMmapReturn(answer.Result, vma, answer.Note, answer.Count, answer.Limit, answer.Flags);
        return answer.Result;
    }

    private MmapAnswer MmapBody(Vma vma)
    {
        var buffer = machine.Buffer;
        if (Strategy.Limit is { } limit && vma.Length > (ulong)limit.MaxPages << PageGeometry.PageShift)
        {
            return new(ReturnCodes.Of(limit.Error), DriverMmapNote.LengthLimit, vma.Pages, (ulong)limit.MaxPages);
        }

        if (Strategy.ClearsMayWrite)
        {
            vma.Flags &= ~VmFlags.MayWrite;
            machine.Trace.ClearFlags(VmFlags.MayWrite);
        }

        var method = Strategy.Method.Behaviour();
        var first = Strategy.Pgoff == PgoffPolicy.Honour ? vma.PgOff : 0;
        // A driver that honours vm_pgoff refuses a range past its buffer in ->mmap, unless the helper checks it
        // itself (vm_map_pages: ENXIO) or a fault handler checks each page when it is touched (VM_FAULT_SIGBUS).
        if (Strategy.Pgoff == PgoffPolicy.Honour && method.RejectsRangePastBuffer
            && (first >= (ulong)buffer.PageCount || vma.Pages > (ulong)buffer.PageCount - first))
        {
            return new(ReturnCodes.Of(Errno.EINVAL), DriverMmapNote.PgoffBeyondBuffer);
        }

        // Pages the driver maps: the VMA's, but never past the end of its buffer.
        var count = Math.Min(vma.Pages, first < (ulong)buffer.PageCount ? (ulong)buffer.PageCount - first : 0);
        var prot = Strategy.Prot == RemapProt.PageShared ? PageProt.Shared : vma.PageProt;
        return (method.Call, method.Span) switch
        {
            (MmapCall.RemapPfnRange, CallSpan.WholeVma) => RemapWhole(vma, first, count, prot),
            (MmapCall.RemapPfnRange or MmapCall.VmInsertPage, CallSpan.PerPage) => EachPage(vma, method.Call, first, count, prot),
            (MmapCall.VmMapPages, CallSpan.WholeBuffer) => MapPages(vma),
            (MmapCall.None, CallSpan.None) when method.Fault != FaultHandlerKind.None => InstallFaultHandler(vma, method.SetsFlags),
            _ => throw new InvalidOperationException($"->mmap of {Strategy.Method}: no such combination of call and span"),
        };
    }

    /// <summary>A checking driver returns a failed call's error; an unchecking one returns 0 and leaves the range unmapped.</summary>
    private MmapAnswer Returned(int code, ulong failures) =>
        code == ReturnCodes.Ok || Strategy.ChecksErrors ? new(code) : new(ReturnCodes.Ok, DriverMmapNote.Ignored, failures);

    private MmapAnswer RemapWhole(Vma vma, ulong first, ulong count, PageProt prot)
    {
        var pfn = machine.Buffer.Pfn((int)Math.Min(first, (ulong)machine.Buffer.PageCount - 1));
        var size = count << PageGeometry.PageShift;
        var r = RemapPfnRange.Call(machine.Mm, vma, vma.Start, pfn, size, prot);
        machine.Trace.RemapPfnRange(vma.Start, pfn, size, Strategy.Prot, r);
        return Returned(r.Code, 1);
    }

    /// <summary>One remap_pfn_range or vm_insert_page per page, in order; a checking driver stops at the first error.</summary>
    private MmapAnswer EachPage(Vma vma, MmapCall call, ulong first, ulong count, PageProt prot)
    {
        ulong ignored = 0;
        for (ulong i = 0; i < count; i++)
        {
            var code = MapPage(vma, call, vma.Start + (i << PageGeometry.PageShift), machine.Buffer.Pfn((int)(first + i)), prot);
            if (code == ReturnCodes.Ok) continue;
            if (Strategy.ChecksErrors) return new(code, DriverMmapNote.FirstError);
            ignored++;
        }

        return new(ReturnCodes.Ok, DriverMmapNote.Ignored, ignored);
    }

    private int MapPage(Vma vma, MmapCall call, ulong address, ulong pfn, PageProt prot)
    {
        if (call == MmapCall.VmInsertPage)
        {
            var inserted = VmInsertPage.Call(machine.Mm, vma, address, pfn, machine.Buffer);
            machine.Trace.VmInsertPage(address, machine.Buffer.IndexOf(pfn), inserted);
            return inserted.Code;
        }

        var r = RemapPfnRange.Call(machine.Mm, vma, address, pfn, PageGeometry.PageSize, prot);
        machine.Trace.RemapPfnRange(address, pfn, PageGeometry.PageSize, Strategy.Prot, r);
        return r.Code;
    }

    private MmapAnswer MapPages(Vma vma)
    {
        // vm_map_pages honours vm_pgoff; vm_map_pages_zero maps from page 0 (mm/memory.c __vm_map_pages).
        var zero = Strategy.Pgoff == PgoffPolicy.Ignore;
        var savedPgOff = vma.PgOff;
        if (zero) vma.PgOff = 0;
        var r = VmMapPages.Call(machine.Mm, vma, machine.Buffer);
        vma.PgOff = savedPgOff;
        machine.Trace.VmMapPages(zero, machine.Buffer.PageCount, r);
        return Returned(r.Code, 1);
    }

    /// <summary>Installs vm_ops with .fault, after setting the method's vm_flags (vm_flags_set).</summary>
    private static MmapAnswer InstallFaultHandler(Vma vma, VmFlags sets)
    {
        vma.Flags |= sets;
        vma.Ops = VmOps.DriverFault;
        return new(ReturnCodes.Ok, DriverMmapNote.FaultHandler, Flags: sets);
    }

    /// <summary>
    /// vm_ops->fault for the page at <paramref name="address"/>. vmf->pgoff is the file page
    /// (vm_pgoff + page index in the VMA: mm/memory.c linear_page_index).
    /// </summary>
    public (VmFault Result, ulong Pfn) Fault(Vma vma, ulong address)
    {
        var pageInVma = (address - vma.Start) >> PageGeometry.PageShift;
        var pgoff = vma.PgOff + pageInVma;
        var index = Strategy.Pgoff == PgoffPolicy.Honour ? pgoff : pageInVma;
        if (index >= (ulong)machine.Buffer.PageCount)
        {
            machine.Trace.FaultBeyondBuffer(address, pgoff);
            return (VmFault.SigBus, 0);
        }

        var pfn = machine.Buffer.Pfn((int)index);
        if (Strategy.Method.Behaviour().Fault == FaultHandlerKind.InsertPfn)
        {
            if (VmfInsertPfn.BugOn(vma) is { } bug)
            {
                machine.RecordBug(bug);
                return (VmFault.Bug, 0);
            }

            var result = VmfInsertPfn.Insert(machine.Mm, vma, address & PageGeometry.PageMask, pfn);
            machine.Trace.FaultInsertPfn(address, pgoff, result, index);
            return (result, pfn);
        }

        machine.Trace.FaultPage(address, pgoff, index);
        return (VmFault.Page, pfn);
    }

    /// <summary>file_operations.read of lab exercise 3: copies min(len, buffer) bytes out, ignoring the offset.</summary>
    public long Read(ulong length)
    {
        var size = Math.Min(length, machine.Buffer.SizeBytes);
        var data = new byte[size];
        for (ulong i = 0; i < size; i++)
        {
            var page = machine.Buffer.Page((int)(i >> PageGeometry.PageShift));
            data[i] = page.Read((int)(i & ~PageGeometry.PageMask)) ?? 0;
        }

        machine.UserBuffer = data;
        return (long)size;
    }

    /// <summary>file_operations.write of lab exercise 3: memset(area, 0, whole buffer), then copy min(len, buffer) bytes in.</summary>
    public long Write(byte[] data)
    {
        var size = Math.Min((ulong)data.Length, machine.Buffer.SizeBytes);
        for (var i = 0; i < machine.Buffer.PageCount; i++) machine.Buffer.Page(i).Clear();
        for (var page = 0; (ulong)page << PageGeometry.PageShift < size; page++)
        {
            var start = page << PageGeometry.PageShift;
            var end = (int)Math.Min(size, (ulong)(start + (int)PageGeometry.PageSize));
            var chunk = data.AsSpan(start, end - start);
            var last = chunk.LastIndexOfAnyExcept((byte)0);
            if (last >= 0) machine.Buffer.Page(page).WritePrefix(chunk[..(last + 1)]);
        }

        return (long)size;
    }
}
