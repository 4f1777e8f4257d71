namespace Mmap.Smt.Proofs;

/// <summary>What a catalogue entry should come out as: a theorem is proved, a conjecture is refuted.</summary>
public enum ExpectedVerdict
{
    Proved,
    Refuted,
}
