using System;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Numerics;

/// <summary>
/// The arithmetic of the error analysis: enclosures of the real intermediates of a definition, and upper bounds of the
/// (nonnegative) error terms, all in MPFR with directed rounding, plus the format's <c>ulp</c>. Everything is correctly
/// rounded by MPFR, so the bounds, and the files made from them, are the same on every machine.
/// </summary>
internal sealed class BoundMath : IDisposable
{
    private readonly MpScope _scope = new();

    /// <param name="format">The format analysed.</param>
    /// <param name="profile">The port profile whose assumptions the bounds cover: its <c>exp</c> error
    /// (<see cref="ExpUlps"/>) and whether results may be flushed to zero (<see cref="FlushesSubnormals"/>).</param>
    public BoundMath(FormatLimits format, Tolerance.PortProfile profile = Tolerance.PortProfile.Default)
    {
        Format = format;
        ExpUlps = Tolerance.PortProfiles.ExpUlps(profile);
        FlushesSubnormals = Tolerance.PortProfiles.FlushesSubnormals(profile);
        MinNormal = _scope.PowerOfTwo(format.MinNormalExponent);
        Max = _scope.New();

        // The largest finite value: (2 − 2^(1−p)) · 2^emax.
        MpfrNative.Sub(Max, _scope.PowerOfTwo(1), _scope.PowerOfTwo(1 - format.Precision), MpfrRound.Nearest);
        MpfrNative.MulPow2(Max, Max, format.MaxExponent, MpfrRound.Nearest);
        Quantum = _scope.PowerOfTwo(format.QuantumExponent);
        UnitRoundoff = _scope.PowerOfTwo(format.UnitRoundoffExponent);
        Zero = _scope.Of(0);
        Huge = _scope.PowerOfTwo(4L * format.MaxExponent);
        ExpOverflowEdge = _scope.New();
        MpfrNative.Sub(ExpOverflowEdge, _scope.Of(1), _scope.PowerOfTwo(-Tolerance.PortModel.ExpEarlyOverflowBits), MpfrRound.Down);
        MpfrNative.Mul(ExpOverflowEdge, ExpOverflowEdge, Max, MpfrRound.Down);
    }

    /// <summary>Past this true value a port's <c>exp</c> may already return +∞ (see <see cref="Tolerance.PortModel.ExpEarlyOverflowBits"/>).</summary>
    public MpfrNumber ExpOverflowEdge { get; }

    /// <summary>Whether a port's <c>exp</c> whose true result is at most <paramref name="x"/> may return +∞.</summary>
    public bool ExpMayOverflow(MpfrNumber x) => Exceeds(x, ExpOverflowEdge);

    /// <summary>
    /// A finite stand-in for values far beyond the format's range: <c>exp</c> of a huge argument overflows even MPFR, and
    /// past <c>2^(4 emax)</c> every conclusion of the analysis is already "this overflows", so such values are capped here.
    /// Squares and products of format values stay far below MPFR's own limits.
    /// </summary>
    public MpfrNumber Huge { get; }

    /// <summary>The largest error of the port's <c>exp</c>, in ulps of the true result (the profile's).</summary>
    public int ExpUlps { get; }

    /// <summary>
    /// Whether a rounded result may be flushed to (signed) zero when it is below the smallest normal: then every rounding and
    /// every <c>exp</c> may err by up to the smallest normal more, which <see cref="HalfUlp"/> and <see cref="Ulps"/> add.
    /// </summary>
    public bool FlushesSubnormals { get; }

    /// <summary>The smallest positive normal value.</summary>
    public MpfrNumber MinNormal { get; }

    /// <summary>The format being analysed.</summary>
    public FormatLimits Format { get; }

    /// <summary>The largest finite value of the format.</summary>
    public MpfrNumber Max { get; }

    /// <summary>The subnormal quantum η (the smallest positive subnormal).</summary>
    public MpfrNumber Quantum { get; }

    /// <summary>The unit roundoff <c>u = 2^−p</c>.</summary>
    public MpfrNumber UnitRoundoff { get; }

    /// <summary>Exactly <c>2^exponent</c>.</summary>
    public MpfrNumber PowerOfTwo(long exponent) => _scope.PowerOfTwo(exponent);

    /// <summary>Exact zero.</summary>
    public MpfrNumber Zero { get; }

    // ---- enclosures of reals -----------------------------------------------------------------------------------

    /// <summary>The point interval of an exactly representable value.</summary>
    public Enclosure Exactly(double value)
    {
        MpfrNumber point = _scope.Of(value);
        return new Enclosure(point, point);
    }

    public Enclosure Add(Enclosure a, Enclosure b) =>
        Pair((lo, hi) =>
        {
            MpfrNative.Add(lo, a.Lo, b.Lo, MpfrRound.Down);
            MpfrNative.Add(hi, a.Hi, b.Hi, MpfrRound.Up);
        });

    public Enclosure Sub(Enclosure a, Enclosure b) =>
        Pair((lo, hi) =>
        {
            MpfrNative.Sub(lo, a.Lo, b.Hi, MpfrRound.Down);
            MpfrNative.Sub(hi, a.Hi, b.Lo, MpfrRound.Up);
        });

    /// <summary>The product, from the four endpoint products (the signs of the operands are not known in general).</summary>
    public Enclosure Mul(Enclosure a, Enclosure b) =>
        Pair((lo, hi) =>
        {
            MpfrNumber t = _scope.New();
            MpfrNative.Mul(lo, a.Lo, b.Lo, MpfrRound.Down);
            MpfrNative.Mul(hi, a.Lo, b.Lo, MpfrRound.Up);
            foreach ((MpfrNumber x, MpfrNumber y) in new[] { (a.Lo, b.Hi), (a.Hi, b.Lo), (a.Hi, b.Hi) })
            {
                MpfrNative.Mul(t, x, y, MpfrRound.Down);
                if (MpfrNative.Compare(t, lo) < 0)
                {
                    MpfrNative.Set(lo, t, MpfrRound.Nearest);
                }

                MpfrNative.Mul(t, x, y, MpfrRound.Up);
                if (MpfrNative.Compare(t, hi) > 0)
                {
                    MpfrNative.Set(hi, t, MpfrRound.Nearest);
                }
            }
        });

    /// <summary><c>exp</c> of the interval (increasing, so endpoint by endpoint).</summary>
    public Enclosure Exp(Enclosure a) =>
        Pair((lo, hi) =>
        {
            MpfrNative.Exp(lo, a.Lo, MpfrRound.Down);
            MpfrNative.Exp(hi, a.Hi, MpfrRound.Up);
            Tame(lo);
            Tame(hi);
        });

    /// <summary><c>exp(x) − 1</c> of the interval, without the cancellation near 0.</summary>
    public Enclosure Expm1(Enclosure a) =>
        Pair((lo, hi) =>
        {
            MpfrNative.Expm1(lo, a.Lo, MpfrRound.Down);
            MpfrNative.Expm1(hi, a.Hi, MpfrRound.Up);
            Tame(lo);
            Tame(hi);
        });

    /// <summary><c>log</c> of a positive interval (increasing, so endpoint by endpoint).</summary>
    public Enclosure Log(Enclosure a) =>
        Pair((lo, hi) =>
        {
            MpfrLog.Log(lo, a.Lo, MpfrRound.Down);
            MpfrLog.Log(hi, a.Hi, MpfrRound.Up);
        });

    /// <summary>The interval <c>[lo, hi]</c> of two bounds.</summary>
    public static Enclosure Between(MpfrNumber lo, MpfrNumber hi) => new(lo, hi);

    /// <summary>The interval times <c>2^exponent</c> (exact in MPFR's range).</summary>
    public Enclosure Scale(Enclosure a, long exponent) =>
        Pair((lo, hi) =>
        {
            MpfrNative.MulPow2(lo, a.Lo, (nint)exponent, MpfrRound.Down);
            MpfrNative.MulPow2(hi, a.Hi, (nint)exponent, MpfrRound.Up);
        });

    /// <summary>The interval divided by a positive integer.</summary>
    public Enclosure Divide(Enclosure a, long n) =>
        Pair((lo, hi) =>
        {
            MpfrNative.DivUInt(lo, a.Lo, (nuint)n, MpfrRound.Down);
            MpfrNative.DivUInt(hi, a.Hi, (nuint)n, MpfrRound.Up);
        });

    /// <summary>An upper bound of <c>|x|</c> over the interval.</summary>
    public MpfrNumber Magnitude(Enclosure a)
    {
        MpfrNumber lo = Abs(a.Lo), hi = Abs(a.Hi);
        return MpfrNative.Compare(lo, hi) > 0 ? lo : hi;
    }

    /// <summary>A lower bound of <c>|x|</c> over the interval: 0 when it contains 0.</summary>
    public MpfrNumber MinimumMagnitude(Enclosure a) =>
        a.Sign switch
        {
            > 0 => a.Lo,
            < 0 => Abs(a.Hi),
            _ => Zero,
        };

    // ---- upper bounds of nonnegative error terms ---------------------------------------------------------------

    /// <summary><c>x + y</c> rounded up.</summary>
    public MpfrNumber Plus(MpfrNumber x, MpfrNumber y) => One(r => MpfrNative.Add(r, x, y, MpfrRound.Up));

    /// <summary><c>x · y</c> rounded up.</summary>
    public MpfrNumber Times(MpfrNumber x, MpfrNumber y) => One(r => MpfrNative.Mul(r, x, y, MpfrRound.Up));

    /// <summary><c>k · x</c> rounded up, for a small nonnegative integer <paramref name="k"/>.</summary>
    public MpfrNumber Times(long k, MpfrNumber x) => Times(_scope.Integer(k), x);

    /// <summary><c>x / y</c> rounded up.</summary>
    public MpfrNumber Over(MpfrNumber x, MpfrNumber y) => One(r => MpfrNative.Div(r, x, y, MpfrRound.Up));

    /// <summary><c>x / n</c> rounded up.</summary>
    public MpfrNumber Over(MpfrNumber x, long n) => One(r => MpfrNative.DivUInt(r, x, (nuint)n, MpfrRound.Up));

    /// <summary><c>x − y</c> rounded up (an upper bound).</summary>
    public MpfrNumber Minus(MpfrNumber x, MpfrNumber y) => One(r => MpfrNative.Sub(r, x, y, MpfrRound.Up));

    /// <summary><c>x − y</c> rounded down (a lower bound).</summary>
    public MpfrNumber MinusDown(MpfrNumber x, MpfrNumber y) => One(r => MpfrNative.Sub(r, x, y, MpfrRound.Down));

    /// <summary><c>x + y</c> rounded down (a lower bound).</summary>
    public MpfrNumber PlusDown(MpfrNumber x, MpfrNumber y) => One(r => MpfrNative.Add(r, x, y, MpfrRound.Down));

    /// <summary>The larger of two values.</summary>
    public static MpfrNumber Larger(MpfrNumber x, MpfrNumber y) => MpfrNative.Compare(x, y) >= 0 ? x : y;

    /// <summary>The integer <paramref name="value"/>.</summary>
    public MpfrNumber Integer(long value) => _scope.Integer(value);

    /// <summary>An exactly representable value.</summary>
    public MpfrNumber Of(double value) => _scope.Of(value);

    /// <summary>Whether <c>x &gt; y</c>.</summary>
    public static bool Exceeds(MpfrNumber x, MpfrNumber y) => MpfrNative.Compare(x, y) > 0;

    /// <summary>Whether <c>x</c> is zero.</summary>
    public static bool IsZero(MpfrNumber x) => MpfrNative.Sign(x) == 0 && MpfrNative.IsNaN(x) == 0;

    // ---- the format's ulp ----------------------------------------------------------------------------------------

    /// <summary>
    /// <c>ulp(x)</c> in the format for an upper bound <c>x ≥ 0</c> of a magnitude: the spacing of the format's numbers at
    /// <c>x</c>, <c>2^(⌊log2 x⌋ − p + 1)</c>, never less than the subnormal quantum η. It is nondecreasing in <c>x</c>, so
    /// the ulp of an upper bound bounds the ulp of every value below it. Above the largest finite value it keeps growing,
    /// which only matters where the analysis already allows overflow.
    /// </summary>
    public MpfrNumber Ulp(MpfrNumber x)
    {
        if (MpfrNative.IsNaN(x) != 0 || MpfrNative.IsInfinity(x) != 0)
        {
            throw new InvalidOperationException("The analysis produced a non-finite magnitude; a value should have been capped by Huge.");
        }

        if (MpfrNative.Sign(x) == 0)
        {
            return Quantum;
        }

        // x = m · 2^e with 0.5 ≤ m < 1, so ⌊log2 x⌋ = e − 1 and the spacing is 2^(e − p).
        long e = MpfrNative.GetExponent(x);
        long exponent = Math.Max(e - Format.Precision, Format.QuantumExponent);
        return _scope.PowerOfTwo(exponent);
    }

    /// <summary>
    /// <c>k</c> ulps of a function's result whose true magnitude is at most <paramref name="x"/>, with the ulp taken at the
    /// larger of the true and the returned value: <c>k · ulp(x + k · ulp(x))</c>. Just below a power of two the spacing of
    /// the returned value may be twice that of the true one; libms count their errors in either.
    /// </summary>
    public MpfrNumber Ulps(long k, MpfrNumber x)
    {
        MpfrNumber ulps = Times(k, Ulp(Plus(x, Times(k, Ulp(x)))));

        // A flushed result is off by its own magnitude, less than the smallest normal.
        return FlushesSubnormals ? Plus(ulps, MinNormal) : ulps;
    }

    /// <summary>
    /// The largest error of rounding a real of magnitude at most <paramref name="x"/> to nearest: <c>ulp(x) / 2</c>, or 0
    /// when <paramref name="x"/> is 0 (an exact zero is not rounded).
    /// </summary>
    public MpfrNumber HalfUlp(MpfrNumber x)
    {
        if (MpfrNative.Sign(x) == 0)
        {
            return Zero;
        }

        MpfrNumber half = _scope.New();
        MpfrNative.MulPow2(half, Ulp(x), -1, MpfrRound.Nearest);

        // A flushed result is off by its own magnitude, less than the smallest normal (the bound x may be normal while the
        // rounded value is not, so the term is added whatever x is).
        return FlushesSubnormals ? Plus(half, MinNormal) : half;
    }

    /// <summary>Whether a value of magnitude up to <paramref name="x"/> may round to ±∞ in the format.</summary>
    public bool MayOverflow(MpfrNumber x) => Exceeds(x, Max);

    /// <inheritdoc/>
    public void Dispose() => _scope.Dispose();

    private MpfrNumber Abs(MpfrNumber x)
    {
        if (MpfrNative.SignBit(x) == 0)
        {
            return x;
        }

        return One(r => MpfrNative.Sub(r, Zero, x, MpfrRound.Up));
    }

    /// <summary>Caps a value above <see cref="Huge"/> (or infinite) at <see cref="Huge"/>.</summary>
    private void Tame(MpfrNumber x)
    {
        if (MpfrNative.IsInfinity(x) != 0 ? MpfrNative.SignBit(x) == 0 : Exceeds(x, Huge))
        {
            MpfrNative.Set(x, Huge, MpfrRound.Nearest);
        }
    }

    private Enclosure Pair(Action<MpfrNumber, MpfrNumber> fill)
    {
        MpfrNumber lo = _scope.New(), hi = _scope.New();
        fill(lo, hi);
        return new Enclosure(lo, hi);
    }

    private MpfrNumber One(Action<MpfrNumber> fill)
    {
        MpfrNumber r = _scope.New();
        fill(r);
        return r;
    }
}
