namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>
/// A snapshot's identity, named as Verify names it: <c>&lt;TestClass&gt;.&lt;Case&gt;.verified.&lt;ext&gt;</c>
/// beside <c>&lt;TestClass&gt;.&lt;Case&gt;.received.&lt;ext&gt;</c>.
/// </summary>
public sealed record SnapshotName(string TestClass, string Case, string Extension)
{
    public const string VerifiedMarker = ".verified.";
    public const string ReceivedMarker = ".received.";

    public string Verified => TestClass + "." + Case + VerifiedMarker + Extension;

    public string Received => TestClass + "." + Case + ReceivedMarker + Extension;

    /// <summary>The name a verified or received file stands for; null when the file name is neither.</summary>
    public static SnapshotName? Parse(string fileName)
    {
        foreach (var marker in new[] { VerifiedMarker, ReceivedMarker })
        {
            var at = fileName.LastIndexOf(marker, StringComparison.Ordinal);
            if (at < 0) continue;
            var stem = fileName[..at];
            var dot = stem.IndexOf('.', StringComparison.Ordinal);
            if (dot <= 0 || dot == stem.Length - 1) return null;
            return new SnapshotName(stem[..dot], stem[(dot + 1)..], fileName[(at + marker.Length)..]);
        }

        return null;
    }

    public override string ToString() => TestClass + "." + Case + "." + Extension;
}
