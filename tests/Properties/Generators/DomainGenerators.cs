using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;
using Latent.Ieee;

namespace Latent.Properties.Generators;

/// <summary>Generators and shrinkers of the law suites' input domains, composed from <see cref="IeeeGenerators{T, TFormat}"/>.</summary>
/// <typeparam name="T">The .NET type of the format.</typeparam>
/// <typeparam name="TFormat">The format's parameters.</typeparam>
public static class DomainGenerators<T, TFormat>
    where T : IBinaryFloatingPointIeee754<T>
    where TFormat : IBinaryFormat<T>
{
    private static double Max => double.CreateTruncating(IeeeGenerators<T, TFormat>.MaxValue);

    private static Gen<T> SignedZero { get; } = Gen.Elements(T.Zero, T.NegativeZero);

    /// <summary>Shapes of rank 0 (scalar) to 4 with dimensions 0 to 4: one shape in about six has a zero-length dimension.</summary>
    public static Gen<Shape> Shapes { get; } =
        from rank in Gen.Choose(0, 4)
        from dims in Gen.Frequency((1, Gen.Constant(0)), (12, Gen.Choose(1, 4))).ArrayOf(rank)
        select Shape.Of(dims);

    /// <summary>Three tensors of one generated shape, every value from <see cref="IeeeGenerators{T, TFormat}.Any"/>.</summary>
    public static Gen<LatentTensors<T, TFormat>> LatentTensors { get; } =
        from shape in Shapes
        from mu in IeeeGenerators<T, TFormat>.Any.ArrayOf(shape.Size)
        from logvar in IeeeGenerators<T, TFormat>.Any.ArrayOf(shape.Size)
        from eps in IeeeGenerators<T, TFormat>.Any.ArrayOf(shape.Size)
        select new LatentTensors<T, TFormat>(shape, mu, logvar, eps);

    /// <summary>Zeros of both signs, mixed freely, on a generated shape with at least one element.</summary>
    public static Gen<SignedZeroInputs<T, TFormat>> SignedZeroInputs { get; } =
        from shape in Shapes.Where(s => s.Size > 0)
        from mu in Gen.Elements(T.Zero, T.NegativeZero).ArrayOf(shape.Size)
        from logvar in Gen.Elements(T.Zero, T.NegativeZero).ArrayOf(shape.Size)
        select new SignedZeroInputs<T, TFormat>(shape, mu, logvar);

    /// <summary>A nonzero logvar with |l| &lt; 1 (subnormals included).</summary>
    public static Gen<TinyLogvar<T, TFormat>> TinyLogvars { get; } =
        IeeeGenerators<T, TFormat>.Tiny.Where(l => !T.IsZero(l)).Select(l => new TinyLogvar<T, TFormat>(l));

    /// <summary>KL inputs of 1 to 64 coordinates inside the bound's domain (<see cref="KlDomain{T, TFormat}"/>).</summary>
    public static Gen<KlDomain<T, TFormat>> KlDomains { get; } =
        from n in Gen.Frequency((6, Gen.Choose(1, 4)), (3, Gen.Choose(5, 16)), (1, Gen.Choose(17, 64)))
        from mu in KlMu(n).ArrayOf(n)
        from logvar in KlLogvar(n).ArrayOf(n)
        select Checked(new KlDomain<T, TFormat>(mu, logvar));

    private static KlDomain<T, TFormat> Checked(KlDomain<T, TFormat> input) =>
        InKlDomain(input.Mu, input.Logvar) ? input : throw new InvalidOperationException($"Generated outside the KL domain: {input}");

    /// <summary>Whether KL inputs are inside the bound's domain: finite, and every term below <c>MaxValue / 4n</c>.</summary>
    public static bool InKlDomain(T[] mu, T[] logvar)
    {
        int n = mu.Length;
        if (n == 0 || logvar.Length != n)
        {
            return false;
        }

        double limit = Max / (4.0 * n);
        for (int i = 0; i < n; i++)
        {
            double m = double.CreateTruncating(mu[i]), l = double.CreateTruncating(logvar[i]);
            if (!double.IsFinite(m) || !double.IsFinite(l) || m * m > limit || l > Math.Log(limit) || -l > limit)
            {
                return false;
            }
        }

        return true;
    }

    private static Gen<T> KlMu(int n)
    {
        double limit = Max / (4.0 * n);
        return Gen.Frequency(
            (3, SignedZero),
            (3, IeeeGenerators<T, TFormat>.Moderate),
            (1, IeeeGenerators<T, TFormat>.Tiny),
            (1, IeeeGenerators<T, TFormat>.Subnormal),
            (2, IeeeGenerators<T, TFormat>.AnyFinite))
            .Where(m => double.CreateTruncating(m) * double.CreateTruncating(m) <= limit);
    }

    private static Gen<T> KlLogvar(int n)
    {
        double limit = Max / (4.0 * n);
        T top = T.CreateTruncating(Math.Log(limit));
        return Gen.Frequency(
            (2, SignedZero),
            (4, IeeeGenerators<T, TFormat>.Tiny),
            (3, IeeeGenerators<T, TFormat>.Moderate),
            (1, IeeeGenerators<T, TFormat>.Subnormal),
            (1, IeeeGenerators<T, TFormat>.Near(top)),
            (2, IeeeGenerators<T, TFormat>.AnyFinite))
            .Where(l => double.CreateTruncating(l) <= Math.Log(limit) && -double.CreateTruncating(l) <= limit);
    }

    private static Gen<T> ReparameterizeMu { get; } = Gen.Frequency(
        (2, SignedZero),
        (4, IeeeGenerators<T, TFormat>.Moderate),
        (1, IeeeGenerators<T, TFormat>.Tiny),
        (1, IeeeGenerators<T, TFormat>.Subnormal),
        (2, IeeeGenerators<T, TFormat>.AnyFinite.Where(m => Math.Abs(double.CreateTruncating(m)) <= Max / 4)));

    /// <summary>One reparameterization coordinate inside the bound's domain (<see cref="ReparameterizeDomain{T, TFormat}"/>).</summary>
    public static Gen<ReparameterizeDomain<T, TFormat>> ReparameterizeDomains { get; } =
        from mu in ReparameterizeMu
        from logvar in ReparameterizeLogvar
        from eps in ReparameterizeEps(logvar)
        select InReparameterizeDomain(mu, logvar, eps)
            ? new ReparameterizeDomain<T, TFormat>(mu, logvar, eps)
            : throw new InvalidOperationException($"Generated outside the reparameterization domain: {mu}, {logvar}, {eps}");

    /// <summary>Whether one reparameterization coordinate is inside the bound's domain.</summary>
    public static bool InReparameterizeDomain(T mu, T logvar, T eps)
    {
        double m = double.CreateTruncating(mu), l = double.CreateTruncating(logvar), e = double.CreateTruncating(eps);
        if (!double.IsFinite(m) || !double.IsFinite(l) || !double.IsFinite(e) || Math.Abs(m) > Max / 4)
        {
            return false;
        }

        // exp(l/2)·|e| ≤ Max/4, compared in logarithms so that neither factor overflows.
        return e == 0 || (l / 2) + Math.Log(Math.Abs(e)) <= Math.Log(Max / 4);
    }

    private static Gen<T> ReparameterizeLogvar
    {
        get
        {
            T two = T.One + T.One;
            T top = (two * IeeeGenerators<T, TFormat>.ExpOverflowEdge) - two;
            T bottom = two * two * IeeeGenerators<T, TFormat>.ExpUnderflowEdge;
            return Gen.Frequency(
                (2, SignedZero),
                (3, IeeeGenerators<T, TFormat>.Tiny),
                (3, IeeeGenerators<T, TFormat>.Moderate),
                (1, IeeeGenerators<T, TFormat>.Near(two * IeeeGenerators<T, TFormat>.ExpUnderflowEdge)),
                (1, IeeeGenerators<T, TFormat>.Near(top)),
                (2, IeeeGenerators<T, TFormat>.AnyFinite))
                .Where(l => l <= top && l >= bottom);
        }
    }

    private static Gen<T> ReparameterizeEps(T logvar) => Gen.Frequency(
        (1, SignedZero),
        (4, IeeeGenerators<T, TFormat>.Moderate),
        (1, IeeeGenerators<T, TFormat>.Tiny),
        (1, IeeeGenerators<T, TFormat>.Subnormal),
        (2, IeeeGenerators<T, TFormat>.AnyFinite))
        .Where(e => InReparameterizeDomain(T.Zero, logvar, e));

    private static Gen<T> CodeValue { get; } = Gen.Frequency(
        (1, SignedZero),
        (4, IeeeGenerators<T, TFormat>.Moderate),
        (1, IeeeGenerators<T, TFormat>.Subnormal),
        (1, IeeeGenerators<T, TFormat>.Tiny),
        (2, IeeeGenerators<T, TFormat>.AnyFinite));

    /// <summary>Codebooks of 1 to 6 codes of a shape with up to 64 elements (zero-length shapes included), finite values.</summary>
    public static Gen<CodebookCase<T, TFormat>> CodebookCases { get; } =
        from numCodes in Gen.Choose(1, 6)
        from shape in Shapes.Where(s => s.Size <= 64)
        from values in CodeValue.ArrayOf(numCodes * shape.Size)
        from index in Gen.Choose(0, numCodes - 1)
        from z in Gen.Frequency(
            (1, from code in Gen.Choose(0, numCodes - 1) select values.AsSpan(code * shape.Size, shape.Size).ToArray()),
            (2, CodeValue.ArrayOf(shape.Size)))
        select new CodebookCase<T, TFormat>(new Codebook<T>(numCodes, shape, values), index, z, values);

    /// <summary>Shrinks KL inputs: drop a coordinate, then simplify one value; every candidate stays in the domain.</summary>
    public static IEnumerable<KlDomain<T, TFormat>> ShrinkKl(KlDomain<T, TFormat> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        int n = input.Mu.Length;
        for (int i = 0; n > 1 && i < n; i++)
        {
            T[] mu = Without(input.Mu, i), logvar = Without(input.Logvar, i);
            if (InKlDomain(mu, logvar))
            {
                yield return new KlDomain<T, TFormat>(mu, logvar);
            }
        }

        for (int i = 0; i < n; i++)
        {
            foreach (T m in IeeeGenerators<T, TFormat>.Shrink(input.Mu[i]))
            {
                T[] mu = With(input.Mu, i, m);
                if (InKlDomain(mu, input.Logvar))
                {
                    yield return new KlDomain<T, TFormat>(mu, input.Logvar);
                }
            }

            foreach (T l in IeeeGenerators<T, TFormat>.Shrink(input.Logvar[i]))
            {
                T[] logvar = With(input.Logvar, i, l);
                if (InKlDomain(input.Mu, logvar))
                {
                    yield return new KlDomain<T, TFormat>(input.Mu, logvar);
                }
            }
        }
    }

    /// <summary>Shrinks one reparameterization coordinate, value by value, staying in the domain.</summary>
    public static IEnumerable<ReparameterizeDomain<T, TFormat>> ShrinkReparameterize(ReparameterizeDomain<T, TFormat> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        IEnumerable<ReparameterizeDomain<T, TFormat>> candidates =
            IeeeGenerators<T, TFormat>.Shrink(input.Mu).Select(m => input with { Mu = m })
            .Concat(IeeeGenerators<T, TFormat>.Shrink(input.Logvar).Select(l => input with { Logvar = l }))
            .Concat(IeeeGenerators<T, TFormat>.Shrink(input.Eps).Select(e => input with { Eps = e }));
        return candidates.Where(c => InReparameterizeDomain(c.Mu, c.Logvar, c.Eps));
    }

    /// <summary>Shrinks tensors of every class value by value (the shape stays).</summary>
    public static IEnumerable<LatentTensors<T, TFormat>> ShrinkTensors(LatentTensors<T, TFormat> input)
    {
        ArgumentNullException.ThrowIfNull(input);
        for (int i = 0; i < input.Mu.Length; i++)
        {
            foreach (T m in IeeeGenerators<T, TFormat>.Shrink(input.Mu[i]))
            {
                yield return input with { Mu = With(input.Mu, i, m) };
            }

            foreach (T l in IeeeGenerators<T, TFormat>.Shrink(input.Logvar[i]))
            {
                yield return input with { Logvar = With(input.Logvar, i, l) };
            }

            foreach (T e in IeeeGenerators<T, TFormat>.Shrink(input.Eps[i]))
            {
                yield return input with { Eps = With(input.Eps, i, e) };
            }
        }
    }

    private static T[] Without(T[] values, int index) => [.. values.AsSpan(0, index), .. values.AsSpan(index + 1)];

    private static T[] With(T[] values, int index, T value)
    {
        T[] copy = (T[])values.Clone();
        copy[index] = value;
        return copy;
    }
}
