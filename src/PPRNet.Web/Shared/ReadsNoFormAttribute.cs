namespace PPRNet.Web.Shared;

/// <summary>For actions that never read a body (the error pages), so that a form they are sent is
/// left unread and their own status stands.</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadsNoFormAttribute : Attribute;
