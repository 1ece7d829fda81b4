namespace PPRNet.Web.Summaries;

/// <summary>A field the Markdown pipeline refused; raised by the save path so that callers report
/// it beside the field or as the file's error instead of failing the request or the import.</summary>
public sealed class ContentRejectedException(string field, string problem, Exception? inner = null)
    : Exception($"{field}: {problem}", inner)
{
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
