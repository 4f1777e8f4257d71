using System.Globalization;
using Mmap.Model.Kernel;

namespace Mmap.Scenarios.Syntax;

/// <summary>
/// Parses the scalar values of the language. Every method reports a positioned error through the
/// sink and returns null on failure; nothing is ever defaulted silently.
/// </summary>
public sealed class ValueParser(Action<Token, string, string, string?> error)
{
    public const string SizeForms = "hex 0x1000, decimal 4096, pages 16p, 4K, 10M";

    /// <summary>A size: 0x1000, 4096, 16p (pages), 4K, 10M.</summary>
    public ulong? Size(Token token, string field)
    {
        var text = token.Text;
        ulong multiplier = 1;
        if (text.Length > 1 && char.IsLetter(text[^1]) && !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            multiplier = char.ToLowerInvariant(text[^1]) switch
            {
                'p' => PageGeometry.PageSize,
                'k' => 1024,
                'm' => 1024 * 1024,
                _ => 0,
            };
            text = text[..^1];
        }

        if (multiplier != 0 && Number(text) is { } n && (n == 0 || multiplier <= ulong.MaxValue / n)) return n * multiplier;
        error(token, field, $"{Echo.Quote(token.Text)} is not a size", SizeForms);
        return null;
    }

    /// <summary>A whole number: decimal or 0x-hex.</summary>
    public ulong? Integer(Token token, string field, ulong min = 0, ulong max = ulong.MaxValue)
    {
        if (Number(token.Text) is { } n && n >= min && n <= max) return n;
        error(token, field, $"{Echo.Quote(token.Text)} is not a whole number from {min} to {max}", null);
        return null;
    }

    public T? Keyword<T>(Token token, string field, IReadOnlyDictionary<string, T> table) where T : struct
    {
        if (table.TryGetValue(token.Text, out var value)) return value;
        error(token, field, $"unknown value {Echo.Quote(token.Text)}", Vocabulary.Allowed(table));
        return null;
    }

    /// <summary>PROT_NONE or PROT_READ|PROT_WRITE|…</summary>
    public Prot? Prot(Token token, string field)
    {
        if (token.Text == "PROT_NONE") return Model.Kernel.Prot.None;
        var prot = Model.Kernel.Prot.None;
        foreach (var part in token.Text.Split('|'))
        {
            if (Vocabulary.ProtBits.TryGetValue(part, out var bit)) prot |= bit;
            else
            {
                error(token, field, $"unknown prot bit {Echo.Quote(part)}", "PROT_NONE, " + Vocabulary.Allowed(Vocabulary.ProtBits));
                return null;
            }
        }

        return prot;
    }

    /// <summary>MAP_PRIVATE|MAP_FIXED|…, or a hex number for raw bits.</summary>
    public MapFlags? MapFlags(Token token, string field)
    {
        var flags = Model.Kernel.MapFlags.None;
        foreach (var part in token.Text.Split('|'))
        {
            if (Vocabulary.MapFlagBits.TryGetValue(part, out var bit)) flags |= bit;
            else if (part.StartsWith("0x", StringComparison.Ordinal) && Number(part) is { } raw && raw <= uint.MaxValue) flags |= (MapFlags)(uint)raw;
            else
            {
                error(token, field, $"unknown map flag {Echo.Quote(part)}", Vocabulary.Allowed(Vocabulary.MapFlagBits) + ", or hex bits");
                return null;
            }
        }

        return flags;
    }

    public OpenFlags? OpenFlags(Token token, string field)
    {
        var parts = token.Text.Split('|');
        if (!Vocabulary.OpenModes.TryGetValue(parts[0], out var flags) || parts.Length > 2 || (parts.Length == 2 && parts[1] != "O_SYNC"))
        {
            error(token, field, $"{Echo.Quote(token.Text)} is not an open mode", "O_RDONLY, O_WRONLY, O_RDWR, optionally |O_SYNC");
            return null;
        }

        return parts.Length == 2 ? flags | Model.Kernel.OpenFlags.Sync : flags;
    }

    public Errno? Errno(Token token, string field)
    {
        if (Enum.TryParse<Errno>(token.Text, out var errno) && Enum.IsDefined(errno) && token.Text.StartsWith('E')) return errno;
        error(token, field, $"unknown errno {Echo.Quote(token.Text)}", string.Join(", ", Enum.GetNames<Errno>()));
        return null;
    }

    /// <summary>Comma-separated hex bytes: a0,b0,c0,d0.</summary>
    public IReadOnlyList<byte>? Bytes(Token token, string field)
    {
        var bytes = new List<byte>();
        foreach (var part in token.Text.Split(','))
        {
            if (part.Length is < 1 or > 2 || !byte.TryParse(part, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b))
            {
                error(token, field, $"{Echo.Quote(part)} is not a hex byte", "comma-separated hex bytes such as a0,b0,c0,d0");
                return null;
            }

            bytes.Add(b);
        }

        if (bytes.Count > Model.Driver.FillPattern.MaxLength)
        {
            error(token, field, $"{bytes.Count} bytes is too many", $"at most {Model.Driver.FillPattern.MaxLength}");
            return null;
        }

        return bytes;
    }

    public static ulong? Number(string text)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return text.Length > 2 && ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) ? hex : null;
        }

        return text.Length > 0 && text.All(char.IsAsciiDigit) && ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var dec) ? dec : null;
    }
}
