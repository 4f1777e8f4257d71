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

    public static AccessOutcome Bug => new(OutcomeKind.KernelBug);

    public bool IsSignal => Kind is OutcomeKind.SigBus or OutcomeKind.SigSegvMapErr or OutcomeKind.SigSegvAccErr;

    /// <summary>The trace vocabulary: a printf-%x value, ?, ok, SIGBUS:ADRERR, SIGSEGV:MAPERR, SIGSEGV:ACCERR, BUG.</summary>
    public string Render(AccessKind access, ValueType type) => Kind switch
    {
        OutcomeKind.Done => access == AccessKind.Write ? "ok" : type.FormatAsPrintfHex(Value),
        OutcomeKind.UnknownValue => "?",
        OutcomeKind.SigBus => "SIGBUS:ADRERR",
        OutcomeKind.SigSegvMapErr => "SIGSEGV:MAPERR",
        OutcomeKind.SigSegvAccErr => "SIGSEGV:ACCERR",
        OutcomeKind.KernelBug => "BUG",
        _ => throw new InvalidOperationException(Kind.ToString()),
    };
}
