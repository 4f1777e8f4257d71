using Mmap.Model.Driver;
using Mmap.Model.Kernel;

namespace Mmap.Scenarios.Syntax;

/// <summary>
/// Reads a scenario file. Never throws on bad input: every problem becomes a <see cref="ScenarioError"/>
/// naming the file, line, column and field, and what is allowed there.
/// </summary>
public sealed class ScenarioParser
{
    private readonly string _file;
    private readonly List<ScenarioError> _errors = new();
    private readonly ValueParser _values;
    private int _line;

    private ScenarioParser(string file)
    {
        _file = file;
        _values = new ValueParser(Error);
    }

    public static ParseResult Parse(string text, string file = "<scenario>")
    {
        var parser = new ScenarioParser(file);
        try
        {
            return parser.Run(text);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            parser._errors.Add(new ScenarioError(file, parser._line, 1, "file", "cannot be read: " + e.Message));
            return new ParseResult(null, parser._errors);
        }
    }

    private enum Section { Header, Driver, Program, Expect }

    private ParseResult Run(string text)
    {
        var header = new Dictionary<string, (Token Value, string Raw, int Line)>();
        var driver = new DriverSectionParser(_values, Error);
        var steps = new StepParser(_values, Error);
        var expectations = new List<TraceExpectation>();
        var comments = new List<string>();
        var seen = new HashSet<Section>();
        var section = Section.Header;
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (_line = 1; _line <= lines.Length; _line++)
        {
            var raw = lines[_line - 1];
            var hash = raw.IndexOf('#');
            if (section == Section.Header && seen.Count == 0 && header.Count == 0 && raw.TrimStart().StartsWith('#'))
            {
                comments.Add(raw.TrimStart()[1..].Trim());
            }

            var content = hash >= 0 ? raw[..hash] : raw;
            if (string.IsNullOrWhiteSpace(content)) continue;
            var indent = content.Length - content.TrimStart().Length;
            var body = content.Trim();

            if (body is "driver:" or "program:" or "expect:")
            {
                section = body switch { "driver:" => Section.Driver, "program:" => Section.Program, _ => Section.Expect };
                if (!seen.Add(section)) Error(new Token(body, indent + 1), "section", $"section '{body}' appears twice", null);
                continue;
            }

            switch (section)
            {
                case Section.Header:
                    ParseKeyValue(body, indent, (key, value, rawValue) =>
                    {
                        if (key.Text is not ("scenario" or "kernel" or "device"))
                            Error(key, "header", $"unknown key '{key.Text}'", "scenario, kernel, device, then the sections driver:, program:, expect:");
                        else if (!header.TryAdd(key.Text, (value, rawValue, _line)))
                            Error(key, key.Text, "given twice", null);
                    });
                    break;
                case Section.Driver:
                    ParseKeyValue(body, indent, driver.Accept);
                    break;
                case Section.Program:
                    steps.Accept(body, indent, _line);
                    break;
                case Section.Expect:
                    ParseKeyValue(body, indent, (key, value, rawValue) => ParseExpectation(key, value, rawValue, expectations));
                    break;
            }
        }

        _line = lines.Length;
        var name = Header(header, "scenario", required: true);
        if (name is { } n && !n.Value.Text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            Error(n.Value, "scenario", $"'{n.Raw}' is not a name", "letters, digits, '-', '_', '.'");
        IReadOnlyList<KernelVersion>? kernels = [KernelVersion.Linux6_1];
        if (Header(header, "kernel", required: false) is { } k)
        {
            var (series, unknown) = SeriesList.Parse(k.Raw);
            if (series is null) Error(k.Value, "kernel", $"'{unknown}' is not a kernel series", SeriesList.Allowed);
            kernels = series;
        }

        if (kernels is not null) CheckSeries(kernels, steps.Steps, expectations);
        var device = Header(header, "device", required: false) is { } d ? d.Raw : Scenario.DefaultDevice;
        if (!device.StartsWith("/dev/", StringComparison.Ordinal) || device.Length > 64 || device[5..].Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            Error(header.TryGetValue("device", out var dv) ? dv.Value : new Token(device, 1), "device", $"'{device}' is not a device path", "/dev/ followed by letters, digits, '-', '_', '.'");
        _line = lines.Length;
        if (!seen.Contains(Section.Driver)) Error(new Token("", 1), "driver", "the driver: section is missing", null);
        if (!seen.Contains(Section.Program)) Error(new Token("", 1), "program", "the program: section is missing", null);

        var strategy = seen.Contains(Section.Driver) ? driver.Finish() : null;
        if (_errors.Count > 0 || name is null || strategy is null || kernels is null) return new ParseResult(null, _errors);
        return new ParseResult(new Scenario
        {
            Name = name.Value.Raw,
            Kernel = kernels[0],
            Kernels = kernels,
            Device = device,
            Driver = strategy,
            Steps = steps.Steps,
            Expectations = expectations,
            Comments = comments,
        }, _errors);
    }

    /// <summary>A header line's value; errors about it name its line (a missing line is reported at the end of the file).</summary>
    private (Token Value, string Raw)? Header(Dictionary<string, (Token Value, string Raw, int Line)> header, string key, bool required)
    {
        if (header.TryGetValue(key, out var value))
        {
            _line = value.Line;
            return (value.Value, value.Raw);
        }
        if (required) Error(new Token("", 1), key, $"the '{key}:' line is missing", null);
        return null;
    }

    private void ParseKeyValue(string body, int indent, Action<Token, Token, string> accept)
    {
        var colon = body.IndexOf(':');
        if (colon <= 0 || body[..colon].Any(char.IsWhiteSpace))
        {
            Error(new Token(body, indent + 1), "line", $"expected 'key: value', found '{body}'", null);
            return;
        }

        var key = new Token(body[..colon], indent + 1);
        var rawValue = body[(colon + 1)..].Trim();
        var valueColumn = indent + 1 + colon + 1 + (body[(colon + 1)..].Length - body[(colon + 1)..].TrimStart().Length);
        if (rawValue.Length == 0)
        {
            Error(key, key.Text, "has no value", null);
            return;
        }

        accept(key, new Token(rawValue, valueColumn), rawValue);
    }

    /// <summary>
    /// Every per-series outcome and expectation names only series the scenario runs on, and a step with per-series
    /// outcomes states one for each of them.
    /// </summary>
    private void CheckSeries(IReadOnlyList<KernelVersion> kernels, IReadOnlyList<Step> steps, List<TraceExpectation> expectations)
    {
        var declared = SeriesList.Write(kernels, ", ");
        foreach (var step in steps)
        {
            if (step.Expected?.PerSeries is not { } perSeries) continue;
            _line = step.Line;
            var named = perSeries.SelectMany(p => p.Series).ToList();
            foreach (var extra in named.Where(v => !kernels.Contains(v)).Distinct())
                Error(new Token("", 1), "outcome", $"names kernel {extra.ToDisplay()}, which the kernel: header does not", declared);
            foreach (var twice in named.GroupBy(v => v).Where(g => g.Count() > 1))
                Error(new Token("", 1), "outcome", $"gives kernel {twice.Key.ToDisplay()} more than one outcome", null);
            foreach (var missing in kernels.Where(v => !named.Contains(v)))
                Error(new Token("", 1), "outcome", $"gives no outcome for kernel {missing.ToDisplay()}", declared);
        }

        foreach (var expectation in expectations.Where(e => e.Kernels is not null))
        {
            _line = expectation.Line;
            foreach (var extra in expectation.Kernels!.Where(v => !kernels.Contains(v)))
                Error(new Token("", 1), "expect", $"names kernel {extra.ToDisplay()}, which the kernel: header does not", declared);
        }
    }

    private void ParseExpectation(Token key, Token value, string raw, List<TraceExpectation> expectations)
    {
        IReadOnlyList<KernelVersion>? on = null;
        var at = key.Text.IndexOf('@');
        if (at >= 0)
        {
            var (series, unknown) = SeriesList.Parse(key.Text[(at + 1)..]);
            if (series is null)
            {
                Error(key, "expect", $"'{unknown}' is not a kernel series", SeriesList.Allowed);
                return;
            }

            on = series;
            key = new Token(key.Text[..at], key.Column);
        }

        var before = expectations.Count;
        ParseExpectationKind(key, value, raw, expectations);
        if (on is not null && expectations.Count > before) expectations[^1] = expectations[^1] with { Kernels = on };
    }

    private void ParseExpectationKind(Token key, Token value, string raw, List<TraceExpectation> expectations)
    {
        switch (key.Text)
        {
            case "trace-contains":
                expectations.Add(new TraceExpectation(TraceExpectationKind.Contains, raw) { Line = _line });
                break;
            case "trace-lacks":
                expectations.Add(new TraceExpectation(TraceExpectationKind.Lacks, raw) { Line = _line });
                break;
            case "trace-count":
                var space = raw.IndexOf(' ');
                if (space < 0)
                {
                    Error(value, "trace-count", "needs a count and a text", "N TEXT");
                    break;
                }

                if (_values.Integer(new Token(raw[..space], value.Column), "trace-count", 0, 100000) is { } count)
                    expectations.Add(new TraceExpectation(TraceExpectationKind.Count, raw[(space + 1)..].Trim(), (int)count) { Line = _line });
                break;
            default:
                Error(key, "expect", $"unknown key '{key.Text}'", "trace-contains, trace-lacks, trace-count, each optionally @SERIES");
                break;
        }
    }

    private void Error(Token at, string field, string message, string? allowed) =>
        _errors.Add(new ScenarioError(_file, _line, Math.Max(1, at.Column), field, message, allowed));
}
