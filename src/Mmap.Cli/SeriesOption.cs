using Mmap.Model.Kernel;
using Mmap.Scenarios.Syntax;

namespace Mmap.Cli;

/// <summary>A <c>--kernel</c> value: <c>all</c>, one series or several; an unknown name is one line on stderr.</summary>
public static class SeriesOption
{
    public static IReadOnlyList<KernelVersion>? Parse(string option, string text, TextWriter errors)
    {
        var (series, unknown) = SeriesList.Parse(text);
        if (series is null)
            errors.WriteLine($"{option}: {Echo.Quote(unknown ?? text)} is not a kernel series (allowed: {SeriesList.Allowed})");
        return series;
    }
}
