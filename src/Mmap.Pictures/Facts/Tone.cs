namespace Mmap.Pictures.Facts;

/// <summary>How an outcome is coloured: what kind of result it is, not whether it was expected.</summary>
public enum Tone
{
    /// <summary>ok, 0, matched, a byte count.</summary>
    Success,

    /// <summary>A value read from memory.</summary>
    Value,

    /// <summary>An errno returned by a syscall or a driver call, or a mismatch.</summary>
    Error,

    /// <summary>SIGBUS, SIGSEGV or a kernel BUG.</summary>
    Signal,

    /// <summary>A step that did not run.</summary>
    Skipped,
}
