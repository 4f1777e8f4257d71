using Mmap.Model.Kernel;

namespace Mmap.Scenarios.Syntax;

/// <summary>The program: section — one step per line, <c>VERB ARGS [=&gt; OUTCOME]</c>.</summary>
public sealed class StepParser(ValueParser values, Action<Token, string, string, string?> error)
{
    public const string Verbs = "open, close, mmap, read, write, mprotect, munmap, check, fd-write, fd-read, check-buffer, maps, proc-total";

    /// <summary>A program may not map more than this in total (keeps the model and the real VM small).</summary>
    public const ulong MaxLength = 1UL << 30;

    private readonly List<Step> _steps = new();
    private readonly HashSet<string> _mappings = new();

    public IReadOnlyList<Step> Steps => _steps;

    public void Accept(string body, int indent, int line)
    {
        var tokens = Token.Split(body, indent + 1);
        List<Token>? outcome = null;
        var arrow = tokens.FindIndex(t => t.Text == "=>");
        if (arrow >= 0)
        {
            outcome = tokens.Skip(arrow + 1).ToList();
            if (outcome.Count == 0 || (outcome.Count > 1 && outcome.Any(t => !t.Text.Contains('='))))
            {
                error(tokens[arrow], "outcome", "'=>' must be followed by one outcome, or one SERIES=OUTCOME per kernel series", null);
                return;
            }

            tokens = tokens.Take(arrow).ToList();
        }

        var verb = tokens[0];
        var args = tokens.Skip(1).ToList();
        var step = verb.Text switch
        {
            "open" => Positional(verb, args, 1) ? values.OpenFlags(args[0], "open") is { } f ? new OpenStep(f) : null : null,
            "close" => Positional(verb, args, 0) ? new CloseStep() : null,
            "mmap" => Mmap(verb, args),
            "read" => Positional(verb, args, 2) && Address(args[0]) is { } ra && values.Keyword(args[1], "read.type", Vocabulary.ReadTypes) is { } rt
                ? new ReadStep(ra, rt) : null,
            "write" => Write(verb, args),
            "mprotect" => Ranged(verb, args, needsProt: true),
            "munmap" => Ranged(verb, args, needsProt: false),
            "check" => Check(verb, args),
            "fd-write" => FdWrite(verb, args),
            "fd-read" => Keys(verb, args, ["length"], []) is { } r && values.Size(r["length"], "fd-read.length") is { } len
                ? new FdReadStep(len) : null,
            "check-buffer" => Keys(verb, args, ["pattern"], []) is { } cb && values.Bytes(cb["pattern"], "check-buffer.pattern") is { } bytes
                ? new CheckBufferStep(bytes) : null,
            "maps" => Positional(verb, args, 0) ? new MapsStep() : null,
            "proc-total" => Positional(verb, args, 0) ? new ProcTotalStep() : null,
            _ => Unknown(verb),
        };
        if (step is null) return;

        if (outcome is not null)
        {
            if (Outcome(verb, step, outcome) is not { } expected) return;
            step = step with { Expected = expected };
        }

        _steps.Add(step with { Line = line });
    }

    /// <summary>
    /// One outcome (<c>ok</c>) or one per series (<c>6.1=ok 6.12,7.3=SIGSEGV:MAPERR</c>). That every series the
    /// scenario runs on gets exactly one is checked with the header (<see cref="ScenarioParser"/>).
    /// </summary>
    private ExpectedOutcome? Outcome(Token verb, Step step, List<Token> tokens)
    {
        if (tokens.Count == 1 && !tokens[0].Text.Contains('='))
        {
            var o = tokens[0];
            if (OutcomeGrammar.Validate(step, o.Text) is { } allowed)
            {
                error(o, verb.Text + ".outcome", $"'{o.Text}' is not an outcome of {verb.Text}", allowed);
                return null;
            }

            return new ExpectedOutcome(o.Text);
        }

        var perSeries = new List<(IReadOnlyList<KernelVersion>, string)>();
        foreach (var token in tokens)
        {
            var equals = token.Text.IndexOf('=');
            var (series, unknown) = SeriesList.Parse(token.Text[..equals]);
            var text = token.Text[(equals + 1)..];
            if (series is null)
            {
                error(token, verb.Text + ".outcome", $"'{unknown}' is not a kernel series", SeriesList.Allowed);
                return null;
            }

            if (OutcomeGrammar.Validate(step, text) is { } allowed)
            {
                error(token, verb.Text + ".outcome", $"'{text}' is not an outcome of {verb.Text}", allowed);
                return null;
            }

            perSeries.Add((series, text));
        }

        return new ExpectedOutcome(string.Join(' ', tokens.Select(t => t.Text))) { PerSeries = perSeries };
    }

    private Step? Unknown(Token verb)
    {
        error(verb, "step", $"unknown step '{verb.Text}'", Verbs);
        return null;
    }

    private Step? Mmap(Token verb, List<Token> args)
    {
        if (args.Count == 0 || args[0].Text.Contains('='))
        {
            error(args.Count > 0 ? args[0] : verb, "mmap.name", "mmap needs a mapping name first", "an identifier such as VA");
            return null;
        }

        var name = args[0];
        if (!IsIdentifier(name.Text))
        {
            error(name, "mmap.name", $"'{name.Text}' is not a mapping name", "letters, digits and '_', starting with a letter");
            return null;
        }

        if (!_mappings.Add(name.Text))
        {
            error(name, "mmap.name", $"mapping '{name.Text}' is already defined", "a new name");
            return null;
        }

        if (Keys(verb, args.Skip(1).ToList(), ["length", "prot", "flags"], ["offset", "addr"]) is not { } k) return null;
        var length = values.Size(k["length"], "mmap.length");
        var prot = values.Prot(k["prot"], "mmap.prot");
        var flags = values.MapFlags(k["flags"], "mmap.flags");
        var offset = k.TryGetValue("offset", out var off) ? values.Size(off, "mmap.offset") : 0;
        AddressRef? addr = null;
        if (k.TryGetValue("addr", out var a) && (addr = Address(a)) is null) return null;
        if (length is null || prot is null || flags is null || offset is null) return null;
        if (length > MaxLength)
        {
            error(k["length"], "mmap.length", $"{length} bytes is more than the suite maps", $"at most {MaxLength} (1 GiB)");
            return null;
        }

        return new MmapStep(name.Text, length.Value, prot.Value, flags.Value, offset.Value, addr);
    }

    private Step? Write(Token verb, List<Token> args)
    {
        if (!Positional(verb, args, 3)) return null;
        var address = Address(args[0]);
        var type = values.Keyword(args[1], "write.type", Vocabulary.WriteTypes);
        var max = type == Model.Faults.ValueType.U8 ? byte.MaxValue : uint.MaxValue;
        var value = values.Integer(args[2], "write.value", 0, max);
        return address is null || type is null || value is null ? null : new WriteStep(address, type.Value, (uint)value.Value);
    }

    private Step? Ranged(Token verb, List<Token> args, bool needsProt)
    {
        if (args.Count == 0 || args[0].Text.Contains('='))
        {
            error(args.Count > 0 ? args[0] : verb, verb.Text + ".address", $"{verb.Text} needs an address first", "NAME or NAME+OFFSET");
            return null;
        }

        var address = Address(args[0]);
        var k = Keys(verb, args.Skip(1).ToList(), needsProt ? ["length", "prot"] : ["length"], []);
        if (address is null || k is null) return null;
        var length = values.Size(k["length"], verb.Text + ".length");
        if (length is null) return null;
        if (!needsProt) return new MunmapStep(address, length.Value);
        var prot = values.Prot(k["prot"], "mprotect.prot");
        return prot is null ? null : new MprotectStep(address, length.Value, prot.Value);
    }

    private Step? Check(Token verb, List<Token> args)
    {
        if (args.Count == 0 || !_mappings.Contains(args[0].Text))
        {
            error(args.Count > 0 ? args[0] : verb, "check.mapping", "check needs the name of a mapping made earlier", string.Join(", ", _mappings));
            return null;
        }

        if (Keys(verb, args.Skip(1).ToList(), [], ["pattern"]) is not { } k) return null;
        IReadOnlyList<byte>? pattern = null;
        if (k.TryGetValue("pattern", out var p) && (pattern = values.Bytes(p, "check.pattern")) is null) return null;
        return new CheckStep(args[0].Text, pattern);
    }

    private Step? FdWrite(Token verb, List<Token> args)
    {
        if (Keys(verb, args, ["length", "pattern"], []) is not { } k) return null;
        var length = values.Size(k["length"], "fd-write.length");
        var pattern = values.Bytes(k["pattern"], "fd-write.pattern");
        if (length > MaxLength)
        {
            error(k["length"], "fd-write.length", "too long", $"at most {MaxLength}");
            return null;
        }

        return length is null || pattern is null ? null : new FdWriteStep(length.Value, pattern);
    }

    private AddressRef? Address(Token token)
    {
        var plus = token.Text.IndexOf('+');
        var name = plus < 0 ? token.Text : token.Text[..plus];
        if (!_mappings.Contains(name))
        {
            error(token, "address", $"'{name}' is not a mapping made by an earlier mmap step",
                _mappings.Count == 0 ? "no mapping is defined yet" : string.Join(", ", _mappings));
            return null;
        }

        if (plus < 0) return new AddressRef(name, 0);
        // NAME+TERM[+TERM...], each term a size: VA+3p+4 is 3 pages and 4 bytes in.
        ulong offset = 0;
        var column = token.Column + plus + 1;
        foreach (var term in token.Text[(plus + 1)..].Split('+'))
        {
            if (values.Size(new Token(term, column), "address.offset") is not { } size) return null;
            offset += size;
            column += term.Length + 1;
        }

        return new AddressRef(name, offset);
    }

    private bool Positional(Token verb, List<Token> args, int count)
    {
        if (args.Count == count) return true;
        error(args.Count > count ? args[count] : verb, verb.Text, $"{verb.Text} takes {count} argument(s), found {args.Count}", null);
        return false;
    }

    private Dictionary<string, Token>? Keys(Token verb, List<Token> args, string[] required, string[] optional)
    {
        var found = new Dictionary<string, Token>();
        var ok = true;
        foreach (var arg in args)
        {
            if (arg.AsKeyValue() is not { } kv || !(required.Contains(kv.Key) || optional.Contains(kv.Key)))
            {
                error(arg, verb.Text, $"unexpected argument '{arg.Text}'", string.Join(", ", required.Concat(optional).Select(k => k + "=…")));
                ok = false;
            }
            else if (!found.TryAdd(kv.Key, kv.Value))
            {
                error(arg, verb.Text + "." + kv.Key, "given twice", null);
                ok = false;
            }
        }

        foreach (var key in required.Where(k => !found.ContainsKey(k)))
        {
            error(verb, verb.Text + "." + key, $"{verb.Text} needs {key}=…", null);
            ok = false;
        }

        return ok ? found : null;
    }

    private static bool IsIdentifier(string text) =>
        text.Length is > 0 and <= 32 && char.IsAsciiLetter(text[0]) && text.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
