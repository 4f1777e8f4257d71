using Mmap.Model.Memory;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>A physical page reads back what was written, wherever it was written, and copies stay independent.</summary>
public sealed class PhysicalPageTests
{
    /// <summary>A page holding 9 2 3 (its own prefix after a write) and a copy of it that shares that prefix.</summary>
    private static (PhysicalPage Source, PhysicalPage Copy) CopyOfAWrittenPage()
    {
        var source = PhysicalPage.WithPrefix([1, 2, 3]);
        source.Write(0, 9);
        var copy = PhysicalPage.Zeroed();
        copy.CopyFrom(source);
        return (source, copy);
    }

    /// <summary>A page made 4 KiB of bytes by a write far in (0x33 at 4000), its prefix 0xdd.</summary>
    private static PhysicalPage Materialized()
    {
        var page = PhysicalPage.WithPrefix([0xdd]);
        page.Write(4000, 0x33);
        return page;
    }

    /// <summary>The prefix dd cc bb aa with the shorter prefix 11 written over it.</summary>
    private static PhysicalPage ShorterPrefixOverALongerOne()
    {
        var page = PhysicalPage.WithPrefix([0xdd, 0xcc, 0xbb, 0xaa]);
        page.WritePrefix([0x11]);
        return page;
    }

    private static byte[] Bytes(PhysicalPage page, int count) => Enumerable.Range(0, count).Select(i => page.Read(i) ?? 0xee).Select(b => (byte)b).ToArray();

    /// <summary>Buffers of every size up to the largest a driver may have get their pfns: contiguous for kmalloc, scattered for vmalloc.</summary>
    [Theory]
    [InlineData(BufferKind.Kmalloc)]
    [InlineData(BufferKind.Vmalloc)]
    public void A_buffer_of_the_largest_size_has_a_distinct_pfn_per_page(BufferKind kind)
    {
        foreach (var pages in new[] { 1, DeviceBuffer.MaxPages - 1, DeviceBuffer.MaxPages })
        {
            var buffer = new DeviceBuffer(kind, pages, new PhysicalMemory());
            Assert.Equal(pages, buffer.Pfns.Count);
            Assert.Equal(pages, buffer.Pfns.Distinct().Count());
            if (pages > 1) Assert.Equal(kind == BufferKind.Kmalloc, buffer.Pfns.Zip(buffer.Pfns.Skip(1)).All(p => p.Second == p.First + 1));
            Assert.Same(buffer.Pfns, new DeviceBuffer(kind, pages, new PhysicalMemory()).Pfns);
        }
    }

    /// <summary>WritePrefix overwrites only its own bytes: a longer old prefix keeps its tail, a materialized page its other bytes.</summary>
    [Fact]
    public void A_prefix_write_keeps_every_byte_it_does_not_cover()
    {
        Assert.Equal([0x11, 0xcc, 0xbb, 0xaa, 0], Bytes(ShorterPrefixOverALongerOne(), 5));

        var materialized = Materialized();
        materialized.WritePrefix([0x11, 0x22]);
        Assert.Equal([0x11, 0x22, 0], Bytes(materialized, 3));
        Assert.Equal((byte?)0x33, materialized.Read(4000));
    }

    [Fact]
    public void Writes_near_the_start_and_far_in_both_read_back()
    {
        byte[] fill = [0xdd, 0xcc, 0xbb, 0xaa];
        var page = PhysicalPage.WithPrefix(fill);
        page.Write(1, 0x11);
        page.Write(10, 0x22);
        Assert.Equal([0xdd, 0x11, 0xbb, 0xaa, 0, 0, 0, 0, 0, 0, 0x22, 0], Bytes(page, 12));
        page.Write(4000, 0x33);
        Assert.Equal((byte?)0x33, page.Read(4000));
        Assert.Equal([0xdd, 0x11, 0xbb, 0xaa, 0, 0, 0, 0, 0, 0, 0x22, 0], Bytes(page, 12));
        Assert.Equal([0xdd, 0xcc, 0xbb, 0xaa], fill);
    }

    [Fact]
    public void A_copy_and_its_source_change_independently()
    {
        var (source, copy) = CopyOfAWrittenPage();
        copy.Write(1, 7);
        source.Write(2, 8);
        Assert.Equal([9, 2, 8], Bytes(source, 3));
        Assert.Equal([9, 7, 3], Bytes(copy, 3));
    }

    /// <summary>The source writing first does not show through a copy that has not written yet (the prefix is shared until then).</summary>
    [Fact]
    public void A_source_written_after_the_copy_leaves_the_copy_as_it_was()
    {
        var (source, copy) = CopyOfAWrittenPage();
        source.Write(1, 8);
        Assert.Equal([9, 8, 3], Bytes(source, 3));
        Assert.Equal([9, 2, 3], Bytes(copy, 3));
    }

    /// <summary>A buffer's frames are its own: the frame one step past the last one (in the buffer's own stride) is not a buffer page.</summary>
    [Theory]
    [InlineData(BufferKind.Kmalloc)]
    [InlineData(BufferKind.Vmalloc)]
    public void The_frame_after_a_buffer_is_not_one_of_its_pages(BufferKind kind)
    {
        var memory = new PhysicalMemory();
        var buffer = new DeviceBuffer(kind, 4, memory);
        var stride = buffer.Pfns[1] - buffer.Pfns[0];
        Assert.Equal(3, buffer.IndexOf(buffer.Pfns[3]));
        Assert.Equal(-1, buffer.IndexOf(buffer.Pfns[3] + stride));
        Assert.Equal(-1, buffer.IndexOf(buffer.Pfns[0] - 1));
        Assert.Null(memory.Read(buffer.Pfns[3] + stride, 0));
    }

    /// <summary>A byte written near the start of a page that is already 4 KiB of bytes lands in those bytes.</summary>
    [Fact]
    public void A_write_near_the_start_of_a_materialized_page_reads_back()
    {
        var page = Materialized();
        page.Write(5, 0x44);
        Assert.Equal([0xdd, 0, 0, 0, 0, 0x44], Bytes(page, 6));
        Assert.Equal((byte?)0x33, page.Read(4000));

        // A shorter prefix over a longer one materializes the page; a later write near the start goes to those bytes.
        var rewritten = ShorterPrefixOverALongerOne();
        rewritten.Write(2, 0x44);
        Assert.Equal([0x11, 0xcc, 0x44, 0xaa], Bytes(rewritten, 4));
    }

    /// <summary>Buffer pages keep what was written to them while other pages are written; past the fill pattern they read 0.</summary>
    [Fact]
    public void Buffer_pages_keep_their_writes_and_read_zero_past_the_fill()
    {
        var buffer = new DeviceBuffer(BufferKind.Vmalloc, 4, new PhysicalMemory(), Driver.FillPattern.Of(0xdd, 0xcc, 0xbb, 0xaa));
        Assert.Equal(0, buffer.Read(2, 4));
        Assert.Equal(0xaa, buffer.Read(2, 3));
        buffer.Page(0).Write(0, 0x11);
        buffer.Page(1).Write(0, 0x22);
        Assert.Equal(0x11, buffer.Read(0, 0));
        Assert.Equal(0x22, buffer.Read(1, 0));
        Assert.Equal((byte?)0x11, buffer.Page(0).Read(0));
    }

    [Fact]
    public void A_buffer_without_pages_is_refused()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceBuffer(BufferKind.Kmalloc, 0, new PhysicalMemory()));
        Assert.Contains("a buffer has at least one page", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reset puts back what module init wrote: the fill pattern, not the writes since.</summary>
    [Fact]
    public void Resetting_a_buffer_brings_back_its_fill()
    {
        var buffer = new DeviceBuffer(BufferKind.Kmalloc, 2, new PhysicalMemory(), Driver.FillPattern.Of(0xdd));
        buffer.Page(1).Write(0, 0x11);
        buffer.Reset();
        Assert.Equal(0xdd, buffer.Read(1, 0));
        Assert.Equal((byte?)0xdd, buffer.Page(1).Read(0));
    }

    /// <summary>Anonymous frames are the ones handed out so far, counted from the base.</summary>
    [Fact]
    public void Only_allocated_frames_are_anonymous()
    {
        var memory = new PhysicalMemory();
        Assert.Equal(0, memory.AnonymousPagesAllocated);
        var first = memory.AllocateAnonymous();
        var second = memory.AllocateAnonymous();
        Assert.Equal(2, memory.AnonymousPagesAllocated);
        Assert.True(memory.IsAnonymous(first) && memory.IsAnonymous(second));
        Assert.False(memory.IsAnonymous(second + 1));
        Assert.False(memory.IsAnonymous(PhysicalMemory.AnonPfnBase - 1));
    }

    [Fact]
    public void Clearing_a_page_zeroes_it()
    {
        var page = PhysicalPage.WithPrefix([5, 6]);
        page.Write(3000, 1);
        page.Clear();
        Assert.Equal(new byte[4096], Bytes(page, 4096));
    }
}
