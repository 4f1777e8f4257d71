using System.Globalization;
using System.Text;

namespace Mmap.Smt.Terms;

/// <summary>Renders bit-vector literals: <c>#x…</c> when the width is a multiple of 4, else <c>#b…</c>.</summary>
public static class BitVecLiteral
{
    public static string Render(ulong value, int width)
    {
        if (width % 4 == 0)
        {
            var hex = value.ToString("x16", CultureInfo.InvariantCulture);
            return "#x" + hex[^(width / 4)..];
        }
        var bits = new StringBuilder("#b", width + 2);
        for (var i = width - 1; i >= 0; i--)
        {
            bits.Append(((value >> i) & 1) == 1 ? '1' : '0');
        }
        return bits.ToString();
    }
}
