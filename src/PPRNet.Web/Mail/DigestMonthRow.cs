namespace PPRNet.Web.Mail;

public sealed record DigestMonthRow(string Month, int Summaries, DigestState State);
