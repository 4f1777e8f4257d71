namespace Mmap.Oracle.Cases;

/// <summary>
/// One program step as integers only: the operation and seven arguments whose meaning depends on it
/// (see <see cref="StepEncoder"/>). This is all of a step that reaches generated C.
/// </summary>
public sealed record EncodedStep(StepOp Op, ulong A = 0, ulong B = 0, ulong C = 0, ulong D = 0, ulong E = 0, ulong F = 0, ulong G = 0)
{
    public IReadOnlyList<ulong> Arguments => [A, B, C, D, E, F, G];
}
