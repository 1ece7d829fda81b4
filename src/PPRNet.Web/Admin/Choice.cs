namespace PPRNet.Web.Admin;

public sealed record Choice(string Value, string Label, bool Selected);
