using System.Linq;

namespace Latent.Analyzers.Spec;

/// <summary>
/// A Lean binder or result type as the contract rule reads it: a head and its arguments (<c>Tensor α latent</c>,
/// <c>Fin numCodes</c>, <c>Codebook α numCodes latent</c>, <c>α</c>). Only the contract-bearing heads are interpreted.
/// </summary>
internal sealed class LeanType
{
    private LeanType(string head, string[] arguments)
    {
        Head = head;
        Arguments = arguments;
    }

    public string Head { get; }

    public string[] Arguments { get; }

    public static LeanType Parse(string text)
    {
        string[] words = text.Replace("(", " ").Replace(")", " ").Split([' '], System.StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? new LeanType(string.Empty, []) : new LeanType(LastComponent(words[0]), words.Skip(1).ToArray());
    }

    /// <summary>
    /// The contract the type implies, written as <see cref="Library.LibrarySymbols.ContractOf"/> writes an attribute's, or null
    /// for a type without one (<c>α</c>, <c>Nat</c>, <c>Shape</c>, a function).
    /// </summary>
    public string? Contract => (Head, Arguments.Length) switch
    {
        ("Tensor", 2) => "Tensor α " + Arguments[1],
        ("Fin", 1) => "Fin " + Arguments[0],
        ("Codebook", 3) => "Codebook α " + Arguments[1] + " " + Arguments[2],
        _ => null,
    };

    /// <summary>The C# attribute that states <paramref name="contract"/>, for messages and the code fix.</summary>
    public static string Attribute(string contract)
    {
        string[] words = contract.Split(' ');
        return words[0] switch
        {
            "Tensor" => $"[TensorOf(\"{words[2]}\")]",
            "Fin" => $"[Fin(\"{words[1]}\")]",
            _ => $"[CodebookOf(\"{words[2]}\", \"{words[3]}\")]",
        };
    }

    private static string LastComponent(string name)
    {
        int dot = name.LastIndexOf('.');
        return dot < 0 ? name : name.Substring(dot + 1);
    }
}
