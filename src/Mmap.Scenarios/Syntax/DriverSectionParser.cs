using Mmap.Model.Driver;
using Mmap.Model.Memory;

namespace Mmap.Scenarios.Syntax;

/// <summary>The driver: section — each key once; buffer: and mmap: are required.</summary>
public sealed class DriverSectionParser(ValueParser values, Action<Token, string, string, string?> error)
{
    public const int MaxPages = Model.Memory.DeviceBuffer.MaxPages;

    private static readonly string[] Keys =
        ["buffer", "fill", "length-limit", "mmap", "prot", "check-errors", "pgoff", "clear-maywrite", "fops"];

    private readonly HashSet<string> _seen = new();
    private DriverStrategy _strategy = new();
    private bool _hasBuffer;
    private bool _hasMethod;

    public void Accept(Token key, Token value, string raw)
    {
        if (!Keys.Contains(key.Text))
        {
            error(key, "driver", $"unknown key {Echo.Quote(key.Text)}", string.Join(", ", Keys));
            return;
        }

        if (!_seen.Add(key.Text))
        {
            error(key, key.Text, "given twice", null);
            return;
        }

        var words = Token.Split(raw, value.Column);
        switch (key.Text)
        {
            case "buffer":
                Buffer(key, words);
                break;
            case "fill":
                Fill(words);
                break;
            case "length-limit":
                LengthLimit(key, words);
                break;
            case "mmap":
                Keyword(key, words, Vocabulary.Methods, method =>
                {
                    _strategy = _strategy with { Method = method };
                    _hasMethod = true;
                });
                break;
            case "prot":
                Keyword(key, words, Vocabulary.RemapProts, prot => _strategy = _strategy with { Prot = prot });
                break;
            case "check-errors":
                Keyword(key, words, Vocabulary.YesNo, checks => _strategy = _strategy with { ChecksErrors = checks });
                break;
            case "pgoff":
                Keyword(key, words, Vocabulary.Pgoffs, pgoff => _strategy = _strategy with { Pgoff = pgoff });
                break;
            case "clear-maywrite":
                Keyword(key, words, Vocabulary.YesNo, clears => _strategy = _strategy with { ClearsMayWrite = clears });
                break;
            case "fops":
                Keyword(key, words, Vocabulary.Fops, fops => _strategy = _strategy with { Fops = fops });
                break;
        }
    }

    public DriverStrategy? Finish()
    {
        // A key given with a bad value was reported where it stands; only a key never given is "missing".
        if (!_seen.Contains("buffer")) error(new Token("", 1), "buffer", "the driver needs 'buffer: kmalloc|vmalloc pages=N'", null);
        if (!_seen.Contains("mmap")) error(new Token("", 1), "mmap", "the driver needs 'mmap: METHOD'", Vocabulary.Allowed(Vocabulary.Methods));
        return _hasBuffer && _hasMethod ? _strategy : null;
    }

    private void Buffer(Token key, List<Token> words)
    {
        if (words.Count != 2 || words[1].AsKeyValue() is not { Key: "pages" } pages)
        {
            error(words.Count > 0 ? words[0] : key, "buffer", "expected 'KIND pages=N'", "kmalloc pages=N, vmalloc pages=N");
            return;
        }

        var kind = values.Keyword<BufferKind>(words[0], "buffer", Vocabulary.Buffers);
        var count = values.Integer(pages.Value, "buffer.pages", 1, MaxPages);
        if (kind is null || count is null) return;
        _strategy = _strategy with { Buffer = kind.Value, Pages = (int)count.Value };
        _hasBuffer = true;
    }

    private void Fill(List<Token> words)
    {
        if (words.Count == 1 && words[0].Text == "none") return;
        if (words.Count > FillPattern.MaxLength)
        {
            error(words[FillPattern.MaxLength], "fill", $"{words.Count} bytes is too many", $"at most {FillPattern.MaxLength}");
            return;
        }

        var bytes = new List<byte?>();
        foreach (var word in words)
        {
            if (word.Text == "i") bytes.Add(null);
            else if (word.Text.Length is 1 or 2 && byte.TryParse(word.Text, System.Globalization.NumberStyles.HexNumber, null, out var b)) bytes.Add(b);
            else
            {
                error(word, "fill", $"{Echo.Quote(word.Text)} is not a hex byte", "hex bytes such as dd cc bb aa, 'i' for the page index, or none");
                return;
            }
        }

        _strategy = _strategy with { Fill = new FillPattern(bytes) };
    }

    private void LengthLimit(Token key, List<Token> words)
    {
        if (words.Count == 1 && words[0].Text == "none") return;
        if (words.Count != 2 || words[0].AsKeyValue() is not { Key: "pages" } pages || words[1].AsKeyValue() is not { Key: "error" } err)
        {
            error(words.Count > 0 ? words[0] : key, "length-limit", "expected 'pages=N error=ERRNO' or 'none'", null);
            return;
        }

        var max = values.Integer(pages.Value, "length-limit.pages", 1, MaxPages);
        var errno = values.Errno(err.Value, "length-limit.error");
        if (max is not null && errno is not null) _strategy = _strategy with { Limit = new LengthLimit((int)max.Value, errno.Value) };
    }

    /// <summary>A key whose value is one keyword of <paramref name="table"/>; applies it when valid.</summary>
    private void Keyword<T>(Token key, List<Token> words, IReadOnlyDictionary<string, T> table, Action<T> apply) where T : struct
    {
        if (Single(key, words) is { } word && values.Keyword(word, key.Text, table) is { } value) apply(value);
    }

    private Token? Single(Token key, List<Token> words)
    {
        if (words.Count == 1) return words[0];
        error(words.Count > 1 ? words[1] : key, key.Text, "expected one value", null);
        return null;
    }
}
