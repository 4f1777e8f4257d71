namespace Mmap.Smt.Proofs;

/// <summary>A scenario file written from a refuted conjecture's counterexample: file name and text.</summary>
public sealed record CounterexampleScenario(string FileName, string Text);
