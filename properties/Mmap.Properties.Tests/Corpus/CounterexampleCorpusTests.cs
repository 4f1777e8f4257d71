using Mmap.Exploration.Corpus;
using Xunit;

namespace Mmap.Properties.Tests.Corpus;

/// <summary>Every committed counterexample (prop-*, smt-*, …) parses and passes its own expectations on the model.</summary>
public sealed class CounterexampleCorpusTests
{
    public static TheoryData<string> Files()
    {
        var folder = CorpusReplayer.Locate(AppContext.BaseDirectory) ?? throw new DirectoryNotFoundException(CorpusReplayer.DefaultFolder);
        var data = new TheoryData<string>();
        foreach (var file in CorpusReplayer.Files(folder)) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void CounterexampleReplaysAndPassesItsExpectations(string file)
    {
        var folder = CorpusReplayer.Locate(AppContext.BaseDirectory)!;
        var entry = CorpusReplayer.Replay(Path.Combine(folder, file));
        Assert.True(entry.Passed, string.Join("\n", entry.Problems()));
    }

    [Fact]
    public void EveryCounterexampleSaysWhereItCameFrom()
    {
        var folder = CorpusReplayer.Locate(AppContext.BaseDirectory)!;
        foreach (var file in CorpusReplayer.Files(folder).Where(f => Path.GetFileName(f).StartsWith("prop-", StringComparison.Ordinal)))
        {
            var header = File.ReadLines(file).TakeWhile(l => l.StartsWith('#')).ToList();
            Assert.Contains(header, l => l.Contains("From property", StringComparison.Ordinal) && l.Contains("seed", StringComparison.Ordinal));
            Assert.Contains(header, l => l.Contains("What was wrong", StringComparison.Ordinal));
        }
    }
}
