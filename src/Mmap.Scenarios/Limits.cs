namespace Mmap.Scenarios;

/// <summary>
/// Every limit on a scenario and its run, declared once. The parser enforces the file, line and program limits (so the
/// model runner and the real-kernel oracle, which both take parsed scenarios, share them); the runner enforces the
/// trace limit; the command line enforces the batch limit. The README's limits table is printed from <see cref="Table"/>.
/// </summary>
public static class Limits
{
    /// <summary>Largest scenario file read, in bytes.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Longest line of a scenario file, in characters.</summary>
    public const int MaxLineChars = 4096;

    /// <summary>Longest scenario name.</summary>
    public const int MaxNameChars = 100;

    /// <summary>Most steps in a program: section.</summary>
    public const int MaxSteps = 1000;

    /// <summary>Most lines in an expect: section.</summary>
    public const int MaxExpectations = 1000;

    /// <summary>Longest single mmap, fd-write or fd-read (1 GiB): keeps the model and the real VM small.</summary>
    public const ulong MaxMappingLength = 1UL << 30;

    /// <summary>Most bytes all the mmap steps of one program may ask for together (4 GiB).</summary>
    public const ulong MaxTotalMapped = 4UL << 30;

    /// <summary>Most bytes all the fd-read and fd-write steps of one program may move together (4 GiB).</summary>
    public const ulong MaxTotalTransfer = 4UL << 30;

    /// <summary>Most trace events one run may produce; a run that reaches it stops and is reported as bad input.</summary>
    public const int MaxTraceEvents = 20_000;

    /// <summary>Most scenario files one command takes (after folders are expanded).</summary>
    public const int MaxFilesPerBatch = 10_000;

    /// <summary>Longest piece of input echoed in an error message; longer text is cut and its length given.</summary>
    public const int MaxEchoChars = 80;

    /// <summary>The limits as (name, value, meaning) rows, for the README and for `mmapv --help` readers.</summary>
    public static IReadOnlyList<(string Name, string Value, string Meaning)> Table { get; } =
    [
        (nameof(MaxFileBytes), "1 MiB", "size of one scenario file"),
        (nameof(MaxLineChars), MaxLineChars.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "characters in one line of a scenario file"),
        (nameof(MaxNameChars), MaxNameChars.ToString(System.Globalization.CultureInfo.InvariantCulture), "characters in a scenario: name"),
        (nameof(MaxSteps), MaxSteps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "steps in a program: section"),
        (nameof(MaxExpectations), MaxExpectations.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "lines in an expect: section"),
        (nameof(MaxMappingLength), "1 GiB", "length of one mmap, fd-write or fd-read"),
        (nameof(MaxTotalMapped), "4 GiB", "sum of the lengths of all mmap steps of a program"),
        (nameof(MaxTotalTransfer), "4 GiB", "sum of the lengths of all fd-read and fd-write steps of a program"),
        (nameof(MaxTraceEvents), MaxTraceEvents.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "trace events of one run (the run stops there; exit 2)"),
        (nameof(MaxFilesPerBatch), MaxFilesPerBatch.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), "scenario files given to one command, after folders are expanded"),
        (nameof(MaxEchoChars), MaxEchoChars.ToString(System.Globalization.CultureInfo.InvariantCulture), "characters of input quoted in an error message"),
    ];
}
