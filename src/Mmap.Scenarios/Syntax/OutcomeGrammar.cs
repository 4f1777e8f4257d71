using Mmap.Model.Kernel;

namespace Mmap.Scenarios.Syntax;

/// <summary>Which outcomes each kind of step can have, so a typo after "=>" is an error, not a silent mismatch.</summary>
public static class OutcomeGrammar
{
    /// <summary>SIGBUS or SIGSEGV with any code, or one signal with its code (<see cref="Vocabulary.Signals"/>).</summary>
    private static readonly string[] Signals = ["SIGBUS", "SIGSEGV", .. Vocabulary.Signals.Keys];

    public static string? Validate(Step step, string text) => text == Running.StepResult.NotRun ? null : step switch
    {
        OpenStep or MapsStep or ProcTotalStep => text == "ok" || text == "BUG" ? null : "ok",
        CloseStep => text == "ok" || text == "BUG" || IsErrno(text) ? null : "ok or EBADF (no fd open)",
        MmapStep or MprotectStep or MunmapStep => text == "ok" || text == "BUG" || IsErrno(text) ? null : "ok, BUG or an errno name such as EINVAL",
        ReadStep => IsHex(text) || text == "?" || text == "BUG" || Signals.Contains(text) ? null : "a hex value as printf %x prints it (ffffffdd), ?, BUG, " + string.Join(", ", Signals),
        WriteStep => text == "ok" || text == "BUG" || Signals.Contains(text) ? null : "ok, BUG, " + string.Join(", ", Signals),
        CheckStep => text is "matched" or "mismatch" or "BUG" || Signals.Contains(text) ? null : "matched, mismatch, BUG, " + string.Join(", ", Signals),
        FdReadStep or FdWriteStep => ValueParser.Number(text) is not null || IsErrno(text) ? null : "a byte count or an errno name",
        CheckBufferStep => text is "matched" or "mismatch" ? null : "matched, mismatch",
        _ => "nothing",
    };

    private static bool IsErrno(string text) => text.StartsWith('E') && Enum.TryParse<Errno>(text, out var e) && Enum.IsDefined(e);

    private static bool IsHex(string text)
    {
        var t = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        return t.Length is > 0 and <= 8 && t.All(Uri.IsHexDigit);
    }
}
