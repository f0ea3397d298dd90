using System.Runtime.InteropServices;
using Latent.Oracles.Mpfr;

namespace Latent.Golden.Numerics;

/// <summary>MPFR's correctly rounded natural logarithm, which the oracles' binding does not need and so does not declare.</summary>
internal static partial class MpfrLog
{
    [LibraryImport("libmpfr.so.6", EntryPoint = "mpfr_log")]
    public static partial int Log(MpfrNumber rop, MpfrNumber op, MpfrRound rnd);
}
