namespace Mmap.Model.Faults;

/// <summary>The C type a user access reads or writes.</summary>
public enum ValueType
{
    /// <summary>char (signed on x86): printf("%x") of it sign-extends, 0xdd prints ffffffdd.</summary>
    Char,

    /// <summary>unsigned char: 0xdd prints dd.</summary>
    UChar,

    /// <summary>A single byte written.</summary>
    U8,

    /// <summary>A little-endian 32-bit unsigned int: dd cc bb aa reads as aabbccdd.</summary>
    U32,
}

public static class ValueTypeExtensions
{
    public static int Size(this ValueType type) => type == ValueType.U32 ? 4 : 1;

    public static string ToKeyword(this ValueType type) => type switch
    {
        ValueType.Char => "char",
        ValueType.UChar => "uchar",
        ValueType.U8 => "u8",
        ValueType.U32 => "u32",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>What C's printf("%x", value) prints after the usual promotions.</summary>
    public static string FormatAsPrintfHex(this ValueType type, uint raw) => type switch
    {
        ValueType.Char => ((uint)(int)(sbyte)(byte)raw).ToString("x"),
        ValueType.UChar or ValueType.U8 => ((byte)raw).ToString("x"),
        ValueType.U32 => raw.ToString("x"),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };
}
