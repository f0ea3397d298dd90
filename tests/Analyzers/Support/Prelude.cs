namespace Latent.Analyzers.Tests.Support;

/// <summary>
/// The library's marker types, as the test compilations see them: the same metadata names as <c>src/Latent</c>, so the
/// rules recognise them. A generic-math IEEE context is included, so every test also checks that context members pass.
/// </summary>
internal static class Prelude
{
    public const string Source = """
        using System;
        using System.Numerics;

        namespace Latent
        {
            [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct)]
            public sealed class MirrorsAttribute : Attribute
            {
                public MirrorsAttribute(string declaration) => Declaration = declaration;

                public string Declaration { get; }
            }

            [AttributeUsage(AttributeTargets.Parameter)]
            public sealed class SpecVariantAttribute : Attribute
            {
            }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class AllocatesResultAttribute : Attribute
            {
            }

            public interface IContext<T>
            {
                static abstract T Zero { get; }
                static abstract T One { get; }
                static abstract T PointFive { get; }
                static abstract T Add(T x, T y);
                static abstract T Mul(T x, T y);
                static abstract T Exp(T x);
                static abstract T NatCast(int n);
            }

            public readonly struct IeeeContext<T> : IContext<T>
                where T : IFloatingPointIeee754<T>
            {
                public static T Zero => T.Zero;
                public static T One => T.One;
                public static T PointFive => T.One / (T.One + T.One);
                public static T Add(T x, T y) => x + y;
                public static T Mul(T x, T y) => x * y;
                public static T Exp(T x) => T.Exp(x);
                public static T NatCast(int n) => T.CreateChecked(n);
            }
        }
        """;
}
