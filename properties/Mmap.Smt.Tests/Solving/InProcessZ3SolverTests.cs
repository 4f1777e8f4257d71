using System.Diagnostics;
using Mmap.Smt.Queries;
using Mmap.Smt.Solving;
using Mmap.Smt.Solving.Backends;
using Mmap.Smt.Solving.Native;
using Xunit;

namespace Mmap.Smt.Tests.Solving;

public sealed class InProcessZ3SolverTests : BackendContract, IDisposable
{
    private readonly InProcessZ3Solver solver = new();

    protected override ISolver Solver => solver;

    [Fact]
    public void Loads_debian_libz3()
    {
        Assert.StartsWith("4.", InProcessZ3Solver.Version());
    }

    [Fact]
    public void A_context_survives_an_error_and_answers_the_next_query()
    {
        Assert.IsType<ProofVerdict.Error>(solver.Check(SolverFixtures.IllSorted(), Limits));
        Assert.IsType<ProofVerdict.Proved>(solver.Check(SolverFixtures.Valid(), Limits));
        Assert.IsType<ProofVerdict.Refuted>(solver.Check(SolverFixtures.RefutedAtMax(), Limits));
    }

    [Fact]
    public void Threads_get_their_own_contexts()
    {
        var verdicts = new ProofVerdict[8];
        Parallel.For(0, verdicts.Length, i => verdicts[i] = solver.Check(SolverFixtures.Valid(), Limits));
        Assert.All(verdicts, v => Assert.IsType<ProofVerdict.Proved>(v));
    }

    [Fact]
    public void The_resource_limit_stops_a_hard_query_whatever_the_clock()
    {
        // Z3's :timeout and the watchdog are an hour away: only the deterministic work counter can stop this query.
        var limits = (SolverLimits.Default with { Timeout = TimeSpan.FromHours(1) }).WithResourceLimit(1_000_000);
        var clock = Stopwatch.StartNew();
        Assert.IsType<ProofVerdict.Timeout>(solver.Check(SolverFixtures.Hard(), limits));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"rlimit 1,000,000 took {clock.Elapsed}");
    }

    [Fact]
    public void The_watchdog_interrupts_a_libz3_call_that_no_solver_option_bounds()
    {
        // An hour's :timeout and no :rlimit (z3 keeps both process-wide, so they are set explicitly): the wall-clock
        // watchdog alone must stop check-sat.
        using var context = new Z3Context(2048);
        var clock = Stopwatch.StartNew();
        const string unbounded = "(set-option :timeout 3600000)\n(set-option :rlimit 0)\n";
        var reply = context.Eval(unbounded + SmtQuery.Preamble + SolverFixtures.Hard().Body + SmtQuery.CheckSat, TimeSpan.FromMilliseconds(300));
        Assert.True(reply.Interrupted, $"not interrupted: {reply}");
        Assert.Equal("unknown", reply.Output.Trim());
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"interrupt took {clock.Elapsed}");
        // The context answers the next command; a finished call is never interrupted afterwards.
        var next = context.Eval("(reset)(declare-const b Bool)(assert b)(check-sat)", TimeSpan.FromSeconds(60));
        Assert.False(next.Interrupted);
        Assert.Equal("sat", next.Output.Trim());
    }

    [Fact]
    public void Default_limits_bound_every_in_process_query()
    {
        var limits = SolverLimits.Default;
        Assert.Equal(SolverLimits.DefaultResourceLimit, limits.ResourceLimit);
        Assert.Equal(limits.Timeout + limits.KillGrace, limits.WallLimit);
        Assert.Throws<ArgumentOutOfRangeException>(() => limits.WithResourceLimit(-1));
    }

    public void Dispose() => solver.Dispose();
}
