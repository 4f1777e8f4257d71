using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;

namespace Mmap.Model.Tracing;

/// <summary>
/// The trace vocabulary shared by the model, the real-kernel oracle and the snapshots: one event per
/// syscall, driver call, fault-handler call and user access. Values are raw (addresses, pfns); the
/// <see cref="TraceRenderer"/> makes them symbolic. <c>Why</c> fields are the model's explanations and
/// are never compared.
/// </summary>
public abstract record TraceEvent;

/// <summary>The driver was loaded: its buffer and the pfn of every buffer page (binds pfn[i]).</summary>
public sealed record DeviceLoaded(string Path, BufferKind Buffer, IReadOnlyList<ulong> Pfns) : TraceEvent;

public sealed record DeviceOpened(string Path, OpenFlags Flags) : TraceEvent;

/// <summary>close(2) of the device fd: 0, or -EBADF when no fd is open (fs/open.c close_fd: "if (!file) return -EBADF").</summary>
public sealed record DeviceClosed(Kernel.Errno? Error = null) : TraceEvent;

/// <summary>mmap(2) entered. <paramref name="Label"/> is the scenario's name for the mapping.</summary>
public sealed record MmapCalled(string Label, ulong AddressHint, ulong Length, Prot Prot, MapFlags Flags, ulong Offset) : TraceEvent;

/// <summary>The driver's ->mmap was called with this VMA (binds the label to [Start, End)).</summary>
public sealed record DriverMmapEntered(string Label, ulong Start, ulong End, VmFlags Flags, ulong PgOff) : TraceEvent;

public sealed record DriverClearedFlags(VmFlags Cleared) : TraceEvent;

public sealed record RemapPfnRangeCalled(ulong Address, ulong Pfn, ulong Size, RemapProt Prot, int Result, string? Why) : TraceEvent;

public sealed record VmInsertPageCalled(ulong Address, int PageIndex, int Result, string? Why) : TraceEvent;

public sealed record VmMapPagesCalled(bool Zero, int PageCount, int Result, string? Why) : TraceEvent;

public sealed record DriverMmapReturned(int Result, VmFlags Flags, ulong PgOff, string? Why) : TraceEvent;

/// <summary>mmap(2) returned: an address (binds the label) or an errno.</summary>
public sealed record MmapReturned(string Label, ulong Address, Errno? Error, string? Why) : TraceEvent;

/// <summary>The driver's vm_ops->fault ran for page <paramref name="PgOff"/> of the file.</summary>
public sealed record FaultHandlerCalled(ulong Address, ulong PgOff, string Result, string? Why) : TraceEvent;

public sealed record MemoryAccessed(AccessKind Access, Faults.ValueType Type, ulong Address, uint WrittenValue, AccessOutcome Outcome, string? Why) : TraceEvent;

public sealed record MprotectCalled(ulong Address, ulong Length, Prot Prot, Errno? Error, string? Why) : TraceEvent;

public sealed record MunmapCalled(ulong Address, ulong Length, Errno? Error, string? Why) : TraceEvent;

/// <summary>read(2) (<paramref name="IsWrite"/> false) or write(2) on the device fd.</summary>
public sealed record DeviceIo(bool IsWrite, ulong Length, long Result) : TraceEvent;

/// <summary>The lab test's per-page check of a mapping: "matched", the four bytes, or a signal.</summary>
public sealed record PageChecked(ulong Address, string Outcome) : TraceEvent;

/// <summary>The same check on the program's local buffer after read(2).</summary>
public sealed record BufferChecked(ulong Offset, string Outcome) : TraceEvent;

/// <summary>One /proc/self/maps line of a scenario mapping.</summary>
public sealed record MapsLine(ulong Start, ulong End, VmFlags Flags, ulong PgOff, bool HasFile, string Path) : TraceEvent;

/// <summary>The lab's /proc/my-proc-entry reading: total VM, compared with the previous reading.</summary>
public sealed record ProcTotalRead(ulong Total, ulong? Previous) : TraceEvent;

/// <summary>A kernel BUG(): the syscall never returns; the process is killed.</summary>
public sealed record KernelBugHit(string Function, string Condition) : TraceEvent;

/// <summary>
/// A kernel warning (WARN_ON, WARN_ON_ONCE) printed on the path a step took: the source file and the function the
/// kernel names in its "WARNING: … at FILE:LINE FUNCTION+off" line (an inlined helper is named by its caller), and
/// the condition that fired. A step's warnings come just before its last event, in model and oracle traces alike.
/// </summary>
public sealed record KernelWarning(string File, string Function, string Condition) : TraceEvent;

/// <summary>The WARN_ON_ONCE sites the model knows; each fires at most once per scenario (<see cref="Machine.WarnOnce"/>).</summary>
public enum WarningSite
{
    /// <summary>mm/memory.c sanitize_fault_flags: a write fault in a VMA without VM_MAYWRITE (6.12+, D2).</summary>
    SanitizeFaultFlags,

    /// <summary>arch/x86/mm/pat/memtype.c get_pat_info: no remapped pfn at vm_start of a VM_PAT VMA that is not CoW.</summary>
    UntrackPfn,
}

/// <summary>A model-only remark (rendered as a comment, never compared).</summary>
public sealed record ModelNote(string Text) : TraceEvent;
