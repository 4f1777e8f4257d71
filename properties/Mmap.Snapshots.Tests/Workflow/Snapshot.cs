using Xunit.Sdk;

namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>The assertion the snapshot tests use: <c>Snapshot.Verify(nameof(TestClass), case, text, "txt")</c>.</summary>
public static class Snapshot
{
    public static void Verify(string testClass, string caseName, string rendered, string extension) =>
        Verify(SnapshotStore.Repository(), new SnapshotName(testClass, caseName, extension), rendered);

    public static void Verify(SnapshotStore store, SnapshotName name, string rendered)
    {
        var result = store.Compare(name, rendered);
        if (result.Failed) throw new XunitException(result.Message);
    }
}
