using Mmap.Scenarios.Running;

namespace Mmap.Pictures.Facts;

/// <summary>Classifies an outcome in the trace vocabulary (ok, an errno, a printf value, a signal).</summary>
public static class Tones
{
    /// <summary>The tone of an outcome; <paramref name="isRead"/> says a plain result is a value read from memory.</summary>
    public static Tone Of(string outcome, bool isRead = false)
    {
        if (outcome == StepResult.NotRun) return Tone.Skipped;
        if (outcome.StartsWith("SIG", StringComparison.Ordinal) || outcome == "BUG") return Tone.Signal;
        if (outcome is "ok" or "matched" or "0") return Tone.Success;
        if (outcome == "mismatch" || outcome.StartsWith('E') || outcome.StartsWith("-E", StringComparison.Ordinal)) return Tone.Error;
        if (isRead) return Tone.Value;
        if (outcome.All(char.IsAsciiDigit)) return Tone.Success;
        return Tone.Value;
    }

    /// <summary>A short form that fits in a page cell: SIGSEGV:ACCERR becomes SEGV:ACCERR.</summary>
    public static string Short(string outcome) => outcome switch
    {
        "SIGBUS:ADRERR" => "SIGBUS",
        _ when outcome.StartsWith("SIGSEGV:", StringComparison.Ordinal) => "SEGV:" + outcome["SIGSEGV:".Length..],
        _ => outcome,
    };
}
