namespace Mmap.Exploration.Scope;

/// <summary>The short action lists a scope point runs after a successful mmap.</summary>
public enum UserAction
{
    /// <summary>Read a char from the start of every page (the question's test, extended to all pages).</summary>
    ReadEachPage,

    /// <summary>Write one byte at the start of the first page.</summary>
    WriteFirstPage,

    /// <summary>mprotect(PROT_READ|PROT_WRITE) over the whole mapping, then write the first page.</summary>
    ProtectThenWrite,

    /// <summary>munmap the first page, then read it.</summary>
    UnmapFirstThenRead,
}

public static class UserActionNames
{
    public static string Name(this UserAction action) => action switch
    {
        UserAction.ReadEachPage => "read-each-page",
        UserAction.WriteFirstPage => "write-first-page",
        UserAction.ProtectThenWrite => "mprotect-rw-then-write",
        UserAction.UnmapFirstThenRead => "munmap-first-then-read",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    public static UserAction? Parse(string name) =>
        Enum.GetValues<UserAction>().Select(a => (UserAction?)a).FirstOrDefault(a => a!.Value.Name() == name);
}
