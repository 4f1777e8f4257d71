using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Mmap.Smt.Solving.Native;

/// <summary>
/// One libz3 context, used by one thread only. An error handler is installed right after creation, so a
/// Z3 error is recorded and reported instead of calling exit(1). Every call returns text copied out of Z3.
/// </summary>
internal sealed unsafe class Z3Context : IDisposable
{
    [ThreadStatic]
    private static int lastErrorCode;

    private nint handle;
    private readonly int ownerThread = Environment.CurrentManagedThreadId;

    public Z3Context(int memoryMegabytes)
    {
        // memory_max_size is a process-wide Z3 parameter, not a context one.
        Z3Native.Z3_global_param_set("memory_max_size", memoryMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var config = Z3Native.Z3_mk_config();
        try
        {
            Z3Native.Z3_set_param_value(config, "model", "true");
            handle = Z3Native.Z3_mk_context(config);
        }
        finally
        {
            Z3Native.Z3_del_config(config);
        }
        if (handle == 0)
        {
            throw new InvalidOperationException("Z3_mk_context returned NULL");
        }
        Z3Native.Z3_set_error_handler(handle, &OnError);
    }

    /// <summary>Evaluates SMT-LIB2 commands; returns the printed responses, or an error text.</summary>
    public Z3Reply Eval(string commands)
    {
        if (Environment.CurrentManagedThreadId != ownerThread)
        {
            throw new InvalidOperationException("a Z3 context is used by the thread that created it only");
        }
        ObjectDisposedException.ThrowIf(handle == 0, this);
        lastErrorCode = 0;
        var output = Z3Native.Z3_eval_smtlib2_string(handle, commands);
        var code = lastErrorCode;
        var text = output == 0 ? "" : Marshal.PtrToStringUTF8(output) ?? "";
        if (code != 0)
        {
            var message = Marshal.PtrToStringUTF8(Z3Native.Z3_get_error_msg(handle, code)) ?? $"Z3 error {code}";
            return new Z3Reply(text, $"{message} {text}".Trim());
        }
        return new Z3Reply(text, null);
    }

    public void Dispose()
    {
        if (handle != 0)
        {
            Z3Native.Z3_del_context(handle);
            handle = 0;
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnError(nint context, int code) => lastErrorCode = code;
}

/// <summary>What one <c>Z3_eval_smtlib2_string</c> call printed, and the error it raised, if any.</summary>
internal sealed record Z3Reply(string Output, string? Error);
