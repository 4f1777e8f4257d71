using Mmap.Scenarios;

namespace Mmap.Oracle.Fuzzing;

/// <summary>
/// Runs scenarios on one or more kernels and compares each with the model: the real oracle
/// (<see cref="OracleJudge"/>) or, in tests, a fake kernel.
/// </summary>
public interface IDifferentialJudge
{
    /// <summary>The kernel series names, in the order of <see cref="JudgeAsync"/>'s outer list.</summary>
    IReadOnlyList<string> Kernels { get; }

    /// <summary>The release string of a kernel (for counterexample headers).</summary>
    string Release(string kernel);

    /// <summary>One outcome per kernel per scenario: result[k][i] is scenario i on kernel k.</summary>
    Task<IReadOnlyList<IReadOnlyList<FuzzOutcome>>> JudgeAsync(IReadOnlyList<Scenario> scenarios, CancellationToken cancellationToken = default);
}
