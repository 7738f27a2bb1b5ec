namespace NewsApi.Ingest.FrontMatter;

/// <summary>
/// Unwinds the tree builder and the field reader to <see cref="FrontMatterParser.Parse"/>, which turns it
/// back into a <see cref="FrontMatterError"/>; it never leaves the parser.
/// </summary>
internal sealed class FrontMatterRejectedException(FrontMatterError error) : Exception(error.Reason)
{
    public FrontMatterError Error { get; } = error;

    public static FrontMatterRejectedException At(YamlValue node, string reason) =>
        new(new FrontMatterError(reason, node.Line, node.Column));
}
