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

            [AttributeUsage(AttributeTargets.Parameter | AttributeTargets.ReturnValue)]
            public sealed class TensorOfAttribute(string shape) : Attribute
            {
                public string Shape { get; } = shape;
            }

            [AttributeUsage(AttributeTargets.Parameter)]
            public sealed class FinAttribute(string bound) : Attribute
            {
                public string Bound { get; } = bound;
            }

            [AttributeUsage(AttributeTargets.Parameter)]
            public sealed class CodebookOfAttribute(string numCodes, string latent) : Attribute
            {
                public string NumCodes { get; } = numCodes;

                public string Latent { get; } = latent;
            }

            public enum ContractKind
            {
                SharedShape,
                Fin,
                Result,
                Aliasing,
                Variant,
            }

            [AttributeUsage(AttributeTargets.Method)]
            public sealed class EnforcesContractAttribute(ContractKind kind) : Attribute
            {
                public ContractKind Kind { get; } = kind;
            }

            [System.Diagnostics.Contracts.Pure]
            public static class Guard
            {
                [EnforcesContract(ContractKind.SharedShape)]
                public static void SameLength<T>(ReadOnlySpan<T> reference, ReadOnlySpan<T> other)
                {
                    if (other.Length != reference.Length)
                    {
                        Throw();
                    }
                }

                [EnforcesContract(ContractKind.Result)]
                public static void DestinationFits<T>(int resultLength, Span<T> destination)
                {
                    if (destination.Length < resultLength)
                    {
                        Throw();
                    }
                }

                [EnforcesContract(ContractKind.Fin)]
                public static void Below(int index, int bound)
                {
                    if ((uint)index >= (uint)bound)
                    {
                        Throw();
                    }
                }

                /// <summary>Named like a guard but not one: the rule goes by the attribute.</summary>
                public static void SameLengthUnmarked<T>(ReadOnlySpan<T> reference, ReadOnlySpan<T> other)
                {
                    if (other.Length != reference.Length)
                    {
                        Throw();
                    }
                }

                [System.Diagnostics.CodeAnalysis.DoesNotReturn]
                private static void Throw() => throw new ArgumentException("contract");
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
