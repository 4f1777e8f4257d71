namespace Mmap.Model.Kernel;

/// <summary><c>file->f_mode</c> bits derived from the open mode. Source: fs/open.c (FMODE_READ/WRITE). R2.3.</summary>
[Flags]
public enum FMode
{
    None = 0,
    Read = 1,
    Write = 2,
}

public static class FModeExtensions
{
    /// <summary>O_RDONLY → FMODE_READ, O_WRONLY → FMODE_WRITE, O_RDWR → both (fs/open.c, OPEN_FMODE).</summary>
    public static FMode ToFMode(this OpenFlags flags) => (flags & OpenFlags.AccessModeMask) switch
    {
        OpenFlags.ReadOnly => FMode.Read,
        OpenFlags.WriteOnly => FMode.Write,
        OpenFlags.ReadWrite => FMode.Read | FMode.Write,
        _ => FMode.None,
    };
}
