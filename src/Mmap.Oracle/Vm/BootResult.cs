using Mmap.Oracle.Kernels;

namespace Mmap.Oracle.Vm;

/// <summary>
/// One finished VM run: its serial console (kernel messages, the init script's markers) and what the program wrote to
/// the records port (<see cref="Logs.RecordTransport.RecordPort"/>).
/// </summary>
public sealed record BootResult(KernelInstall Kernel, Accelerator Accelerator, string SerialLog, TimeSpan Elapsed)
{
    /// <summary>The records channel's text (empty when the program wrote its records to the console instead).</summary>
    public string RecordLog { get; init; } = "";

    /// <summary>Serial lines without carriage returns.</summary>
    public IReadOnlyList<string> Lines => SplitLines(SerialLog);

    /// <summary>What <see cref="Logs.RecordTransport.Open"/> reads: the console's lines, then the records channel's.</summary>
    public IEnumerable<string> TransportLines => Lines.Concat(SplitLines(RecordLog));

    private static string[] SplitLines(string text) => text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
}
