using Mmap.Model.Driver;
using Mmap.Model.Faults;
using Mmap.Model.Kernel;
using Mmap.Model.Memory;
using Mmap.Model.Tracing;
using Xunit;
using ValueType = Mmap.Model.Faults.ValueType;

namespace Mmap.Model.Tests.Rules;

/// <summary>
/// The renderer's rarer lines, one crafted trace each way: what the oracle compares (no explanations, no model notes) and
/// what a reader sees. The common lines are pinned by the approved scenario traces; these are the ones few scenarios reach.
/// </summary>
public sealed class TraceRendererTests
{
    private const ulong Page = PageGeometry.PageSize, A = 0x7f0000000000, B = A - 0x10000;

    private static readonly TraceEvent[] Events =
    [
        new DeviceLoaded("/dev/lab", BufferKind.Vmalloc, [0x100]),
        new DeviceOpened("/dev/lab", OpenFlags.ReadOnly),
        new MmapCalled("A", 0, 2 * Page, Prot.Read, MapFlags.Shared, 0),
        new DriverMmapEntered("A", A, A + 2 * Page, VmFlags.Read | VmFlags.MayRead | VmFlags.Shared | VmFlags.MayShare, 0),
        new DriverClearedFlags(VmFlags.MayWrite | VmFlags.MayExec),
        new VmMapPagesCalled(true, 2, 0, null),
        new VmMapPagesCalled(false, 1, -22, "why"),
        new DriverMmapReturned(0, VmFlags.Read, 0, null),
        new MmapReturned("A", A, null, null),
        new ModelNote("a remark"),
        new MmapCalled("B", A + Page, Page, Prot.Read | Prot.Write, MapFlags.Private | MapFlags.Anonymous, 0),
        new MmapReturned("B", B, null, null),
        new MemoryAccessed(AccessKind.Write, ValueType.U8, B, 7, AccessOutcome.Written, null),
        new MemoryAccessed(AccessKind.Read, ValueType.U8, A + 3 * Page, 0, AccessOutcome.MapErr, "past A"),
        new ProcTotalRead(3 * Page, null),
        new ProcTotalRead(Page, 3 * Page),
        new ProcTotalRead(Page, Page),
        new DeviceClosed(),
        new DeviceClosed(Errno.EBADF),
        new KernelBugHit("f", "cond"),
    ];

    [Fact]
    public void A_reader_sees_every_line_with_its_explanation()
    {
        Assert.Equal(
            """
            insmod: vmalloc buffer of 1 page, /dev/lab
            open("/dev/lab", O_RDONLY) = fd
            mmap(NULL, 0x2000, PROT_READ, MAP_SHARED, fd, 0x0)
              ->mmap vma=[A+0x0, A+0x2000) vm_flags=0x99 vm_pgoff=0x0  # not CoW
              vm_flags &= ~VM_MAYWRITE|VM_MAYEXEC
              vm_map_pages_zero(pages, 2) = 0
              vm_map_pages(pages, 1) = -EINVAL  # why
              ->mmap = 0 vm_flags=0x1 vm_pgoff=0x0
            = A
            # a remark
            mmap(A+0x1000, 0x1000, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0x0)
            = B
            write u8 B+0x0 0x7 = ok
            read u8 A+0x3000 = SIGSEGV:MAPERR  # past A
            proc-total = baseline
            proc-total = -0x2000
            proc-total = +0x0
            close(fd) = 0
            close(fd) = -EBADF  # no file is open
            BUG: kernel BUG in f: cond  # the process is killed; the syscall never returns

            """.ReplaceLineEndings("\n"),
            TraceRenderer.Render(Events));
    }

    [Fact]
    public void The_oracle_compares_the_lines_without_explanations_or_notes()
    {
        var lines = TraceRenderer.ComparableLines(Events);
        Assert.Equal(Events.Length - 1, lines.Count);
        Assert.DoesNotContain(lines, l => l.Contains('#'));
        Assert.Equal("close(fd) = -EBADF", lines[^2]);
        Assert.Equal(lines, TraceRenderer.Render(Events).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(TraceRenderer.StripExplanation).Where(l => l.Length > 0));
    }

    [Theory]
    [InlineData("  remap_pfn_range(A+0x0, pfn[0], 0x1000, vm_page_prot) = 0  # why", "  remap_pfn_range(A+0x0, pfn[0], 0x1000, vm_page_prot) = 0")]
    [InlineData("# a whole-line comment", "")]
    [InlineData("   # an indented comment", "")]
    [InlineData("= A   ", "= A")]
    [InlineData("read u8 A+0x0 = 0x7", "read u8 A+0x0 = 0x7")]
    public void Strip_explanation_keeps_what_is_compared(string line, string kept) =>
        Assert.Equal(kept, TraceRenderer.StripExplanation(line));

    [Theory]
    [InlineData(0L, "0")]
    [InlineData(4096L, "4096")]
    [InlineData(-22L, "-EINVAL")]
    [InlineData(-9999L, "-9999")]
    public void Results_are_a_number_or_a_named_errno(long result, string spelled) =>
        Assert.Equal(spelled, KernelNames.Result(result));

    [Fact]
    public void A_driver_that_ignored_calls_says_how_many()
    {
        string? Why(int ignored)
        {
            var trace = new Trace();
            trace.DriverMmapReturn(0, new Mm.Vma(A, A + Page, VmFlags.Read, 0, Mm.VmOps.Dummy, null), DriverMmapNote.Ignored, (ulong)ignored);
            return ((DriverMmapReturned)trace.Events[0]).Why;
        }

        Assert.Null(Why(0));
        Assert.Equal("the driver ignored 1 failed call; what they should have mapped has no PTE", Why(1));
        Assert.Equal("the driver ignored 3 failed calls; what they should have mapped has no PTE", Why(3));
    }

    [Fact]
    public void An_event_kept_through_its_base_type_is_filtered_by_what_it_is()
    {
        var trace = Trace.Keeping(typeof(DeviceClosed));
        trace.Add<TraceEvent>(new DeviceClosed());
        trace.Add<TraceEvent>(new DeviceOpened("/dev/lab", OpenFlags.ReadOnly));
        Assert.Equal([new DeviceClosed()], trace.Events);
        trace.Clear();
        Assert.Empty(trace.Events);
        trace.Close();
        Assert.Single(trace.Events);
    }

    [Fact]
    public void A_failed_device_read_and_a_sigbus_from_vmf_insert_pfn_render_as_errors()
    {
        // Neither happens on the model's paths today (the fault path asks vmf_insert_pfn only inside the VMA), but the
        // vocabulary has them: a negative errno for read(2), VM_FAULT_SIGBUS for the insert.
        var trace = new Trace();
        trace.FileIo(isWrite: false, 0x1000, Syscalls.SyscallResult.Fail(Errno.EFAULT));
        trace.FaultInsertPfn(A, 3, Driver.VmFault.SigBus, 3);
        Assert.Equal(-(long)Errno.EFAULT, ((DeviceIo)trace.Events[0]).Result);
        Assert.Equal(
            ["read(fd, buf, 0x1000) = -EFAULT", "  ->fault 0x7f0000000000 pgoff=0x3 = VM_FAULT_SIGBUS"],
            TraceRenderer.ComparableLines(trace.Events));
        Assert.Equal("vmf_insert_pfn(pfn[3])", ((FaultHandlerCalled)trace.Events[1]).Why);
    }

    private sealed record NotAnEvent : TraceEvent;

    [Fact]
    public void An_event_type_the_renderer_does_not_know_is_an_error() =>
        Assert.Equal("unknown trace event NotAnEvent", Assert.Throws<InvalidOperationException>(() => TraceRenderer.Render([new NotAnEvent()])).Message);
}
