namespace PPRNet.Web.Archive;

/// <summary>The facts box: what kind of study, what it counted and how large its effect was.</summary>
public sealed record StudyFacts(string Design, int? Studies, int? Samples, int? Participants, Data.EffectSize? EffectSize, string? Effect);
