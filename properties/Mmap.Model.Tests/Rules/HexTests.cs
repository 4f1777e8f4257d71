using Mmap.Model.Proc;
using Xunit;

namespace Mmap.Model.Tests.Rules;

/// <summary>"%08lx" and "%02x" as seq_printf writes them.</summary>
public sealed class HexTests
{
    [Theory]
    [InlineData(0UL, 8, "00000000")]
    [InlineData(0x12340000UL, 8, "12340000")]
    [InlineData(0x7f3a1c200000UL, 8, "7f3a1c200000")]
    [InlineData(ulong.MaxValue, 8, "ffffffffffffffff")]
    [InlineData(5UL, 2, "05")]
    [InlineData(0x1abUL, 2, "1ab")]
    public void Writes_lower_case_hex_padded_to_the_width(ulong value, int width, string expected)
    {
        Span<char> buffer = stackalloc char[20];
        Assert.Equal(expected, new string(buffer[..Hex.Write(value, width, buffer)]));
        Assert.Equal(value.ToString("x" + width), expected);
    }
}
