using Mmap.Model.Kernel;
using Mmap.Model.Mm;

namespace Mmap.Model.Proc;

/// <summary>
/// /proc/&lt;pid&gt;/maps lines, byte for byte.
/// Source: fs/proc/task_mmu.c show_vma_header_prefix and show_map_vma (6.1; same in 6.12). R8.1.
/// </summary>
public static class ProcMaps
{
    /// <summary>seq_setwidth(m, 25 + sizeof(void *) * 6 - 1) on 64-bit.</summary>
    public const int PadWidth = 25 + (8 * 6) - 1;

    /// <summary>The longest line without its path: two 16-digit addresses, perms, offset, dev, a 20-digit inode, padding.</summary>
    private const int MaxWithoutPath = 128;

    /// <summary>r/w/x from VM_READ/WRITE/EXEC; 's' if VM_MAYSHARE, else 'p'.</summary>
    public static string Permissions(VmFlags flags)
    {
        Span<char> perms = stackalloc char[4];
        WritePermissions(flags, perms);
        return new string(perms);
    }

    /// <summary>The most characters a line for a VMA of <paramref name="node"/> can have: what <see cref="Format"/> needs.</summary>
    public static int MaxLength(DeviceNode node) => MaxWithoutPath + Math.Max(node.Path.Length, DeviceNode.ShmemZero.Path.Length);

    /// <summary>The path a maps line shows for a VMA: the device node, or the deleted shmem file of a shared anonymous mapping.</summary>
    public static string PathOf(Vma vma, DeviceNode node) => vma.IsShmem ? DeviceNode.ShmemZero.Path : node.Path;

    /// <summary>The line for a VMA, without the trailing newline.</summary>
    public static string Line(Vma vma, DeviceNode node)
    {
        var length = MaxLength(node);
        Span<char> line = length <= 512 ? stackalloc char[length] : new char[length];
        return new string(line[..Format(vma, node, line)]);
    }

    /// <summary>Writes the line for a VMA into <paramref name="line"/> (at least <see cref="MaxLength"/> chars); returns its length.</summary>
    public static int Format(Vma vma, DeviceNode node, Span<char> line)
    {
        if (vma.IsShmem) node = DeviceNode.ShmemZero;
        var hasFile = vma.HasFile;
        // show_map_vma: dev, ino and pgoff are printed only for file mappings; 0 otherwise.
        var pgoff = hasFile ? vma.PgOff << PageGeometry.PageShift : 0;
        var major = hasFile ? node.DevMajor : 0;
        var minor = hasFile ? node.DevMinor : 0;
        var inode = hasFile ? node.Inode : 0;

        // show_vma_header_prefix: "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ".
        var n = Hex.Write(vma.Start, 8, line);
        line[n++] = '-';
        n += Hex.Write(vma.End, 8, line[n..]);
        line[n++] = ' ';
        WritePermissions(vma.Flags, line[n..]);
        n += 4;
        line[n++] = ' ';
        n += Hex.Write(pgoff, 8, line[n..]);
        line[n++] = ' ';
        n += Hex.Write((uint)major, 2, line[n..]);
        line[n++] = ':';
        n += Hex.Write((uint)minor, 2, line[n..]);
        line[n++] = ' ';
        inode.TryFormat(line[n..], out var written);
        n += written;
        line[n++] = ' ';
        if (hasFile)
        {
            // seq_pad(m, ' '): spaces up to the pad column, then one more space, then the path.
            while (n < PadWidth) line[n++] = ' ';
            line[n++] = ' ';
            node.Path.CopyTo(line[n..]);
            n += node.Path.Length;
        }

        return n;
    }

    private static void WritePermissions(VmFlags flags, Span<char> perms)
    {
        perms[0] = (flags & VmFlags.Read) != 0 ? 'r' : '-';
        perms[1] = (flags & VmFlags.Write) != 0 ? 'w' : '-';
        perms[2] = (flags & VmFlags.Exec) != 0 ? 'x' : '-';
        perms[3] = (flags & VmFlags.MayShare) != 0 ? 's' : 'p';
    }
}
