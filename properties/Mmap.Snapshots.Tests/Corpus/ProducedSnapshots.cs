using Mmap.Pictures;
using Mmap.Snapshots.Tests.Tests;
using Mmap.Snapshots.Tests.Workflow;

namespace Mmap.Snapshots.Tests.Corpus;

/// <summary>
/// Every snapshot some test produces, with a way to render it: a trace report and a picture per corpus
/// file. A verified file outside this list is an orphan; the hygiene tests use it.
/// </summary>
public static class ProducedSnapshots
{
    public static SnapshotName Trace(string caseName) => new(nameof(ScenarioTraces), caseName, "txt");

    public static SnapshotName Picture(string caseName) => new(nameof(ScenarioPictures), caseName, "svg");

    public static string RenderTrace(string caseName) => SnapshotText.Render(CorpusFiles.DisplayPath(caseName), CorpusRun.Run(caseName));

    public static string RenderPicture(string caseName) => AddressSpacePicture.Render(CorpusRun.Run(caseName));

    public static IReadOnlyDictionary<SnapshotName, Func<string>> All()
    {
        var all = new Dictionary<SnapshotName, Func<string>>();
        foreach (var caseName in CorpusFiles.Cases())
        {
            all[Trace(caseName)] = () => RenderTrace(caseName);
            all[Picture(caseName)] = () => RenderPicture(caseName);
        }

        return all;
    }
}
