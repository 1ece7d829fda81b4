namespace PPRNet.Web.Mail;

public sealed record TopicChoice(int Id, string Slug, string Name);
