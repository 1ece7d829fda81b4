namespace PPRNet.Web.Archive;

public sealed record TopicCount(string Slug, string Name, int Count)
{
    public string Url => BlogUrls.Topic(Slug);
}
