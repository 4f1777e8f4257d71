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
    public Z3Reply Eval(string commands) => Eval(commands, Timeout.InfiniteTimeSpan);

    /// <summary>
    /// Evaluates SMT-LIB2 commands under a wall-clock watchdog: if they are still running after
    /// <paramref name="wallLimit"/>, another thread calls <c>Z3_interrupt</c> (the one thread-safe entry point), Z3
    /// stops at its next cancellation check and the reply says <see cref="Z3Reply.Interrupted"/>. Z3's own
    /// <c>:timeout</c> covers check-sat only; the watchdog also covers parsing, simplification and get-value, so no
    /// call into libz3 can keep a thread (or a test host) spinning.
    /// </summary>
    public Z3Reply Eval(string commands, TimeSpan wallLimit)
    {
        if (Environment.CurrentManagedThreadId != ownerThread)
        {
            throw new InvalidOperationException("a Z3 context is used by the thread that created it only");
        }
        ObjectDisposedException.ThrowIf(handle == 0, this);
        lastErrorCode = 0;
        var watchdog = new Watchdog(handle);
        nint output;
        using (var timer = wallLimit == Timeout.InfiniteTimeSpan ? null : new Timer(static s => ((Watchdog)s!).Fire(), watchdog, wallLimit, Timeout.InfiniteTimeSpan))
        {
            output = Z3Native.Z3_eval_smtlib2_string(handle, commands);
            watchdog.Disarm();
        }
        var code = lastErrorCode;
        var text = output == 0 ? "" : Marshal.PtrToStringUTF8(output) ?? "";
        if (code != 0)
        {
            var message = Marshal.PtrToStringUTF8(Z3Native.Z3_get_error_msg(handle, code)) ?? $"Z3 error {code}";
            return new Z3Reply(text, $"{message} {text}".Trim(), watchdog.Fired);
        }
        return new Z3Reply(text, null, watchdog.Fired);
    }

    /// <summary>
    /// Interrupts one evaluation at most once, and never after it returned: <see cref="Fire"/> and
    /// <see cref="Disarm"/> share a lock, so the context cannot be interrupted (or deleted) under the timer.
    /// </summary>
    private sealed class Watchdog(nint handle)
    {
        private readonly Lock gate = new();
        private bool armed = true;

        public bool Fired { get; private set; }

        public void Fire()
        {
            lock (gate)
            {
                if (!armed) return;
                armed = false;
                Fired = true;
                Z3Native.Z3_interrupt(handle);
            }
        }

        public void Disarm()
        {
            lock (gate) armed = false;
        }
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

/// <summary>
/// What one <c>Z3_eval_smtlib2_string</c> call printed, the error it raised, if any, and whether the wall-clock
/// watchdog interrupted it.
/// </summary>
internal sealed record Z3Reply(string Output, string? Error, bool Interrupted = false);
