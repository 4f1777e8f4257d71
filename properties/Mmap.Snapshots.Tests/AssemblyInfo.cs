using Xunit;

// Every snapshot test reads and writes the one snapshots/ folder; running them one at a time keeps
// the stale-file and orphan checks independent of test order. They are fast (the model is in memory).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
