using System;
using System.Collections.Generic;
using System.Linq;
using Latent.Golden.Conformance;
using Latent.Golden.Model;
using Latent.Golden.Tests.Ports;
using Latent.Golden.Tests.Support;
using Latent.Golden.Tolerance;
using Latent.Oracles;
using Xunit;

namespace Latent.Golden.Tests;

/// <summary>
/// Each port profile is proven on ports that make its choices (<see cref="ProfilePorts"/>): a port in the Lean order with
/// a faithful exp passes strict; an exp two ulps off or a reassociated KL term fails strict where it shows and passes
/// default; a flush-to-zero port passes gpu and fails default. Every format's files are checked.
/// </summary>
public sealed class ProfileTests
{
    private static readonly Lazy<IReadOnlyList<CheckedFile>> Vectors = new(() => [.. SetIntegrity.Read(Repo.Vectors).Files.Where(f => f.Derivative == Derivative.None)]);

    private static readonly string[] Formats = ["f64", "f32", "f16", "bf16"];

    private static IReadOnlyList<FileVerdict> Check(ICSharpPort port, PortProfile profile) =>
        Checker.Check(Vectors.Value, CSharpPort.Run(port, port.GetType().Name), profile);

    private static void AllPass(IReadOnlyList<FileVerdict> verdicts, string what) =>
        Assert.All(verdicts, v => Assert.True(v.Failures.Count == 0, $"{what}: {v.FileName}: {v.Failures.Count} fail, first {string.Join("; ", v.Failures.Take(2))}"));

    [Fact]
    public void The_set_has_every_definition_in_every_format()
    {
        Assert.Equal(20, Vectors.Value.Count);
        foreach (string format in Formats)
        {
            Assert.Equal(5, Vectors.Value.Count(f => f.Format == format));
        }
    }

    [Theory]
    [InlineData(PortProfile.Strict)]
    [InlineData(PortProfile.Default)]
    [InlineData(PortProfile.Gpu)]
    public void A_spec_order_port_with_a_faithful_exp_passes(PortProfile profile) =>
        AllPass(Check(new ContextPort<SpecOrderFaithful>(), profile), "spec order, faithful exp");

    [Fact]
    public void A_two_ulp_exp_passes_default_and_fails_strict_in_every_file_that_calls_exp()
    {
        var port = new ContextPort<SpecOrderTwoUlpExp>();
        AllPass(Check(port, PortProfile.Default), "two-ulp exp under default");
        IReadOnlyList<FileVerdict> strict = Check(port, PortProfile.Strict);
        foreach (FileVerdict v in strict)
        {
            bool callsExp = v.Definition is Definition.ExpTensor or Definition.ReparameterizeDiag or Definition.DiagonalGaussianKlToStandard;
            Assert.True(callsExp ? v.Failures.Count > 0 : v.Failures.Count == 0, $"{v.FileName}: {v.Failures.Count} strict failures");
        }
    }

    [Fact]
    public void A_reassociated_kl_term_passes_default_and_fails_strict_in_every_kl_file()
    {
        var port = new ContextPort<ReassociatedTerm>();
        AllPass(Check(port, PortProfile.Default), "reassociated KL under default");
        IReadOnlyList<FileVerdict> strict = Check(port, PortProfile.Strict);
        foreach (FileVerdict v in strict)
        {
            bool kl = v.Definition == Definition.DiagonalGaussianKlToStandard;
            Assert.True(kl ? v.Failures.Count > 0 : v.Failures.Count == 0, $"{v.FileName}: {v.Failures.Count} strict failures");
        }
    }

    [Fact]
    public void A_flush_to_zero_port_passes_gpu_and_fails_default()
    {
        var port = new ContextPort<FlushToZero>();
        AllPass(Check(port, PortProfile.Gpu), "flush to zero under gpu");
        IReadOnlyList<FileVerdict> standard = Check(port, PortProfile.Default);
        Assert.Contains(standard, v => v.Failures.Count > 0);

        // It fails only where subnormals are about: a subnormal input or result, or a subnormal intermediate of the spec.
        foreach (FileVerdict v in standard)
        {
            Assert.All(v.Failures, f => Assert.True(
                f.Flags.Intersect(["Subnormal", "SubnormalIntermediate"]).Any(),
                $"{v.FileName} tcId {f.TcId} [{string.Join(",", f.Flags)}]: {f.Reason}"));
        }

        // And it fails in every format (binary16's subnormals begin at 2^-14, bfloat16's at 2^-126).
        foreach (string format in Formats)
        {
            Assert.True(standard.Where(v => v.Format == format).Sum(v => v.Failures.Count) > 0, format);
        }
    }

    /// <summary>
    /// The underflow-edge defect of v1: at these tests <c>eps = ±∞</c> and <c>exp(logvar/2)</c> is about half the least
    /// subnormal, so a faithful exp may return 0 and the result is <c>0 · ∞ = NaN</c>. Every profile now allows that NaN.
    /// </summary>
    [Theory]
    [InlineData("f32", new[] { 311, 312, 374, 375, 437, 438, 500, 501, 563, 627 })]
    [InlineData("f64", new[] { 283, 284, 346, 347, 409, 410, 472, 473, 535, 599 })]
    public void A_faithful_exp_returning_zero_at_the_underflow_edge_is_accepted(string format, int[] tcIds)
    {
        CheckedFile file = Vectors.Value.Single(f => f.Definition == Definition.ReparameterizeDiag && f.Format == format);
        foreach (int tcId in tcIds)
        {
            CheckedTest test = file.Tests.Single(t => t.TcId == tcId);
            Assert.Contains("NanAllowed", test.Flags);
            foreach (PortProfile profile in PortProfiles.All)
            {
                Assert.Contains(test.Expected, e => e.For(profile).Nan == NanRule.Allowed);
            }
        }

        // The downward exp is faithful (strict) in binary32; in binary64 it is glibc's stepped down, within 1.51 ulps.
        var down = new ContextPort<SpecOrderDownward>();
        foreach (PortProfile profile in format == "f32" ? PortProfiles.All : [PortProfile.Default, PortProfile.Gpu])
        {
            FileVerdict verdict = Check(down, profile).Single(v => v.FileName == file.FileName);
            Assert.True(verdict.Failures.Count == 0, $"{profile}: {string.Join("; ", verdict.Failures.Take(3))}");
        }
    }

    [Fact]
    public void Strict_bands_lie_inside_the_default_and_gpu_bands()
    {
        foreach (CheckedFile file in Vectors.Value)
        {
            int width = Writing.ValueText.BitWidth(file.Format);
            foreach (CheckedTest test in file.Tests)
            {
                foreach (Expectation e in test.Expected)
                {
                    Assert.True(Inside(e.Strict, e.Default, width), $"{file.FileName} tcId {test.TcId}: strict {e.Strict} not inside default {e.Default}");
                    Assert.True(Inside(e.Strict, e.Gpu, width), $"{file.FileName} tcId {test.TcId}: strict {e.Strict} not inside gpu {e.Gpu}");
                }
            }
        }
    }

    private static bool Inside(Band inner, Band outer, int width)
    {
        if (inner.Nan == NanRule.Required)
        {
            return outer.Nan != NanRule.Forbidden;
        }

        if (inner.Nan == NanRule.Allowed && outer.Nan == NanRule.Forbidden)
        {
            return false;
        }

        return outer.Nan == NanRule.Required ? false : Order(outer.Lo, width) <= Order(inner.Lo, width) && Order(inner.Hi, width) <= Order(outer.Hi, width);
    }

    private static long Order(ulong bits, int width)
    {
        ulong sign = 1UL << (width - 1);
        long magnitude = (long)(bits & (sign - 1));
        return (bits & sign) != 0 ? -magnitude - 1 : magnitude;
    }
}

/// <summary>
/// The Lean order with an exp rounded downward: 0 below the least subnormal, where the v1 vectors wrongly refused NaN.
/// binary32 and narrower: glibc's binary64 exp rounded down into the format (faithful); binary64: glibc's exp stepped one
/// value down (within 1.51 ulps).
/// </summary>
internal readonly struct SpecOrderDownward : IArithmetic
{
    public static T Exp<T>(T x)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        if (typeof(T) == typeof(double))
        {
            T y = T.Exp(x);
            return T.IsFinite(y) && y > T.Zero ? T.BitDecrement(y) : y;
        }

        double wide = Math.Exp(double.CreateTruncating(x));
        T nearest = T.CreateTruncating(wide);
        return double.CreateTruncating(nearest) > wide && T.IsFinite(nearest) ? T.BitDecrement(nearest) : nearest;
    }

    public static bool Flushes => false;

    public static bool ReassociatesKl => false;
}
