using System.Runtime.InteropServices;
using System.Text;

namespace Mmap.Cli.Tests;

/// <summary>What one in-process mmapv call did.</summary>
public sealed record CliOutcome(string[] Args, int ExitCode, string Out, string Err, long OutChars, long ErrChars, TimeSpan Elapsed, Exception? Escaped)
{
    public IReadOnlyList<string> ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() =>
        $"mmapv {string.Join(' ', Args.Select(a => a.Length > 60 ? a[..60] + "…" : a))} => exit {ExitCode} in {Elapsed.TotalMilliseconds:F0} ms\n" +
        $"stderr ({ErrChars} chars): {Cut(Err)}\nstdout ({OutChars} chars): {Cut(Out)}" + (Escaped is null ? "" : $"\nescaped: {Escaped}");

    private static string Cut(string s) => s.Length > 1500 ? s[..1500] + "…" : s;
}

/// <summary>A writer that keeps at most <see cref="Cap"/> characters but counts all of them.</summary>
public sealed class BoundedWriter(int cap) : TextWriter
{
    private readonly StringBuilder _kept = new();
    private readonly Lock _lock = new();

    public int Cap { get; } = cap;

    public long Total { get; private set; }

    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value)
    {
        lock (_lock)
        {
            Total++;
            if (_kept.Length < Cap) _kept.Append(value);
        }
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        lock (_lock)
        {
            Total += value.Length;
            if (_kept.Length < Cap) _kept.Append(value.AsSpan(0, Math.Min(value.Length, Cap - _kept.Length)));
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_lock) return _kept.ToString();
    }
}

/// <summary>Runs the real command line in-process (Program.Run) with captured output and a time limit.</summary>
public static class CliHarness
{
    public static CliOutcome Invoke(params string[] args) => Invoke(TimeSpan.FromSeconds(60), args);

    public static CliOutcome Invoke(TimeSpan timeout, params string[] args)
    {
        var output = new BoundedWriter(1 << 20);
        var error = new BoundedWriter(1 << 20);
        var context = new CliContext(output, error, errorIsTerminal: false);
        var exit = -1;
        Exception? escaped = null;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource();
        var thread = new Thread(() =>
        {
            try
            {
                exit = Program.Run(args, context, cancel.Token);
            }
            catch (Exception e)
            {
                escaped = e;
            }
        }, 16 << 20) { IsBackground = true, Name = "mmapv in-process" };
        thread.Start();
        if (!thread.Join(timeout))
        {
            cancel.Cancel();
            throw new TimeoutException($"mmapv {string.Join(' ', args.Select(a => a.Length > 60 ? a[..60] + "…" : a))} did not finish within {timeout.TotalSeconds} s");
        }

        return new CliOutcome(args, exit, output.ToString(), error.ToString(), output.Total, error.Total, clock.Elapsed, escaped);
    }

    /// <summary>A fresh temporary folder, deleted with the test's <see cref="TempFolder"/>.</summary>
    public static TempFolder Temp() => new();

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true)]
#pragma warning disable SYSLIB1054, CA2101
    private static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);
#pragma warning restore SYSLIB1054, CA2101

    public static void MakeFifo(string path)
    {
        if (MkFifo(path, 0x1A4) != 0) throw new IOException($"mkfifo {path}: errno {Marshal.GetLastPInvokeError()}");
    }
}

public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("mmapv-cli-tests-").FullName;

    public string File(string name, string text)
    {
        var path = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>Scenario texts the tests build on.</summary>
public static class Texts
{
    public const string Minimal = """
        scenario: minimal
        driver:
          buffer: kmalloc pages=1
          mmap: remap-whole
        program:
          open O_RDWR                                                => ok
          mmap VA length=1p prot=PROT_READ flags=MAP_SHARED          => ok
          read VA+0 uchar                                            => 0

        """;

    public const string Failing = """
        scenario: failing
        driver:
          buffer: kmalloc pages=1
          mmap: remap-whole
        program:
          open O_RDWR                                                => ok
          mmap VA length=1p prot=PROT_READ flags=MAP_SHARED          => EINVAL

        """;

    /// <summary>A program around the given lines (indented by the caller or not).</summary>
    public static string WithProgram(params string[] lines) =>
        "scenario: t\ndriver:\n  buffer: vmalloc pages=16\n  mmap: remap-whole\n  fops: lab\nprogram:\n" + string.Concat(lines.Select(l => "  " + l + "\n"));
}
