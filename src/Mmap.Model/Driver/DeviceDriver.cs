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

    /// <summary>file_operations.mmap: returns 0 or -errno.</summary>
    public int Mmap(Vma vma, string label)
    {
        if (machine.Trace.Keeps<DriverMmapEntered>()) machine.Trace.Add(new DriverMmapEntered(label, vma.Start, vma.End, vma.Flags, vma.PgOff));
        var (result, why) = MmapBody(vma);
        if (machine.Trace.Keeps<DriverMmapReturned>()) machine.Trace.Add(new DriverMmapReturned(result, vma.Flags, vma.PgOff, why));
        return result;
    }

    private (int Result, string? Why) MmapBody(Vma vma)
    {
        var buffer = machine.Buffer;
        if (Strategy.Limit is { } limit && vma.Length > (ulong)limit.MaxPages << PageGeometry.PageShift)
        {
            return (ReturnCodes.Of(limit.Error), Explains ? $"length {vma.Pages} pages > limit {limit.MaxPages}" : null);
        }

        if (Strategy.ClearsMayWrite)
        {
            vma.Flags &= ~VmFlags.MayWrite;
            if (machine.Trace.Keeps<DriverClearedFlags>()) machine.Trace.Add(new DriverClearedFlags(VmFlags.MayWrite));
        }

        var method = Strategy.Method.Behaviour();
        var first = Strategy.Pgoff == PgoffPolicy.Honour ? vma.PgOff : 0;
        // A driver that honours vm_pgoff refuses a range past its buffer in ->mmap, unless the helper checks it
        // itself (vm_map_pages: ENXIO) or a fault handler checks each page when it is touched (VM_FAULT_SIGBUS).
        if (Strategy.Pgoff == PgoffPolicy.Honour && method.RejectsRangePastBuffer
            && (first >= (ulong)buffer.PageCount || vma.Pages > (ulong)buffer.PageCount - first))
        {
            return (ReturnCodes.Of(Errno.EINVAL), "vm_pgoff + length beyond the buffer");
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

    private (int, string?) RemapWhole(Vma vma, ulong first, ulong count, PageProt prot)
    {
        var pfn = machine.Buffer.Pfn((int)Math.Min(first, (ulong)machine.Buffer.PageCount - 1));
        var size = count << PageGeometry.PageShift;
        var r = RemapPfnRange.Call(machine.Mm, vma, vma.Start, pfn, size, prot);
        if (machine.Trace.Keeps<RemapPfnRangeCalled>()) machine.Trace.Add(new RemapPfnRangeCalled(vma.Start, pfn, size, Strategy.Prot, r.Code, r.Why));
        if (r.Code == ReturnCodes.Ok || Strategy.ChecksErrors) return (r.Code, null);
        return (ReturnCodes.Ok, Ignored(1));
    }

    /// <summary>One remap_pfn_range or vm_insert_page per page, in order; a checking driver stops at the first error.</summary>
    private (int, string?) EachPage(Vma vma, MmapCall call, ulong first, ulong count, PageProt prot)
    {
        var ignored = 0;
        for (ulong i = 0; i < count; i++)
        {
            var code = MapPage(vma, call, vma.Start + (i << PageGeometry.PageShift), machine.Buffer.Pfn((int)(first + i)), prot);
            if (code == ReturnCodes.Ok) continue;
            if (Strategy.ChecksErrors) return (code, "the driver returns the first error");
            ignored++;
        }

        return (ReturnCodes.Ok, Ignored(ignored));
    }

    private int MapPage(Vma vma, MmapCall call, ulong address, ulong pfn, PageProt prot)
    {
        if (call == MmapCall.VmInsertPage)
        {
            var inserted = VmInsertPage.Call(machine.Mm, vma, address, pfn, machine.Buffer);
            if (machine.Trace.Keeps<VmInsertPageCalled>()) machine.Trace.Add(new VmInsertPageCalled(address, machine.Buffer.IndexOf(pfn), inserted.Code, inserted.Why));
            return inserted.Code;
        }

        var r = RemapPfnRange.Call(machine.Mm, vma, address, pfn, PageGeometry.PageSize, prot);
        if (machine.Trace.Keeps<RemapPfnRangeCalled>())
            machine.Trace.Add(new RemapPfnRangeCalled(address, pfn, PageGeometry.PageSize, Strategy.Prot, r.Code, r.Why));
        return r.Code;
    }

    /// <summary>Explanations are built only for a trace that keeps the ->mmap return they go with.</summary>
    private bool Explains => machine.Trace.Keeps<DriverMmapReturned>();

    private string? Ignored(int failures) =>
        failures == 0 || !Explains ? null : $"the driver ignored {failures} failed call{(failures == 1 ? "" : "s")}; what they should have mapped has no PTE";

    private (int, string?) MapPages(Vma vma)
    {
        // vm_map_pages honours vm_pgoff; vm_map_pages_zero maps from page 0 (mm/memory.c __vm_map_pages).
        var zero = Strategy.Pgoff == PgoffPolicy.Ignore;
        var savedPgOff = vma.PgOff;
        if (zero) vma.PgOff = 0;
        var r = VmMapPages.Call(machine.Mm, vma, machine.Buffer);
        vma.PgOff = savedPgOff;
        if (machine.Trace.Keeps<VmMapPagesCalled>()) machine.Trace.Add(new VmMapPagesCalled(zero, machine.Buffer.PageCount, r.Code, r.Why));
        if (r.Code == ReturnCodes.Ok || Strategy.ChecksErrors) return (r.Code, null);
        return (ReturnCodes.Ok, Ignored(1));
    }

    /// <summary>Installs vm_ops with .fault, after setting the method's vm_flags (vm_flags_set).</summary>
    private (int, string?) InstallFaultHandler(Vma vma, VmFlags sets)
    {
        vma.Flags |= sets;
        vma.Ops = VmOps.DriverFault;
        return (ReturnCodes.Ok, sets == VmFlags.None
            ? "vm_ops with .fault installed; no PTEs yet"
            : KernelNames.SpellVmFlags(sets) + " set, vm_ops with .fault installed");
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
            if (machine.Trace.Keeps<FaultHandlerCalled>()) machine.Trace.Add(new FaultHandlerCalled(address, pgoff, "VM_FAULT_SIGBUS", "beyond the buffer"));
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
            if (machine.Trace.Keeps<FaultHandlerCalled>())
                machine.Trace.Add(new FaultHandlerCalled(address, pgoff, result == VmFault.NoPage ? "VM_FAULT_NOPAGE" : "VM_FAULT_SIGBUS", $"vmf_insert_pfn(pfn[{index}])"));
            return (result, pfn);
        }

        if (machine.Trace.Keeps<FaultHandlerCalled>()) machine.Trace.Add(new FaultHandlerCalled(address, pgoff, $"page[{index}]", "vmf->page = the buffer page"));
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
