using Mmap.Model.Kernel;

namespace Mmap.Model.Mm;

/// <summary>A <c>struct file</c> for the device node: its open flags and f_mode.</summary>
public sealed record OpenFile(OpenFlags Flags)
{
    public FMode Mode => Flags.ToFMode();
}
