using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Mm;
using Mmap.Model.Syscalls;

namespace Mmap.Model.Tracing;

/// <summary>Why a driver's <c>->mmap</c> returned what it did; the text is built only for a trace that keeps the return.</summary>
public enum DriverMmapNote
{
    None,

    /// <summary>The VMA is longer than the driver's length limit (count: the VMA's pages, limit: the limit).</summary>
    LengthLimit,

    /// <summary>vm_pgoff + length reach past the buffer of a driver that honours vm_pgoff.</summary>
    PgoffBeyondBuffer,

    /// <summary>A checking driver returned its first failing call's error.</summary>
    FirstError,

    /// <summary>The driver ignored failed calls (count: how many).</summary>
    Ignored,

    /// <summary>The driver installed vm_ops with .fault (flags: the vm_flags it set first).</summary>
    FaultHandler,
}

/// <summary>
/// One method per trace event: each asks the trace whether it keeps the event before building it (and its
/// explanation), so rule code calls <c>machine.Trace.RemapPfnRange(...)</c> in the place the kernel function
/// would print, and a trace that does not keep the event costs one bit test.
/// </summary>
public static class TraceEmitter
{
    public static void Loaded(this Trace trace, string path, BufferKind buffer, IReadOnlyList<ulong> pfns)
    {
        if (trace.Keeps<DeviceLoaded>()) trace.Add(new DeviceLoaded(path, buffer, pfns));
    }

    public static void Open(this Trace trace, string path, OpenFlags flags)
    {
        if (trace.Keeps<DeviceOpened>()) trace.Add(new DeviceOpened(path, flags));
    }

    public static void Close(this Trace trace, Errno? error = null)
    {
        if (trace.Keeps<DeviceClosed>()) trace.Add(new DeviceClosed(error));
    }

    /// <summary>read(2) or write(2) on the device fd: bytes transferred or -errno.</summary>
    public static void FileIo(this Trace trace, bool isWrite, ulong length, SyscallResult result)
    {
        if (trace.Keeps<DeviceIo>()) trace.Add(new DeviceIo(isWrite, length, result.Error is { } e ? -(long)e : (long)result.Value));
    }

    public static void MmapCall(this Trace trace, MmapRequest request)
    {
        if (trace.Keeps<MmapCalled>()) trace.Add(new MmapCalled(request.Label, request.Address, request.Length, request.Prot, request.Flags, request.Offset));
    }

    public static void MmapReturn(this Trace trace, string label, SyscallResult result)
    {
        if (trace.Keeps<MmapReturned>()) trace.Add(new MmapReturned(label, result.Value, result.Error, null));
    }

    /// <summary>The driver's ->mmap failed: mmap_region undid what it mapped.</summary>
    public static void DriverMmapUndone(this Trace trace, int zappedPtes)
    {
        if (trace.Keeps<ModelNote>()) trace.Add(new ModelNote($"->mmap failed: unmap_region zapped {zappedPtes} PTEs, the VMA is freed"));
    }

    public static void DriverMmapEnter(this Trace trace, string label, Vma vma)
    {
        if (trace.Keeps<DriverMmapEntered>()) trace.Add(new DriverMmapEntered(label, vma.Start, vma.End, vma.Flags, vma.PgOff));
    }

    public static void DriverMmapReturn(this Trace trace, int result, Vma vma, DriverMmapNote note, ulong count = 0, ulong limit = 0, VmFlags flags = VmFlags.None)
    {
        if (trace.Keeps<DriverMmapReturned>()) trace.Add(new DriverMmapReturned(result, vma.Flags, vma.PgOff, Explain(note, count, limit, flags)));
    }

    private static string? Explain(DriverMmapNote note, ulong count, ulong limit, VmFlags flags) => note switch
    {
        DriverMmapNote.LengthLimit => $"length {count} pages > limit {limit}",
        DriverMmapNote.PgoffBeyondBuffer => "vm_pgoff + length beyond the buffer",
        DriverMmapNote.FirstError => "the driver returns the first error",
        DriverMmapNote.Ignored when count > 0 => $"the driver ignored {count} failed call{(count == 1 ? "" : "s")}; what they should have mapped has no PTE",
        DriverMmapNote.FaultHandler when flags == VmFlags.None => "vm_ops with .fault installed; no PTEs yet",
        DriverMmapNote.FaultHandler => KernelNames.SpellVmFlags(flags) + " set, vm_ops with .fault installed",
        _ => null,
    };

    public static void ClearFlags(this Trace trace, VmFlags cleared)
    {
        if (trace.Keeps<DriverClearedFlags>()) trace.Add(new DriverClearedFlags(cleared));
    }

    public static void RemapPfnRange(this Trace trace, ulong address, ulong pfn, ulong size, RemapProt prot, Driver.RemapPfnRange.Result result)
    {
        if (trace.Keeps<RemapPfnRangeCalled>()) trace.Add(new RemapPfnRangeCalled(address, pfn, size, prot, result.Code, result.Why));
    }

    public static void VmInsertPage(this Trace trace, ulong address, int pageIndex, Driver.RemapPfnRange.Result result)
    {
        if (trace.Keeps<VmInsertPageCalled>()) trace.Add(new VmInsertPageCalled(address, pageIndex, result.Code, result.Why));
    }

    public static void VmMapPages(this Trace trace, bool zero, int pageCount, Driver.RemapPfnRange.Result result)
    {
        if (trace.Keeps<VmMapPagesCalled>()) trace.Add(new VmMapPagesCalled(zero, pageCount, result.Code, result.Why));
    }

    /// <summary>The driver's ->fault for a page past its buffer: VM_FAULT_SIGBUS.</summary>
    public static void FaultBeyondBuffer(this Trace trace, ulong address, ulong pgoff)
    {
        if (trace.Keeps<FaultHandlerCalled>()) trace.Add(new FaultHandlerCalled(address, pgoff, "VM_FAULT_SIGBUS", "beyond the buffer"));
    }

    /// <summary>The driver's ->fault installed buffer page <paramref name="index"/> with vmf_insert_pfn.</summary>
    public static void FaultInsertPfn(this Trace trace, ulong address, ulong pgoff, VmFault result, ulong index)
    {
        if (trace.Keeps<FaultHandlerCalled>())
            trace.Add(new FaultHandlerCalled(address, pgoff, result == VmFault.NoPage ? "VM_FAULT_NOPAGE" : "VM_FAULT_SIGBUS", $"vmf_insert_pfn(pfn[{index}])"));
    }

    /// <summary>The driver's ->fault returned buffer page <paramref name="index"/> in vmf->page.</summary>
    public static void FaultPage(this Trace trace, ulong address, ulong pgoff, ulong index)
    {
        if (trace.Keeps<FaultHandlerCalled>()) trace.Add(new FaultHandlerCalled(address, pgoff, $"page[{index}]", "vmf->page = the buffer page"));
    }

    public static void Access(this Trace trace, AccessKind access, Faults.ValueType type, ulong address, uint value, AccessOutcome outcome, string? why)
    {
        if (trace.Keeps<MemoryAccessed>()) trace.Add(new MemoryAccessed(access, type, address, value, outcome, why));
    }

    /// <summary>The explanation of an access the VMA's flags forbid, or null when accesses are not kept.</summary>
    public static string? WhyVmaForbids(this Trace trace, VmFlags flags) =>
        trace.Keeps<MemoryAccessed>() ? $"the VMA forbids it (vm_flags {flags.ToHex()})" : null;

    public static void Mprotect(this Trace trace, ulong start, ulong length, Prot prot, SyscallResult result, string? why)
    {
        if (trace.Keeps<MprotectCalled>()) trace.Add(new MprotectCalled(start, length, prot, result.Error, why));
    }

    /// <summary>The explanation of mprotect's EACCES, or null when mprotect calls are not kept.</summary>
    public static string? WhyMprotectNeedsMay(this Trace trace, Prot prot, VmFlags flags) =>
        trace.Keeps<MprotectCalled>() ? $"{KernelNames.Spell(prot)} needs VM_MAY* bits the VMA lacks ({flags.ToHex()})" : null;

    public static void Munmap(this Trace trace, ulong start, ulong length, SyscallResult result)
    {
        if (trace.Keeps<MunmapCalled>()) trace.Add(new MunmapCalled(start, length, result.Error, null));
    }

    public static void Maps(this Trace trace, Vma vma, string path)
    {
        if (trace.Keeps<MapsLine>()) trace.Add(new MapsLine(vma.Start, vma.End, vma.Flags, vma.PgOff, vma.HasFile, path));
    }

    public static void ProcTotal(this Trace trace, ulong total, ulong? previous)
    {
        if (trace.Keeps<ProcTotalRead>()) trace.Add(new ProcTotalRead(total, previous));
    }

    public static void Warning(this Trace trace, string file, string function, string condition)
    {
        if (trace.Keeps<KernelWarning>()) trace.Add(new KernelWarning(file, function, condition));
    }
}
