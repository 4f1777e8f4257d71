namespace Mmap.Snapshots.Tests.Workflow;

/// <summary>What comparing a rendering with its verified file did.</summary>
public enum SnapshotOutcome
{
    /// <summary>The verified file matches.</summary>
    Matched,

    /// <summary>No verified file: the received file was written; the test fails.</summary>
    Missing,

    /// <summary>The verified file differs: the received file was written; the test fails with a diff.</summary>
    Changed,

    /// <summary>Missing or different, and accepting was on: the received file replaced the verified one.</summary>
    Accepted,
}
