namespace Mmap.Pictures.Facts;

/// <summary>One program step as the picture lists it: its number, text, outcome and verdict.</summary>
public sealed record StepFact(int Number, string Text, string Actual, string? Expected, bool Passed, bool IsRead)
{
    public Tone Tone => Tones.Of(Actual, IsRead);
}
