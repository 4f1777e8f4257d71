using System.Runtime.InteropServices;

namespace Mmap.Smt.Solving.Native;

/// <summary>
/// The few entry points of Debian's libz3 (package libz3-4) that the in-process back-end needs.
/// <c>Z3_eval_smtlib2_string</c> returns a buffer owned by the context: it is declared as <c>nint</c> and copied
/// with <see cref="Marshal.PtrToStringUTF8(nint)"/>, never marshalled as a managed string (which would free it).
/// </summary>
internal static unsafe partial class Z3Native
{
    private const string Library = "libz3.so.4";

    [LibraryImport(Library)]
    internal static partial nint Z3_mk_config();

    [LibraryImport(Library)]
    internal static partial void Z3_del_config(nint config);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void Z3_set_param_value(nint config, string id, string value);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void Z3_global_param_set(string id, string value);

    [LibraryImport(Library)]
    internal static partial nint Z3_mk_context(nint config);

    [LibraryImport(Library)]
    internal static partial void Z3_del_context(nint context);

    [LibraryImport(Library)]
    internal static partial void Z3_set_error_handler(nint context, delegate* unmanaged[Cdecl]<nint, int, void> handler);

    [LibraryImport(Library)]
    internal static partial nint Z3_get_error_msg(nint context, int code);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial nint Z3_eval_smtlib2_string(nint context, string commands);

    /// <summary>Thread-safe: makes the context's running command stop at its next cancellation check.</summary>
    [LibraryImport(Library)]
    internal static partial void Z3_interrupt(nint context);

    [LibraryImport(Library)]
    internal static partial void Z3_get_version(out uint major, out uint minor, out uint build, out uint revision);
}
