using System.Globalization;

namespace Mmap.Smt.Models;

/// <summary>Turns value S-expressions (<c>#x…</c>, <c>#b…</c>, <c>(_ bvN W)</c>, <c>true</c>) into values.</summary>
public static class SmtValueParser
{
    public static SmtValue Parse(SExpr value) => value switch
    {
        SExpr.Atom { Text: "true" } => new SmtValue.BoolValue(true),
        SExpr.Atom { Text: "false" } => new SmtValue.BoolValue(false),
        SExpr.Atom { Text: var t } when t.StartsWith("#x", StringComparison.Ordinal) => Hex(t[2..]),
        SExpr.Atom { Text: var t } when t.StartsWith("#b", StringComparison.Ordinal) => Binary(t[2..]),
        SExpr.List { Items: [SExpr.Atom { Text: "_" }, SExpr.Atom { Text: var bv }, SExpr.Atom { Text: var width }] }
            when bv.StartsWith("bv", StringComparison.Ordinal) => Indexed(bv[2..], width),
        _ => throw new FormatException($"not a Bool or bit-vector value: {value}"),
    };

    private static SmtValue Hex(string digits)
    {
        CheckWidth(digits.Length * 4);
        return new SmtValue.BitVecValue(digits.Length * 4, ulong.Parse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
    }

    private static SmtValue Binary(string digits)
    {
        CheckWidth(digits.Length);
        var value = 0UL;
        foreach (var d in digits)
        {
            value = (value << 1) | d switch
            {
                '0' => 0UL,
                '1' => 1UL,
                _ => throw new FormatException($"bad binary digit '{d}'"),
            };
        }
        return new SmtValue.BitVecValue(digits.Length, value);
    }

    private static SmtValue Indexed(string decimalValue, string width)
    {
        var bits = int.Parse(width, CultureInfo.InvariantCulture);
        CheckWidth(bits);
        return new SmtValue.BitVecValue(bits, ulong.Parse(decimalValue, CultureInfo.InvariantCulture));
    }

    private static void CheckWidth(int bits)
    {
        if (bits is < 1 or > 64)
        {
            throw new FormatException($"bit-vector width {bits} outside 1..64");
        }
    }
}
