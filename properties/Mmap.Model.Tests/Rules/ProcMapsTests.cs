using Mmap.Model.Kernel;
using Mmap.Model.Mm;
using Mmap.Model.Proc;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>R8.1: /proc/pid/maps lines byte for byte.</summary>
public sealed class ProcMapsTests
{
    [Fact]
    public void File_line_pads_to_column_73_then_one_space_and_the_path()
    {
        var vma = new Vma(0x7f3a1c200000, 0x7f3a1c210000, (VmFlags)0x0C0444F9, 0, VmOps.Dummy, new OpenFile(OpenFlags.ReadWrite));
        var line = ProcMaps.Line(vma, new DeviceNode("/dev/mymmap", 0, 5, 1234));
        const string prefix = "7f3a1c200000-7f3a1c210000 r--s 00000000 00:05 1234 ";
        Assert.StartsWith(prefix, line);
        Assert.Equal(new string(' ', 72 - prefix.Length), line[prefix.Length..72]);
        Assert.Equal(" /dev/mymmap", line[72..]);
    }

    [Fact]
    public void Private_mapping_after_a_cow_remap_shows_the_physical_address_as_offset()
    {
        var vma = new Vma(0x10000, 0x20000, (VmFlags)0x05044471, 0x12340, VmOps.Dummy, new OpenFile(OpenFlags.ReadOnly));
        Assert.StartsWith("00010000-00020000 r--p 12340000 00:05 ", ProcMaps.Line(vma, new DeviceNode("/dev/x")));
    }

    [Fact]
    public void The_upper_piece_of_a_split_cow_remap_is_named_after_the_remaps_pfn_not_the_next_buffer_page()
    {
        // kmalloc pages are contiguous, so vm_pgoff + 1 is also buffer page 1's frame; the trace must not say so, since
        // on a real kernel the same holds for vmalloc pages on some boots and not on others (seed 2028).
        var machine = new Machine(TestMachines.Whole with { Pages = 2 });
        Syscalls.DeviceFileSyscalls.Open(machine, OpenFlags.ReadOnly);
        var va = TestMachines.Map(machine, 2, Prot.Read | Prot.Write, MapFlags.Private).Value;
        Assert.Equal(machine.Buffer.Pfns[0] + 1, machine.Buffer.Pfns[1]);
        Assert.True(Syscalls.MprotectSyscall.Mprotect(machine, va, PageGeometry.PageSize, Prot.Read).Succeeded);
        Syscalls.ProcFiles.Maps(machine);
        var maps = Tracing.TraceRenderer.ComparableLines(machine.Trace.Events).Where(l => l.StartsWith("maps ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["maps VA+0x0-VA+0x1000 r--p pfn[0]<<12 /dev/mymmap", "maps VA+0x1000-VA+0x2000 rw-p (pfn[0]+1)<<12 /dev/mymmap"], maps);
    }

    /// <summary>
    /// A device with a real major number, a large inode and a long path, at the top of the address space: the file line
    /// prints major:minor and the inode, an anonymous line 00:00 0, and the whole line fits the buffer
    /// <see cref="ProcMaps.MaxLength"/> sizes.
    /// </summary>
    [Fact]
    public void Device_numbers_inode_and_a_long_path_are_printed_in_full_for_a_file_and_zeroed_for_anonymous_memory()
    {
        var node = new DeviceNode("/dev/" + new string('m', 200), 240, 3, 18446744073709551615);
        var file = new Vma(0x7ffffffef000, 0x7ffffffff000, VmFlags.Read | VmFlags.Shared | VmFlags.MayRead | VmFlags.MayShare, 0xfffffffff, VmOps.Dummy,
            new OpenFile(OpenFlags.ReadWrite));
        var line = ProcMaps.Line(file, node);
        Assert.Equal("7ffffffef000-7ffffffff000 r--s fffffffff000 f0:03 18446744073709551615 " + new string(' ', 2) + node.Path, line);
        Assert.True(line.Length <= ProcMaps.MaxLength(node));
        var anonymous = new Vma(0x7ffffffef000, 0x7ffffffff000, VmFlags.Read | VmFlags.MayRead, 0x7ffffffef, VmOps.Anonymous, null);
        Assert.Equal("7ffffffef000-7ffffffff000 r--p 00000000 00:00 0 ", ProcMaps.Line(anonymous, node));
    }

    [Fact]
    public void Anonymous_line_has_zero_dev_and_inode_and_a_trailing_space()
    {
        var vma = new Vma(0x7f0000000000, 0x7f0000a00000, VmFlags.Read | VmFlags.MayRead | VmFlags.MayWrite, 0x7f0000000, VmOps.Anonymous, null);
        Assert.Equal("7f0000000000-7f0000a00000 r--p 00000000 00:00 0 ", ProcMaps.Line(vma, new DeviceNode("/dev/x")));
    }

    [Theory]
    [InlineData(0xd1UL, "r--s")]  // MAP_SHARED of an O_RDONLY fd: VM_SHARED cleared, VM_MAYSHARE kept
    [InlineData(0x71UL, "r--p")]
    [InlineData(0x73UL, "rw-p")]
    [InlineData(0xffUL, "rwxs")]
    public void Permissions_use_mayshare_for_s(ulong flags, string expected) =>
        Assert.Equal(expected, ProcMaps.Permissions((VmFlags)flags));
}
