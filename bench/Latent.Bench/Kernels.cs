using System;
using System.Numerics.Tensors;
using Latent;

namespace Latent.Bench;

/// <summary>
/// The compared implementations of each kernel: the mirror (IeeeContext), a bare loop in the spec's order calling libm
/// directly (bit-identical to the mirror, checked), and TensorPrimitives (vectorized, not bit-identical: its own exp).
/// </summary>
internal sealed class Kernels<T>
    where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>, System.Numerics.IExponentialFunctions<T>
{
    private readonly T[] _mu, _logvar, _eps, _z, _scratch;

    public Kernels(int n, int seed)
    {
        var random = new Random(seed);
        T Draw(double scale) => T.CreateTruncating((random.NextDouble() - 0.5) * scale);
        _mu = new T[n];
        _logvar = new T[n];
        _eps = new T[n];
        for (int i = 0; i < n; i++)
        {
            (_mu[i], _logvar[i], _eps[i]) = (Draw(4), Draw(8), Draw(6));
        }

        _z = new T[n];
        _scratch = new T[n];
    }

    public int Length => _mu.Length;

    public T Sink { get; private set; }

    public void MirrorExp() => GenerativeLatent.ExpTensor<T>(_logvar, _z);

    public void BareExp()
    {
        T[] x = _logvar, z = _z;
        for (int i = 0; i < x.Length; i++)
        {
            z[i] = Libm(x[i]);
        }
    }

    public void TensorPrimitivesExp() => TensorPrimitives.Exp<T>(_logvar, _z);

    public void MirrorReparameterize() => GenerativeLatent.ReparameterizeDiag<T>(_mu, _logvar, _eps, _z);

    public void BareReparameterize()
    {
        T half = T.One / (T.One + T.One);
        for (int i = 0; i < _mu.Length; i++)
        {
            _z[i] = _mu[i] + (Libm(_logvar[i] * half) * _eps[i]);
        }
    }

    public void TensorPrimitivesReparameterize()
    {
        T half = T.One / (T.One + T.One);
        TensorPrimitives.Multiply<T>(_logvar, half, _scratch);
        TensorPrimitives.Exp<T>(_scratch, _scratch);
        TensorPrimitives.FusedMultiplyAdd<T>(_scratch, _eps, _mu, _z);
    }

    public void MirrorKl() => Sink = GenerativeLatent.DiagonalGaussianKlToStandard<T>(_mu, _logvar);

    public void BareKl()
    {
        T sum = T.Zero;
        for (int i = 0; i < _mu.Length; i++)
        {
            sum += ((Libm(_logvar[i]) + (_mu[i] * _mu[i])) - T.One) - _logvar[i];
        }

        Sink = (T.One / (T.One + T.One)) * (sum / T.CreateTruncating(_mu.Length));
    }

    public void TensorPrimitivesKl()
    {
        TensorPrimitives.Exp<T>(_logvar, _scratch);
        T n = T.CreateTruncating(_mu.Length);
        T sum = ((TensorPrimitives.Sum<T>(_scratch) + TensorPrimitives.SumOfSquares<T>(_mu)) - n) - TensorPrimitives.Sum<T>(_logvar);
        Sink = (T.One / (T.One + T.One)) * (sum / n);
    }

    /// <summary>The mirror's results equal the bare loops' bit for bit (exp, reparameterization, KL).</summary>
    public bool MirrorEqualsBareLoop()
    {
        MirrorExp();
        T[] a = (T[])_z.Clone();
        BareExp();
        bool same = a.AsSpan().SequenceEqual(_z);
        MirrorReparameterize();
        a = (T[])_z.Clone();
        BareReparameterize();
        same &= a.AsSpan().SequenceEqual(_z);
        MirrorKl();
        T k = Sink;
        BareKl();
        return same && k.Equals(Sink);
    }

    private static T Libm(T x) =>
        typeof(T) == typeof(double) ? T.CreateTruncating(Math.Exp(double.CreateTruncating(x))) : T.CreateTruncating(MathF.Exp(float.CreateTruncating(x)));
}
