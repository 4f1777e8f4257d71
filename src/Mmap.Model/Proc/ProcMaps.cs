using System.Text;
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

    /// <summary>r/w/x from VM_READ/WRITE/EXEC; 's' if VM_MAYSHARE, else 'p'.</summary>
    public static string Permissions(VmFlags flags) => string.Concat(
        (flags & VmFlags.Read) != 0 ? 'r' : '-',
        (flags & VmFlags.Write) != 0 ? 'w' : '-',
        (flags & VmFlags.Exec) != 0 ? 'x' : '-',
        (flags & VmFlags.MayShare) != 0 ? 's' : 'p');

    /// <summary>The line for a VMA, without the trailing newline.</summary>
    public static string Line(Vma vma, DeviceNode node)
    {
        var hasFile = vma.File is not null;
        // show_map_vma: dev, ino and pgoff are printed only for file mappings; 0 otherwise.
        var pgoff = hasFile ? vma.PgOff << PageGeometry.PageShift : 0;
        var major = hasFile ? node.DevMajor : 0;
        var minor = hasFile ? node.DevMinor : 0;
        var inode = hasFile ? node.Inode : 0;
        var line = new StringBuilder();
        line.Append(vma.Start.ToString("x8")).Append('-').Append(vma.End.ToString("x8")).Append(' ');
        line.Append(Permissions(vma.Flags));
        line.Append(' ').Append(pgoff.ToString("x8"));
        line.Append(' ').Append(major.ToString("x2")).Append(':').Append(minor.ToString("x2"));
        line.Append(' ').Append(inode).Append(' ');
        if (hasFile)
        {
            // seq_pad(m, ' '): spaces up to the pad column, then one more space, then the path.
            while (line.Length < PadWidth) line.Append(' ');
            line.Append(' ').Append(node.Path);
        }

        return line.ToString();
    }
}
