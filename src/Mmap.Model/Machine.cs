using Mmap.Model.Driver;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Mm;
using Mmap.Model.Proc;
using Mmap.Model.Tracing;

namespace Mmap.Model;

/// <summary>
/// One kernel with one loaded character-device driver and one user process: the state every syscall,
/// fault and driver call of the model works on. Deterministic: the same calls give the same trace.
/// </summary>
public sealed class Machine
{
    /// <param name="trace">Where events go: a complete trace unless given (see <see cref="Tracing.Trace.Keeping"/>).</param>
    public Machine(DriverStrategy driver, KernelVersion version = KernelVersion.Linux6_1, string devicePath = "/dev/mymmap", Trace? trace = null)
    {
        Trace = trace ?? new Trace();
        Version = version;
        Mm = new AddressSpace(version);
        Strategy = driver;
        Node = new DeviceNode(devicePath);
        Memory = new PhysicalMemory();
        // Module init: allocate the buffer and write the fill pattern at the start of every page.
        Buffer = new DeviceBuffer(driver.Buffer, driver.Pages, Memory, driver.Fill);
        Driver = new DeviceDriver(this);
        TraceLoad();
    }

    /// <summary>
    /// Puts the machine back where its constructor left it: the driver just loaded (buffer filled), no open file, no
    /// mappings, no anonymous pages, no BUG, an empty trace (same filter) holding the load event. A long exhaustive run
    /// reuses one machine this way instead of building one per point; the runs are the same (tested).
    /// </summary>
    public void Reset()
    {
        Memory.Reset();
        Buffer.Reset();
        Mm.Reset();
        Trace.Clear();
        OpenFile = null;
        UserBuffer = [];
        Bug = null;
        _warned = 0;
        PreviousProcTotal = null;
        TraceLoad();
    }

    /// <summary>The trace's first event: the module loaded, with its buffer's pfns.</summary>
    private void TraceLoad()
    {
        Trace.Loaded(Node.Path, Strategy.Buffer, Buffer.Pfns);
    }

    public KernelVersion Version { get; }

    public DriverStrategy Strategy { get; }

    public DeviceNode Node { get; }

    public PhysicalMemory Memory { get; }

    public DeviceBuffer Buffer { get; }

    public DeviceDriver Driver { get; }

    public AddressSpace Mm { get; }

    public Trace Trace { get; }

    /// <summary>The process's open device file (its only fd), or null.</summary>
    public OpenFile? OpenFile { get; set; }

    /// <summary>The program's local buffer used by read(2)/write(2) on the device.</summary>
    public byte[] UserBuffer { get; set; } = [];

    /// <summary>Set once a kernel BUG killed the process: later steps do not run.</summary>
    public KernelBugHit? Bug { get; private set; }

    public bool IsDead => Bug is not null;

    private ulong _warned;

    /// <summary>
    /// WARN_ON_ONCE: true the first time a warning site fires on this machine (the oracle clears the kernel's
    /// once-flags before each scenario through /sys/kernel/debug/clear_warn_once, so a scenario starts unwarned).
    /// </summary>
    public bool WarnOnce(WarningSite site)
    {
        var bit = 1UL << (int)site;
        var first = (_warned & bit) == 0;
        _warned |= bit;
        return first;
    }

    public ulong? PreviousProcTotal { get; set; }

    /// <summary>Records a kernel BUG: the event goes into the trace and the process is dead from now on.</summary>
    public void RecordBug(KernelBugException bug) => RecordBug(new KernelBugHit(bug.Function, bug.Condition));

    /// <summary>Records a kernel BUG found without an exception (see <see cref="VmfInsertPfn.BugOn"/>).</summary>
    public void RecordBug(KernelBugHit bug)
    {
        Bug = bug;
        Trace.Add(bug);
    }
}
