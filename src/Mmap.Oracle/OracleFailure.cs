namespace Mmap.Oracle;

/// <summary>What went wrong on the way from a scenario to a kernel trace. Closed set, one per stage.</summary>
public enum OracleFailure
{
    /// <summary>A host tool (apt-get, dpkg, make, gcc, qemu-system-x86_64, busybox) is not installed.</summary>
    ToolMissing,
    /// <summary>apt-get could not find or download a kernel package, or dpkg -x failed.</summary>
    PackagesUnavailable,
    /// <summary>The generated kernel module did not compile.</summary>
    ModuleBuildFailed,
    /// <summary>The generated user program did not compile.</summary>
    ProgramBuildFailed,
    /// <summary>The kernel did not reach the init script, or the VM stopped before the batch ended.</summary>
    BootFailed,
    /// <summary>A process (QEMU, make, apt-get) ran past its time limit and was killed.</summary>
    Timeout,
    /// <summary>A scenario uses something the oracle cannot run on a real kernel.</summary>
    Unsupported,
    /// <summary>The serial log is malformed (should not happen; indicates a harness bug).</summary>
    LogMalformed,
    /// <summary>Record lines were lost, garbled or repeated between the program and the host (sequence numbers and checksums, or the module's log overflowed).</summary>
    TransportFailed,
    /// <summary>The harness's own process died or stopped without a kernel BUG or oops to explain it.</summary>
    HarnessCrashed,
}
