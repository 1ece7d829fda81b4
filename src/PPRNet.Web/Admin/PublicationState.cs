namespace PPRNet.Web.Admin;

public enum PublicationState
{
    Draft,
    Scheduled,
    Published,
}
