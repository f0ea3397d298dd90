using System;

namespace Latent.Golden.Conformance;

/// <summary>Malformed input to <c>latent check</c>: the message names the file and the JSON path of the problem.</summary>
public sealed class InputErrorException : Exception
{
    /// <summary>A problem at <paramref name="jsonPath"/> of <paramref name="file"/>.</summary>
    public InputErrorException(string file, string jsonPath, string problem)
        : base($"{file}: {jsonPath}: {problem}")
    {
    }

    /// <summary>A problem with a whole file or folder; the message names it.</summary>
    public InputErrorException(string message)
        : base(message)
    {
    }

    /// <summary>A problem with a whole file or folder, caused by <paramref name="innerException"/>.</summary>
    public InputErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>An unspecified problem.</summary>
    public InputErrorException()
    {
    }
}
