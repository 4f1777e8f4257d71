using System.Text.RegularExpressions;

namespace Mmap.Properties.Tests.Runner;

/// <summary>Reads the parts of a failure message back: the replay seed and count, and the shrunk scenario with its file name.</summary>
public static partial class FailureMessage
{
    [GeneratedRegex(@"MMAP_PROPERTY_SEED=(\d+,\d+) MMAP_PROPERTY_MAXTEST=(\d+)")]
    private static partial Regex ReplayLine();

    [GeneratedRegex(@"--- shrunk counterexample \(save as properties/counterexamples/([^ ]+\.scenario)\) ---\n(.*?)\n--- original counterexample ---", RegexOptions.Singleline)]
    private static partial Regex ShrunkBlock();

    public static (string Seed, int MaxTest) Replay(string message)
    {
        var match = ReplayLine().Match(message);
        if (!match.Success) throw new FormatException("no replay line in the message");
        return (match.Groups[1].Value, int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static (string FileName, string Text) Shrunk(string message)
    {
        var match = ShrunkBlock().Match(message);
        if (!match.Success) throw new FormatException("no shrunk counterexample in the message");
        return (match.Groups[1].Value, match.Groups[2].Value + "\n");
    }
}
