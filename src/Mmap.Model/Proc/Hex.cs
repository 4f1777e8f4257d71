namespace Mmap.Model.Proc;

/// <summary>printf's "%0Nlx": lower-case hex, zero-padded to at least N digits (what seq_printf writes in procfs).</summary>
public static class Hex
{
    /// <summary>Writes <paramref name="value"/> into <paramref name="destination"/>; returns the number of chars written.</summary>
    public static int Write(ulong value, int minDigits, Span<char> destination)
    {
        var digits = Math.Max(Math.Max(minDigits, 1), (67 - (int)ulong.LeadingZeroCount(value)) / 4);
        for (var i = digits - 1; i >= 0; i--, value >>= 4)
        {
            destination[i] = "0123456789abcdef"[(int)(value & 0xf)];
        }

        return digits;
    }
}
