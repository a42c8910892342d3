namespace Dateline.Readers;

/// <summary>A problem with one input (or one record of it): reported, counted, and the batch goes on.</summary>
public sealed class InputException(string input, string message) : Exception(message)
{
    public string Input { get; } = input;
    public override string ToString() => $"{Input}: {Message}";
}
