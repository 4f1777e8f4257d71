using Mmap.Smt.Models;
using Mmap.Smt.Queries;
using Mmap.Smt.Solving.Native;

namespace Mmap.Smt.Solving.Backends;

/// <summary>
/// Z3 inside this process through libz3 (P/Invoke). Every query gets a fresh context on the calling thread (a
/// context never crosses threads, and a fresh one solves as fast as the z3 command line, where a reused and reset
/// one is measurably slower). Limits: Z3's <c>:timeout</c> option, its deterministic <c>:rlimit</c> work counter, the
/// <c>memory_max_size</c> parameter, and a wall-clock watchdog that interrupts any libz3 call still running after
/// <see cref="SolverLimits.WallLimit"/> (reported as a timeout), so no query can hang the process.
/// A missing libz3 or a Z3 error becomes <see cref="ProofVerdict.Error"/>.
/// </summary>
public sealed class InProcessZ3Solver : ISolver, IEvaluator, IDisposable
{
    public string Name => "z3-inproc";

    /// <summary>The libz3 version, or an error text when the library cannot be loaded.</summary>
    public static string Version()
    {
        try
        {
            Z3Native.Z3_get_version(out var major, out var minor, out var build, out _);
            return $"{major}.{minor}.{build}";
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return $"unavailable: {e.Message}";
        }
    }

    public ProofVerdict Check(SmtQuery query, SolverLimits limits)
    {
        Z3Context context;
        try
        {
            context = new Z3Context(limits.MemoryMegabytes);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or InvalidOperationException)
        {
            return new ProofVerdict.Error($"libz3 unavailable: {e.Message}");
        }
        using (context)
        {
            return Check(context, query, limits);
        }
    }

    private static ProofVerdict Check(Z3Context context, SmtQuery query, SolverLimits limits)
    {
        var declared = context.Eval(Setup(limits) + SmtQuery.Preamble + query.Body, limits.WallLimit);
        if (declared.Interrupted)
        {
            return new ProofVerdict.Timeout(limits.Timeout);
        }
        if (declared.Error is not null || declared.Output.Contains("(error", StringComparison.Ordinal))
        {
            return new ProofVerdict.Error(declared.Error ?? declared.Output.Trim());
        }
        var answer = context.Eval(SmtQuery.CheckSat, limits.WallLimit);
        if (answer.Interrupted)
        {
            return new ProofVerdict.Timeout(limits.Timeout);
        }
        if (answer.Error is not null)
        {
            return new ProofVerdict.Error(answer.Error);
        }
        var first = answer.Output.Trim();
        var follow = first switch
        {
            "sat" => context.Eval(query.ValueRequest, limits.WallLimit),
            "unknown" => context.Eval("(get-info :reason-unknown)", limits.WallLimit),
            _ => new Z3Reply("", null),
        };
        if (follow.Interrupted)
        {
            return new ProofVerdict.Timeout(limits.Timeout);
        }
        if (follow.Error is not null)
        {
            return new ProofVerdict.Error(follow.Error);
        }
        return SolverResponse.Interpret(first + "\n" + follow.Output, limits);
    }

    /// <summary>How many terms one get-value command asks for.</summary>
    public const int EvaluationChunk = 2000;

    public IReadOnlyList<SmtValue> Evaluate(IReadOnlyList<string> definitions, IReadOnlyList<Terms.Term> closedTerms, SolverLimits limits)
    {
        using var context = new Z3Context(limits.MemoryMegabytes);
        var setup = context.Eval(Setup(limits) + SmtQuery.Preamble + string.Join('\n', definitions) + "\n" + SmtQuery.CheckSat, limits.WallLimit);
        if (setup.Interrupted)
        {
            throw new TimeoutException($"z3 could not start an evaluation within {limits.WallLimit.TotalSeconds:0.#} s");
        }
        if (setup.Error is not null || setup.Output.Trim() != "sat")
        {
            throw new InvalidOperationException($"z3 could not start an evaluation: {setup.Error ?? setup.Output}");
        }
        var values = new List<SmtValue>(closedTerms.Count);
        foreach (var chunk in closedTerms.Chunk(EvaluationChunk))
        {
            var reply = context.Eval(ClosedTermValues.Request(chunk), limits.WallLimit);
            if (reply.Interrupted)
            {
                throw new TimeoutException($"z3 evaluation of {chunk.Length} terms took longer than {limits.WallLimit.TotalSeconds:0.#} s");
            }
            if (reply.Error is not null || reply.Output.Contains("(error", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"z3 evaluation failed: {reply.Error ?? reply.Output}");
            }
            values.AddRange(ClosedTermValues.Parse(reply.Output, chunk.Length));
        }
        return values;
    }

    /// <summary>
    /// Both options are always set: z3's set-option writes them to its process-wide parameters, and a context takes
    /// the process-wide values when it is made, so a query that left one out would inherit another thread's limit.
    /// </summary>
    private static string Setup(SolverLimits limits) =>
        $"(set-option :timeout {limits.TimeoutMilliseconds})\n(set-option :rlimit {limits.ResourceLimit})\n";

    /// <summary>Nothing to release: contexts live for one query. Kept so callers can scope the solver.</summary>
    public void Dispose()
    {
    }
}
