namespace Mmap.Model.Faults;

/// <summary>The result of one user access: a value, a signal, or a kernel BUG.</summary>
public readonly record struct AccessOutcome(OutcomeKind Kind, uint Value = 0)
{
    public static AccessOutcome Read(uint value) => new(OutcomeKind.Done, value);

    public static AccessOutcome Written => new(OutcomeKind.Done);

    public static AccessOutcome Unknown => new(OutcomeKind.UnknownValue);

    public static AccessOutcome SigBus => new(OutcomeKind.SigBus);

    public static AccessOutcome MapErr => new(OutcomeKind.SigSegvMapErr);

    public static AccessOutcome AccErr => new(OutcomeKind.SigSegvAccErr);

    public static AccessOutcome PkuErr => new(OutcomeKind.SigSegvPkuErr);

    public static AccessOutcome Bug => new(OutcomeKind.KernelBug);

    /// <summary>
    /// The signals a user access can end with, as the trace and the scenario outcomes spell them (signal:si_code),
    /// declared once: the renderer, the scenario grammar and the oracle's log reading take them from here.
    /// </summary>
    public static readonly IReadOnlyList<(OutcomeKind Kind, string Spelling)> Signals =
    [
        (OutcomeKind.SigBus, "SIGBUS:ADRERR"),
        (OutcomeKind.SigSegvMapErr, "SIGSEGV:MAPERR"),
        (OutcomeKind.SigSegvAccErr, "SIGSEGV:ACCERR"),
        (OutcomeKind.SigSegvPkuErr, "SIGSEGV:PKUERR"),
    ];

    /// <summary>The trace vocabulary: a printf-%x value, ?, ok, a signal of <see cref="Signals"/>, BUG.</summary>
    public string Render(AccessKind access, ValueType type) => Kind switch
    {
        OutcomeKind.Done => access == AccessKind.Write ? "ok" : type.FormatAsPrintfHex(Value),
        OutcomeKind.UnknownValue => "?",
        OutcomeKind.KernelBug => "BUG",
        _ => SignalSpelling(Kind),
    };

    private static string SignalSpelling(OutcomeKind kind)
    {
        foreach (var (k, spelling) in Signals)
            if (k == kind) return spelling;
        throw new InvalidOperationException(kind.ToString());
    }
}
