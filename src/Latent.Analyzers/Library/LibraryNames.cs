namespace Latent.Analyzers.Library;

/// <summary>Metadata names of the library's marker attributes and of the BCL attributes the rules read.</summary>
internal static class LibraryNames
{
    public const string MirrorsAttribute = "Latent.MirrorsAttribute";
    public const string SpecVariantAttribute = "Latent.SpecVariantAttribute";
    public const string AllocatesResultAttribute = "Latent.AllocatesResultAttribute";
    public const string ContextInterface = "Latent.IContext`1";
    public const string TensorOfAttribute = "Latent.TensorOfAttribute";
    public const string FinAttribute = "Latent.FinAttribute";
    public const string CodebookOfAttribute = "Latent.CodebookOfAttribute";
    public const string EnforcesContractAttribute = "Latent.EnforcesContractAttribute";
    public const string PureAttribute = "System.Diagnostics.Contracts.PureAttribute";
    public const string DoesNotReturnAttribute = "System.Diagnostics.CodeAnalysis.DoesNotReturnAttribute";

    /// <summary>The name of the one writable span a kernel may have: its output.</summary>
    public const string DestinationParameter = "destination";
}
