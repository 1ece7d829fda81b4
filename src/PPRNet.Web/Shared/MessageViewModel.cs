namespace PPRNet.Web.Shared;

public sealed class MessageViewModel : PageViewModel
{
    public required string Heading { get; init; }
    public required string Message { get; init; }
    public int StatusCode { get; init; }
}
