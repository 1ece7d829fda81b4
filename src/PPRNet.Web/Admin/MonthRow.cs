namespace PPRNet.Web.Admin;

public sealed record MonthRow(string Month, int Summaries, bool HasIntro);
