namespace Mmap.Scenarios;

/// <summary>
/// What a step must produce: <c>ok</c>, an errno name, a printf-%x value, a signal (<c>SIGBUS</c> matches
/// any SIGBUS; <c>SIGSEGV:ACCERR</c> only that code), <c>matched</c>/<c>mismatch</c>, a byte count, <c>BUG</c>.
/// </summary>
public sealed record ExpectedOutcome(string Text)
{
    public bool Matches(string actual)
    {
        if (string.Equals(Text, actual, StringComparison.OrdinalIgnoreCase)) return true;
        if ((Text is "SIGBUS" or "SIGSEGV") && actual.StartsWith(Text + ":", StringComparison.Ordinal)) return true;
        return IsHex(Text) && IsHex(actual) && Normalize(Text) == Normalize(actual);
    }

    private static bool IsHex(string s) => Normalize(s).All(Uri.IsHexDigit) && Normalize(s).Length > 0;

    private static string Normalize(string s)
    {
        var t = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? s[2..] : s;
        t = t.TrimStart('0').ToLowerInvariant();
        return t.Length == 0 && s.Length > 0 ? "0" : t;
    }

    public override string ToString() => Text;
}
