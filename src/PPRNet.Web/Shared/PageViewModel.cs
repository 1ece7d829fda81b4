namespace PPRNet.Web.Shared;

/// <summary>What the layout needs from every page: its title and meta description.</summary>
public abstract class PageViewModel
{
    public required string Title { get; init; }
    public required string Description { get; init; }
}

public sealed class MessageViewModel : PageViewModel
{
    public required string Heading { get; init; }
    public required string Message { get; init; }
    public int StatusCode { get; init; }
}
